/**
 * Every figure and claim carries its status, and the sintetis switch keeps invented numbers out
 * of what a Dinas briefs from: hidden by default, shown only on request and then labelled.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { HEADLINE } from '../../src/lib/catalogue/headline';
import { findIndicator } from '../../src/lib/catalogue/indicators';
import { formatValue } from '../../src/lib/format/number';
import type { QueryRow } from '../../src/lib/query/indicator-query';
import { apiRegions, apiRows, card, chartPoints, openHydrated } from './helpers';

const FOCUS = '32.16';
const BENCHMARK = '19';

async function jabar(page: Page): Promise<string[]> {
	return (await apiRegions(page.request))
		.filter((r) => r.level === 'kabkota' && r.province_code === '32')
		.map((r) => r.code);
}

const rowOf = (rows: readonly QueryRow[], code: string, year: number) =>
	rows.find((r) => r.region_code === code && r.year === year && r.value !== null);

/** Sintetis marks anywhere in the page's content, the status legend (which explains them) aside. */
function syntheticMarks(page: Page) {
	return page
		.locator('main [data-status="sintetis"], main [data-claim-status="sintetis"]')
		.filter({ hasNot: page.locator('xpath=ancestor::details[contains(@class,"legend")]') });
}

async function shownYear(page: Page) {
	return Number(await page.getByLabel('Tahun', { exact: true }).inputValue());
}

test('the summary shows no sintetis figure or claim by default, and ranks among what is left', async ({
	page
}) => {
	await openHydrated(page, '/');
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'false');
	await expect(page.locator('[data-testid=synthetic-switch] [aria-current=true]')).toHaveText(
		'sembunyikan'
	);
	const year = await shownYear(page);
	const peers = await jabar(page);

	for (const item of HEADLINE) {
		const indicator = findIndicator(item.indicator)!;
		const rows = await apiRows(page.request, item.indicator, [BENCHMARK, ...peers], item.per);
		const own = rowOf(rows, FOCUS, year);
		const expected =
			own && own.status !== 'sintetis'
				? formatValue(own.value, indicator.unit, 'id')
				: 'Belum ada data';
		await expect(card(page, item.indicator).getByTestId('focus-value')).toHaveText(expected);

		// Coverage of the rank: every status counted, the sintetis ones said to be hidden.
		const count = (s: QueryRow['status']) =>
			peers.filter((code) => rowOf(rows, code, year)?.status === s).length;
		const rank = card(page, item.indicator).getByTestId('rank');
		if (own && own.status !== 'sintetis' && count('resmi') + count('estimasi') > 0) {
			const hidden = count('sintetis') > 0 ? ` · ${count('sintetis')} sintetis disembunyikan` : '';
			await expect(rank.getByTestId('coverage')).toHaveText(
				`resmi ${count('resmi')} · estimasi ${count('estimasi')} dari 27${hidden}`
			);
		}
	}
	await expect(syntheticMarks(page)).toHaveCount(0);
	// What a reader sees (the printed legend, hidden on screen, explains the word).
	expect(await page.locator('main').innerText()).not.toContain('ilustrasi');

	// The ranking draws only what is left: as many bars as peers with a figure that is not sintetis.
	const rows = await apiRows(page.request, 'koperasi_aktif', [BENCHMARK, ...peers], 'population');
	const left = peers.filter((code) => {
		const row = rowOf(rows, code, year);
		return row && row.status !== 'sintetis';
	});
	expect(await chartPoints(page, 'ranking-chart')).toBe(left.length + 1); // + the benchmark's bar
	await expect(page.getByTestId('ranking-coverage')).toContainText('sintetis disembunyikan');
});

test('the explorer leaves sintetis figures out of its views and its CSV by default', async ({
	page
}) => {
	const peers = await jabar(page);
	const rows = await apiRows(page.request, 'koperasi_aktif', [...peers, '32'], 'population');
	await openHydrated(page, '/jelajah?tampilan=tabel&indikator=koperasi_aktif&per=population');
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'false');

	const cells = await page.$$eval('.explorer-view tbody tr', (trs) =>
		trs.flatMap((tr) => {
			const code = tr.querySelector('td.code')?.textContent?.trim() ?? '';
			return [...tr.querySelectorAll('td[data-year]')].map((td) => ({
				code,
				year: Number(td.getAttribute('data-year')),
				text: td.textContent?.trim() ?? ''
			}));
		})
	);
	expect(cells.length).toBeGreaterThan(0);
	for (const cell of cells) {
		const row = rowOf(rows, cell.code, cell.year);
		if (!row || row.status === 'sintetis') expect(cell.text, `${cell.code} ${cell.year}`).toBe('—');
		else expect(cell.text, `${cell.code} ${cell.year}`).not.toBe('—');
	}
	await expect(syntheticMarks(page)).toHaveCount(0);
	await expect(page.locator('.explorer-view .status-mark', { hasText: 's' })).toHaveCount(0);

	const download = page.waitForEvent('download');
	await page.getByTestId('csv').click();
	const text = fs.readFileSync((await (await download).path())!, 'utf8');
	const lines = text.trim().split(/\r?\n/).slice(1);
	expect(lines.length).toBe(rows.filter((r) => r.value !== null && r.status !== 'sintetis').length);
	expect(lines.filter((line) => line.includes(',sintetis,'))).toEqual([]);
});

test('shown, every rank, finding and target says its standing, and sintetis ones read ilustrasi', async ({
	page
}) => {
	await openHydrated(page, '/?sintetis=tampilkan');
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'true');
	await expect(page.getByTestId('synthetic-notice')).toContainText(/\d+% angka yang tampil/);

	const ranks = page.locator('[data-testid^=card-] [data-testid=rank]:has(strong)');
	expect(await ranks.count()).toBeGreaterThan(0);
	for (const rank of await ranks.all()) {
		await expect(rank.locator('[data-claim-status]')).toHaveCount(1);
		await expect(rank.getByTestId('coverage')).toContainText(
			/resmi \d+ · estimasi \d+ · sintetis \d+ dari 27/
		);
	}
	const findings = page.getByTestId('finding');
	expect(await findings.count()).toBeGreaterThan(0);
	for (const finding of await findings.all()) {
		await expect(finding.locator('[data-claim-status]')).toHaveCount(1);
	}
	const targets = page.locator(
		':is([data-testid=takes-benchmark], [data-testid=takes-quartile]):not([data-status=no-data])'
	);
	expect(await targets.count()).toBeGreaterThan(0);
	for (const target of await targets.all()) {
		await expect(target.locator('[data-claim-status]')).toHaveCount(1);
	}
	await expect(page.locator('[data-claim-status=sintetis] .claim-word').first()).toHaveText(
		'ilustrasi'
	);
	await expect(page.locator('[data-claim-status=sintetis]').first()).toContainText('· sintetis');

	await openHydrated(page, '/jelajah?sintetis=tampilkan');
	await expect(page.getByTestId('claim-of-view').locator('[data-claim-status]')).toHaveCount(1);
});

test('the choice is remembered, carried by links, and switched back from the header', async ({
	page
}) => {
	await openHydrated(page, '/?sintetis=tampilkan');
	await openHydrated(page, '/jelajah');
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'true');
	await expect(page.locator('.site-nav a', { hasText: 'Perbandingan wilayah' })).toHaveAttribute(
		'href',
		/sintetis=tampilkan/
	);
	await page.locator('[data-testid=synthetic-switch] [data-choice=sembunyikan]').click();
	await expect(page).toHaveURL(/sintetis=sembunyikan/);
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'false');
	await openHydrated(page, '/');
	await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-shown', 'false');
});

test('the printed summary explains the statuses', async ({ page }) => {
	await openHydrated(page, '/');
	const legend = page.getByTestId('status-legend-print');
	await expect(legend).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(legend).toBeVisible();
	await expect(legend).toContainText('sintetis = data contoh buatan');
	await expect(legend).toContainText('tidak ikut dicetak');
});

test('an indicator name leads to its page, whose coverage is what the database holds', async ({
	page
}) => {
	await openHydrated(page, '/');
	await card(page, 'koperasi_aktif').getByRole('link', { name: 'Koperasi aktif' }).click();
	await expect(page).toHaveURL(/\/indikator\/koperasi_aktif/);
	await expect(page.getByTestId('formula')).toHaveText('koperasi_aktif');

	const codes = (await apiRegions(page.request)).map((r) => r.code);
	const rows = await apiRows(page.request, 'koperasi_aktif', codes, 'total');
	const year = Math.max(...rows.filter((r) => r.value !== null).map((r) => r.year));
	const row = page.locator(`[data-testid=coverage-table] tr[data-year="${year}"]`);
	for (const status of ['resmi', 'estimasi', 'sintetis'] as const) {
		const n = rows.filter((r) => r.year === year && r.value !== null && r.status === status).length;
		await expect(row.locator(`td[data-status=${status}]`)).toHaveText(String(n));
	}
	await openHydrated(page, '/indikator');
	await expect(page.getByTestId('indicator-kepatuhan_rat')).toContainText('koperasi_rat ÷');
});
