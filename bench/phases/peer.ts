/**
 * The peer a user would otherwise pick: DuckDB-WASM in Chromium over Parquet files (as Evidence
 * does), against our server DuckDB + Arrow, for the same summary queries. Both pages are timed
 * from navigation start; "cold" is a fresh browser profile, "warm" a reload with its caches.
 */
import type { Browser, Page } from '@playwright/test';
import type { PageReport } from '../browser/types';
import { median, round } from '../lib/stats';

export interface PeerSide {
	coldFirstMs: number;
	coldAllMs: number;
	warmFirstMs: number;
	warmAllMs: number;
	/** Bytes the cold load downloaded. */
	downloadedKb: number;
	marks: Record<string, number>;
	rows: number[];
}

async function report(page: Page): Promise<PageReport> {
	await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120_000 });
	const result = await page.evaluate(() => window.__bench!);
	if (result.error) throw new Error(`Benchmark page failed: ${result.error}`);
	return result;
}

export async function measureSide(
	browser: Browser,
	url: string,
	loads: number,
	prepare: (page: Page) => Promise<void> = async () => undefined
): Promise<PeerSide> {
	const cold: PageReport[] = [];
	const warm: PageReport[] = [];
	let downloaded = 0;
	for (let i = 0; i < loads; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await prepare(page);
		let bytes = 0;
		page.on('response', (response) => {
			bytes += Number(response.headers()['content-length'] ?? 0);
		});
		await page.goto(url);
		cold.push(await report(page));
		downloaded = bytes;
		await page.reload();
		warm.push(await report(page));
		await context.close();
	}
	const pick = (list: PageReport[], key: 'firstResult' | 'allResults') =>
		round(median(list.map((r) => r[key])));
	const marks: Record<string, number> = {};
	for (const name of Object.keys(cold[0]?.marks ?? {}))
		marks[name] = round(median(cold.map((r) => r.marks[name] ?? NaN)));
	return {
		coldFirstMs: pick(cold, 'firstResult'),
		coldAllMs: pick(cold, 'allResults'),
		warmFirstMs: pick(warm, 'firstResult'),
		warmAllMs: pick(warm, 'allResults'),
		downloadedKb: round(downloaded / 1024),
		marks,
		rows: cold[0]?.rows ?? []
	};
}
