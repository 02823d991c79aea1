/**
 * Our approach from the browser's side: the page's `/api/query` questions answered by the server
 * as Arrow and decoded with the app's own codec. Also used to time Arrow against JSON decoding.
 */
import { decodeQueryRows } from '$lib/arrow/codec';
import type { OursConfig, PageReport } from './types';

declare global {
	interface Window {
		__bench?: PageReport;
		__decode?: typeof decodeQueryRows;
	}
}

window.__decode = decodeQueryRows;

async function main(): Promise<PageReport> {
	const config = (await (await fetch('/__bench/config.json')).json()) as OursConfig;
	let firstResult = 0;
	const rows = await Promise.all(
		config.urls.map(async (url) => {
			const response = await fetch(url);
			const decoded = decodeQueryRows(await response.arrayBuffer());
			firstResult ||= performance.now();
			return decoded.length;
		})
	);
	return { marks: {}, firstResult, allResults: performance.now(), rows };
}

if (location.pathname.endsWith('/ours.html')) {
	main().then(
		(report) => (window.__bench = report),
		(error: unknown) =>
			(window.__bench = {
				marks: {},
				firstResult: 0,
				allResults: 0,
				rows: [],
				error: String(error)
			})
	);
}
