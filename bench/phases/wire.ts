/** The largest explorer answer as Arrow and as JSON: bytes, and decoding time in Chromium. */
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { get } from '../lib/http';
import { round, timing, type Timing } from '../lib/stats';

export interface WireFigure {
	url: string;
	rows: number;
	arrowBytes: number;
	jsonBytes: number;
	arrowGzipBytes: number;
	jsonGzipBytes: number;
	/** Arrow IPC → row objects with the app's codec, and JSON.parse of the JSON answer. */
	arrowDecode: Timing;
	jsonDecode: Timing;
	arrowFetchAndDecode: Timing;
	jsonFetchAndDecode: Timing;
}

export async function measureWire(
	page: Page,
	base: string,
	arrowUrl: string,
	runs: number
): Promise<WireFigure> {
	const jsonUrl = arrowUrl.replace('format=arrow', 'format=json');
	const [arrow, json] = [await get(`${base}${arrowUrl}`), await get(`${base}${jsonUrl}`)];
	const result = await page.evaluate(
		async ({ arrowUrl, jsonUrl, runs }) => {
			const out = {
				arrow: [] as number[],
				json: [] as number[],
				arrowAll: [] as number[],
				jsonAll: [] as number[],
				rows: 0
			};
			for (let i = -2; i < runs; i++) {
				const a0 = performance.now();
				const bytes = await (await fetch(arrowUrl)).arrayBuffer();
				const a1 = performance.now();
				out.rows = window.__decode!(bytes).length;
				const a2 = performance.now();
				const text = await (await fetch(jsonUrl)).text();
				const j1 = performance.now();
				const parsed = JSON.parse(text) as { rows: unknown[] };
				const j2 = performance.now();
				if (parsed.rows.length !== out.rows) throw new Error('Arrow and JSON disagree');
				if (i < 0) continue;
				out.arrow.push(a2 - a1);
				out.arrowAll.push(a2 - a0);
				out.json.push(j2 - j1);
				out.jsonAll.push(j2 - a2);
			}
			return out;
		},
		{ arrowUrl, jsonUrl, runs }
	);
	return {
		url: arrowUrl,
		rows: result.rows,
		arrowBytes: arrow.bytes.length,
		jsonBytes: json.bytes.length,
		arrowGzipBytes: zlib.gzipSync(arrow.bytes).length,
		jsonGzipBytes: zlib.gzipSync(json.bytes).length,
		arrowDecode: timing(result.arrow),
		jsonDecode: timing(result.json),
		arrowFetchAndDecode: timing(result.arrowAll),
		jsonFetchAndDecode: timing(result.jsonAll)
	};
}

export const kb = (bytes: number) => round(bytes / 1024);
