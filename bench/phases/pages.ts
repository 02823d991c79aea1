/**
 * Each page as a first-time visitor gets it: the JavaScript it loads (gzip, as adapter-node serves
 * it precompressed), the time from navigation to the first chart drawn, and the server's render
 * time for its HTML (load functions included).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from '@playwright/test';
import { get } from '../lib/http';
import { pageUrl } from './discover';
import { median, round, timing, type Timing } from '../lib/stats';

export interface PageFigure {
	path: string;
	jsGzipKb: number;
	jsRawKb: number;
	scripts: number;
	htmlGzipKb: number;
	/** Navigation start → the first ECharts chart with its data, one frame later. */
	firstChartMs: number;
	firstChartRuns: number[];
	serverRender: Timing;
	charts: number;
}

declare global {
	interface Window {
		__firstChart?: number;
	}
}

/**
 * Notes when the first chart has its data (the ECharts attachment sets `data-points`), one frame
 * later so that it is drawn. A string: tsx would wrap a function in helpers the page lacks.
 */
const FIRST_CHART_SCRIPT = `
new MutationObserver(() => {
	if (window.__firstChart !== undefined || !document.querySelector('[data-points]')) return;
	window.__firstChart = -1;
	requestAnimationFrame(() => (window.__firstChart = performance.now()));
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
`;

function gzipSize(file: string): number {
	if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
	return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export async function measurePage(
	browser: Browser,
	base: string,
	pagePath: string,
	loads: number,
	clientDir: string
): Promise<PageFigure> {
	const firstChart: number[] = [];
	let scripts = new Set<string>();
	let charts = 0;
	for (let i = 0; i < loads; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const seen = new Set<string>();
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (response.request().resourceType() === 'script' && url.origin === base)
				seen.add(url.pathname);
		});
		await page.addInitScript(FIRST_CHART_SCRIPT);
		await page.goto(pageUrl(base, pagePath));
		await page.waitForFunction(() => (window.__firstChart ?? -1) > 0, null, { timeout: 60_000 });
		firstChart.push(await page.evaluate(() => window.__firstChart!));
		await page.waitForLoadState('networkidle');
		charts = await page.locator('[data-points]').count();
		scripts = seen;
		await context.close();
	}
	let gzip = 0;
	let raw = 0;
	for (const script of scripts) {
		const file = path.join(clientDir, script);
		if (!fs.existsSync(file)) continue;
		gzip += gzipSize(file);
		raw += fs.statSync(file).size;
	}
	const render: number[] = [];
	let html: Buffer = Buffer.alloc(0);
	for (let i = -1; i < loads * 2; i++) {
		const response = await get(pageUrl(base, pagePath));
		html = response.bytes;
		if (i >= 0) render.push(response.ms);
	}
	return {
		path: pagePath,
		jsGzipKb: round(gzip / 1024),
		jsRawKb: round(raw / 1024),
		scripts: scripts.size,
		htmlGzipKb: round(zlib.gzipSync(html).length / 1024),
		firstChartMs: round(median(firstChart)),
		firstChartRuns: firstChart.map((v) => round(v)),
		serverRender: timing(render),
		charts
	};
}
