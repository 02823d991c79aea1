import { expect, test } from '@playwright/test';
import { HEADLINE } from '../../src/lib/catalogue/headline';
import { findIndicator } from '../../src/lib/catalogue/indicators';
import { formatPercentChange, formatValue, type Locale } from '../../src/lib/format/number';
import { MESSAGES } from '../../src/lib/i18n/messages';
import {
	apiRegions,
	apiRows,
	card,
	chartPoints,
	latestYear,
	openDashboard,
	valueOf
} from './helpers';

const FOCUS = '32.16';
const BENCHMARK = '19';

function indicatorOf(id: string) {
	const indicator = findIndicator(id);
	expect(indicator, id).toBeDefined();
	return indicator!;
}

function shown(value: number | null, unit: Parameters<typeof formatValue>[1], locale: Locale) {
	return value === null ? MESSAGES[locale].noData : formatValue(value, unit, locale);
}

test('opens on Kabupaten Bekasi against Kepulauan Bangka Belitung', async ({ page }) => {
	await openDashboard(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/Kabupaten Bekasi\s*vs\s*Kepulauan Bangka Belitung/
	);
	await expect(page.getByLabel('Wilayah fokus', { exact: true })).toHaveValue(FOCUS);
	await expect(page.getByLabel('Wilayah pembanding', { exact: true })).toHaveValue(BENCHMARK);
	await expect(page.getByTestId('level-note')).toContainText('hanya angka', { ignoreCase: true });
	await expect(page.locator('[data-testid^="card-"]')).toHaveCount(HEADLINE.length);
});

test('every chart draws the figures the API holds', async ({ page, request }) => {
	await openDashboard(page);
	const year = Number(await page.getByLabel('Tahun', { exact: true }).inputValue());

	const trend = await apiRows(request, 'koperasi_aktif', [FOCUS, BENCHMARK], 'population');
	const trendPoints = trend.filter((r) => r.value !== null).length;
	expect(trendPoints).toBeGreaterThan(0);
	expect(await chartPoints(page, 'trend-chart')).toBe(trendPoints);

	const jabar = (await apiRegions(request)).filter(
		(r) => r.level === 'kabkota' && r.province_code === '32'
	);
	expect(jabar).toHaveLength(27);
	const ranking = await apiRows(
		request,
		'koperasi_aktif',
		jabar.map((r) => r.code),
		'population'
	);
	const rankingPoints = ranking.filter((r) => r.year === year && r.value !== null).length;
	expect(rankingPoints).toBeGreaterThan(0);
	expect(await chartPoints(page, 'ranking-chart')).toBe(rankingPoints);

	// The accessible table lists the ranking sorted, best first, with the focus among them.
	const table = page
		.locator('#ranking-title')
		.locator('xpath=ancestor::section[1]')
		.locator('table');
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(27);
	const first = ranking
		.filter((r) => r.year === year && r.value !== null)
		.sort((a, b) => b.value! - a.value!)[0]!;
	await expect(rows.first()).toContainText(first.region_name);
	await expect(rows.first()).toContainText(formatValue(first.value, 'unit', 'id'));
	await expect(table.locator('tr.highlight')).toContainText('Kabupaten Bekasi');
});

test('each card shows the API value for its indicator, normalisation and year', async ({
	page,
	request
}) => {
	await openDashboard(page);
	const answers = await Promise.all(
		HEADLINE.map((h) => apiRows(request, h.indicator, [FOCUS, BENCHMARK], h.per))
	);
	const year = latestYear(answers, FOCUS);
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue(String(year));

	for (const [i, item] of HEADLINE.entries()) {
		const indicator = indicatorOf(item.indicator);
		const rows = answers[i]!;
		const focus = valueOf(rows, FOCUS, year);
		const benchmark = valueOf(rows, BENCHMARK, year);
		const tile = card(page, item.indicator);
		await expect(tile).toHaveAttribute('data-per', item.per);
		await expect(tile.getByTestId('focus-value')).toHaveText(shown(focus, indicator.unit, 'id'));
		await expect(tile.getByTestId('benchmark-value')).toHaveText(
			shown(benchmark, indicator.unit, 'id')
		);
		if (focus !== null && benchmark !== null && benchmark !== 0) {
			const gap = ((focus - benchmark) / Math.abs(benchmark)) * 100;
			await expect(tile.getByTestId('gap')).toContainText(formatPercentChange(gap, 'id'));
		}
		const status = rows.find((r) => r.region_code === FOCUS && r.year === year)?.status;
		if (status && status !== 'resmi') {
			await expect(tile.locator(`[data-status="${status}"]`).first()).toBeVisible();
		}
	}
	await expect(card(page, 'koperasi_aktif')).toContainText('per 100.000 penduduk');
});

test('choosing another focus region updates the URL and the cards', async ({ page, request }) => {
	await openDashboard(page);
	await page.getByLabel('Wilayah fokus', { exact: true }).selectOption('32.75');
	await expect(page).toHaveURL(/[?&]fokus=32\.75(&|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kota Bekasi');

	const rows = await apiRows(request, 'kepatuhan_rat', ['32.75', BENCHMARK], 'total');
	const year = Number(await page.getByLabel('Tahun', { exact: true }).inputValue());
	await expect(card(page, 'kepatuhan_rat').getByTestId('focus-value')).toHaveText(
		shown(valueOf(rows, '32.75', year), 'persen', 'id')
	);
	await expect(card(page, 'kepatuhan_rat').locator('dt').first()).toHaveText('Kota Bekasi');
	expect(await chartPoints(page, 'trend-chart')).toBeGreaterThan(0);

	// The search box narrows the list and Enter picks the first match.
	const search = page.getByLabel('Cari wilayah: Wilayah pembanding');
	await search.fill('belitung timur');
	await search.press('Enter');
	await expect(page).toHaveURL(/[?&]banding=19\.\d{2}(&|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Belitung Timur');
});

test('the language switch changes the text and keeps the other parameters', async ({
	page,
	request
}) => {
	await openDashboard(page, '?fokus=32.75&tahun=2023');
	await expect(page.getByRole('heading', { name: 'Indikator utama 2023' })).toBeVisible();

	await page.getByRole('link', { name: /English/ }).click();
	await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
	await expect(page).toHaveURL(/[?&]fokus=32\.75(&|$)/);
	await expect(page).toHaveURL(/[?&]tahun=2023(&|$)/);
	await expect(page.getByRole('heading', { name: 'Headline indicators 2023' })).toBeVisible();
	await expect(page.getByLabel('Focus region', { exact: true })).toHaveValue('32.75');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Regional comparison' })).toBeVisible();

	const rows = await apiRows(request, 'jumlah_umkm', ['32.75', BENCHMARK], 'population');
	await expect(card(page, 'jumlah_umkm').getByTestId('focus-value')).toHaveText(
		shown(valueOf(rows, '32.75', 2023), 'unit', 'en')
	);
	await expect(card(page, 'jumlah_umkm')).toContainText('per 100,000 residents');

	await page.getByRole('link', { name: /Bahasa Indonesia/ }).click();
	await expect(page).not.toHaveURL(/lang=/);
	await expect(page).toHaveURL(/[?&]fokus=32\.75(&|$)/);
	await expect(page.getByRole('heading', { name: 'Indikator utama 2023' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('reload and back/forward keep the view', async ({ page }) => {
	await openDashboard(page);
	const defaultYear = await page.getByLabel('Tahun', { exact: true }).inputValue();

	await page.getByLabel('Tahun', { exact: true }).selectOption('2021');
	await expect(page).toHaveURL(/[?&]tahun=2021(&|$)/);
	await page.getByLabel('Indikator grafik').selectOption('jumlah_umkm');
	await expect(page).toHaveURL(/[?&]indikator=jumlah_umkm(&|$)/);
	await expect(page.getByRole('heading', { name: 'Tren Jumlah UMKM' })).toBeVisible();
	await page.getByLabel('Normalisasi').selectOption('total');
	await expect(page).toHaveURL(/[?&]per=total(&|$)/);

	await page.reload();
	await chartPoints(page, 'trend-chart');
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue('2021');
	await expect(page.getByLabel('Indikator grafik')).toHaveValue('jumlah_umkm');
	await expect(page.getByLabel('Normalisasi')).toHaveValue('total');
	await expect(page.getByRole('heading', { name: 'Indikator utama 2021' })).toBeVisible();

	await page.goBack();
	await expect(page).not.toHaveURL(/per=total/);
	await expect(page.getByLabel('Normalisasi')).toHaveValue('population');
	await page.goBack();
	await expect(page).not.toHaveURL(/indikator=/);
	await expect(page.getByRole('heading', { name: 'Tren Koperasi aktif' })).toBeVisible();
	await page.goBack();
	await expect(page).not.toHaveURL(/tahun=/);
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue(defaultYear);
	await page.goForward();
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue('2021');
	await expect(page.getByRole('heading', { name: 'Indikator utama 2021' })).toBeVisible();
});

test('an unknown region shows a clear error', async ({ page }) => {
	const response = await page.goto('/?fokus=99.99');
	expect(response?.status()).toBe(404);
	await expect(page.getByTestId('error-message')).toContainText('99.99');
	await expect(page.getByRole('link', { name: 'Kembali ke dasbor' })).toHaveAttribute('href', '/');
});
