/**
 * Hostile text everywhere it is shown. A server of this file's own holds region names, source
 * notes, cooperative names, a file name and an upload note that are markup, script, spreadsheet
 * formulas or prototype keys (tests/reliability/support/hostile.ts). Every page is toured and every
 * chart hovered point by point; nothing may run (no dialog, window.__xss unset, no CSP violation),
 * no hostile element may appear in the DOM, and the text must show literally. CSV downloads must
 * neutralise formula cells.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import {
	HOSTILE_FILE_NAME,
	HOSTILE_NOTE,
	HOSTILE_REGIONS,
	startHostileServer,
	XSS,
	type HostileServer
} from '../reliability/support/hostile';
import { hydrated, openHydrated, showSampleData } from './helpers';

test.describe.configure({ mode: 'serial' });

let hostile: HostileServer;
test.beforeAll(async () => {
	test.setTimeout(90_000);
	hostile = await startHostileServer();
});
test.afterAll(async () => {
	await hostile?.close();
});

interface Watch {
	dialogs: string[];
	errors: string[];
}

interface PageRecord {
	xss: unknown;
	csp: string[];
	injected: string[];
	tooltips: string[];
}

/**
 * Before any page script runs: dialogs and page errors are collected, CSP violations counted, and
 * a MutationObserver keeps every element the page ever adds that could run code (even if removed
 * again) and every text an ECharts tooltip showed.
 */
async function watch(page: Page): Promise<Watch> {
	const seen: Watch = { dialogs: [], errors: [] };
	page.on('dialog', (dialog) => {
		seen.dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('pageerror', (error) => seen.errors.push(error.message));
	await page.addInitScript(() => {
		const w = window as unknown as {
			__record: { csp: string[]; injected: string[]; tooltips: Set<string> };
		};
		w.__record = { csp: [], injected: [], tooltips: new Set() };
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__record.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
		);
		// SvelteKit's own start-up script carries the page data, hostile names included, as JSON.
		const isPayload = (text: string) => text.includes('__xss') && !text.includes('__sveltekit_');
		const HOSTILE =
			'[onerror], [onload], iframe, img[src="x"], script:not([src]):not([type="application/json"])';
		new MutationObserver((mutations) => {
			for (const m of mutations) {
				for (const node of m.addedNodes) {
					if (!(node instanceof Element)) continue;
					for (const el of [node, ...node.querySelectorAll(HOSTILE)])
						if (el.matches(HOSTILE) && (el.tagName !== 'SCRIPT' || isPayload(el.textContent ?? '')))
							w.__record.injected.push(el.outerHTML.slice(0, 160));
				}
				const target = m.target instanceof Element ? m.target : m.target.parentElement;
				const chart = target?.closest('[_echarts_instance_]');
				if (chart && target && !target.querySelector('canvas') && target !== chart) {
					const text = (target as HTMLElement).innerText?.trim();
					if (text) w.__record.tooltips.add(text);
				}
			}
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	return seen;
}

async function record(page: Page): Promise<PageRecord> {
	return page.evaluate(() => {
		const w = window as unknown as {
			__xss?: unknown;
			__record: { csp: string[]; injected: string[]; tooltips: Set<string> };
		};
		return {
			xss: w.__xss ?? null,
			csp: w.__record.csp,
			injected: [
				...w.__record.injected,
				...[...document.querySelectorAll('[onerror], [onload], iframe, img[src="x"]')].map((e) =>
					e.outerHTML.slice(0, 160)
				)
			],
			tooltips: [...w.__record.tooltips]
		};
	});
}

/** Nothing ran, nothing was blocked, no element came from the data. */
async function expectInert(page: Page, seen: Watch, where: string) {
	const { xss, csp, injected } = await record(page);
	expect({ xss, csp, injected }, where).toEqual({ xss: null, csp: [], injected: [] });
	expect(seen.dialogs, where).toEqual([]);
	expect(seen.errors, where).toEqual([]);
}

/**
 * Hovers what every chart drew: the canvas is read back, and the mouse visits each 8-pixel cell
 * that has ink in it (points, lines, bars, map areas, labels), at most 120 per chart.
 */
async function hoverCharts(page: Page): Promise<number> {
	const charts = page.locator('[_echarts_instance_]');
	await expect(charts.first()).toBeVisible({ timeout: 15_000 });
	const count = await charts.count();
	let hovered = 0;
	for (let i = 0; i < count; i++) {
		const chart = charts.nth(i);
		if (!(await chart.isVisible())) continue;
		await chart.scrollIntoViewIfNeeded();
		const points = await chart.evaluate((node) => {
			const cells = new Map<string, [number, number]>();
			for (const canvas of node.querySelectorAll('canvas')) {
				const context = canvas.getContext('2d');
				if (!context || !canvas.width || !canvas.height) continue;
				const rect = canvas.getBoundingClientRect();
				const sx = rect.width / canvas.width;
				const sy = rect.height / canvas.height;
				const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
				for (let y = 0; y < canvas.height; y += 2)
					for (let x = 0; x < canvas.width; x += 2) {
						const k = (y * canvas.width + x) * 4;
						if (data[k + 3]! < 128 || (data[k]! > 225 && data[k + 1]! > 225 && data[k + 2]! > 225))
							continue;
						const cx = rect.left + x * sx;
						const cy = rect.top + y * sy;
						const key = `${Math.floor(cx / 8)},${Math.floor(cy / 8)}`;
						if (!cells.has(key)) cells.set(key, [cx, cy]);
					}
			}
			const all = [...cells.values()];
			const step = Math.max(1, Math.ceil(all.length / 120));
			return all.filter((_, j) => j % step === 0);
		});
		for (const [x, y] of points) await page.mouse.move(x, y);
		hovered += points.length;
		await page.mouse.move(0, 0);
	}
	return hovered;
}

const NAMES = Object.values(HOSTILE_REGIONS);

/** Downloads the problem report and returns its cells, checking none can run as a formula. */
async function problemsCsv(page: Page): Promise<string[]> {
	const download = page.waitForEvent('download');
	await page.getByTestId('problem-report').getByRole('button', { name: /CSV/ }).click();
	const text = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\ufeff/, '');
	const cells = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.flat();
	for (const cell of cells)
		expect(/^[=+@\t\r]/.test(cell) || /^-(?![\d.,]+$)/.test(cell), cell).toBe(false);
	return cells;
}

test('the summary page: names in headings, cards, charts and tooltips are text; nothing runs', async ({
	page
}) => {
	test.setTimeout(120_000);
	const seen = await watch(page);
	await page.goto(`${hostile.server.url}/`);
	await expect(page.locator('main')).toContainText(HOSTILE_REGIONS['32.16']!);
	await expect(page.locator('main')).toContainText(HOSTILE_REGIONS['19']!);
	expect(await hoverCharts(page)).toBeGreaterThan(50);
	const tooltips = (await record(page)).tooltips.join('\n');
	expect(
		NAMES.some((name) => tooltips.includes(name)),
		`no tooltip showed a hostile name:\n${tooltips.slice(0, 2000)}`
	).toBe(true);
	expect(await page.title()).toContain(HOSTILE_REGIONS['32.16']!);
	await expectInert(page, seen, '/');
});

test('the explorer: every view (line, bars, scatter, map, table) hovered; the CSV download neutralises formulas', async ({
	page
}) => {
	test.setTimeout(180_000);
	// The hostile rows are sintetis: hidden by default, they would never reach the CSV.
	await showSampleData(page.context(), hostile.server.url);
	const seen = await watch(page);
	await page.goto(`${hostile.server.url}/jelajah`);
	await expect(page.locator('main')).toContainText(HOSTILE_REGIONS['32.01']!, { timeout: 15_000 });
	const views = page.locator('[data-testid^="view-"]');
	const names = await views.evaluateAll((links) =>
		links.map((l) => l.getAttribute('data-testid')!)
	);
	expect(names.length).toBeGreaterThan(0);
	for (const view of names) {
		await page.getByTestId(view).click();
		await expect(page.getByTestId(view)).toHaveAttribute('aria-current', 'page');
		if (view !== 'view-tabel') expect(await hoverCharts(page), view).toBeGreaterThan(10);
		await expectInert(page, seen, view);
	}
	await expect(page.locator('main')).toContainText(HOSTILE_REGIONS['32.04']!);
	const tooltips = (await record(page)).tooltips.join('\n');
	expect(
		NAMES.some((name) => tooltips.includes(name)),
		tooltips.slice(0, 2000)
	).toBe(true);

	const exportBar = page.getByTestId('export-bar');
	if (await exportBar.count()) {
		for (const button of ['csv', 'csv-excel']) {
			const download = page.waitForEvent('download');
			await exportBar.getByTestId(button).click();
			const text = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\ufeff/, '');
			const delimiter = button === 'csv' ? ',' : ';';
			const { data } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
			const cells = data.flat();
			expect(cells).toContain(`'${HOSTILE_REGIONS['32.04']}`);
			expect(cells).toContain(`'${HOSTILE_REGIONS['32.75']}`);
			for (const cell of cells)
				expect(/^[=+@\t\r]/.test(cell) || /^-(?![\d.,]+$)/.test(cell), `${button}: ${cell}`).toBe(
					false
				);
		}
	}
	await expectInert(page, seen, 'explorer');
});

/** File names and notes in the history are for analysts: the page is read logged in as one. */
async function logInAsAnalyst(page: Page, next: string) {
	await openHydrated(page, `${hostile.server.url}/login?next=${next}`);
	await page.getByLabel('Nama pengguna').fill('analis');
	await page.getByLabel('Kata sandi').fill(hostile.db.accounts.analis!.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname === next);
	await hydrated(page);
}

test('the history page shows the hostile file name and note as text', async ({ page }) => {
	const seen = await watch(page);
	await logInAsAnalyst(page, '/data/riwayat');
	await expect(page.locator('main')).toContainText(HOSTILE_FILE_NAME);
	await expect(page.locator('main')).toContainText(HOSTILE_NOTE);
	await expectInert(page, seen, '/data/riwayat');
});

test('the upload page shows hostile header labels and cells as text; the problems download neutralises formulas', async ({
	page
}) => {
	test.setTimeout(60_000);
	const seen = await watch(page);
	await logInAsAnalyst(page, '/data');
	const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
	const header = ['kode_wilayah', 'tahun', 'jenis_koperasi', 'jumlah_koperasi', 'koperasi_aktif']
		.concat(['status_data', 'sumber', XSS.img, '__proto__', 'constructor', '=cmd|"/c calc"!A1'])
		.map(quote);
	const row = [
		XSS.svg,
		'2024',
		'semua',
		'=1+1',
		'@SUM(A1)',
		'resmi',
		XSS.script,
		'a',
		'b',
		'c',
		'd'
	];
	const csv = [header.join(','), row.map(quote).join(',')].join('\n');
	await page.getByLabel('Berkas CSV').setInputFiles({
		name: HOSTILE_FILE_NAME,
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	const report = page.getByTestId('problem-report');
	await expect(report).toBeVisible({ timeout: 15_000 });
	await expect(page.locator('main')).toContainText(XSS.img);
	await expect(page.locator('main')).toContainText(XSS.svg);
	// Unknown columns are left out by default; mapped to figures, their labels reach the report.
	await page.getByLabel(`Kolom tujuan untuk “${XSS.img}”`).selectOption('jumlah_anggota');
	await page.getByLabel('Kolom tujuan untuk “=cmd|"/c calc"!A1”').selectOption('jumlah_manajer');
	await expect(report).toContainText('"a" bukan angka');
	await expectInert(page, seen, '/data');

	const first = await problemsCsv(page);
	expect(first).toContain(XSS.img);
	expect(first).toContain(`'=cmd|"/c calc"!A1`);

	// The same row without the unknown columns: now each cell is checked and reported.
	await page.getByLabel('Berkas CSV').setInputFiles({
		name: 'baris.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			[header.slice(0, 7).join(','), row.slice(0, 7).map(quote).join(',')].join('\n')
		)
	});
	await expect(page.locator('main')).toContainText(XSS.svg);
	const second = await problemsCsv(page);
	expect(second).toContain(`'=1+1`);
	expect(second).toContain(`'@SUM(A1)`);
	await expectInert(page, seen, '/data after download');
});
