import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { HEADLINE } from '../../src/lib/catalogue/headline';
import {
	findIndicator,
	NORMALISATION_LABEL,
	type Indicator,
	type Normalisation
} from '../../src/lib/catalogue/indicators';
import {
	formatNumber,
	formatPercentChange,
	formatValue,
	type Locale
} from '../../src/lib/format/number';
import { MESSAGES } from '../../src/lib/i18n/messages';
import type { QueryRow } from '../../src/lib/query/indicator-query';
import { apiRegions, apiRows, chartPoints, showSampleData } from './helpers';

// These tests hold every figure against the API, sintetis ones included: they read the pages with
// the sample data shown (the default hides it; status.e2e.ts covers that).
test.beforeEach(async ({ context, baseURL }) => showSampleData(context, baseURL));

const FOCUS = '32.16';
const BENCHMARK = '19';

function indicatorOf(id: string): Indicator {
	const indicator = findIndicator(id);
	expect(indicator, id).toBeDefined();
	return indicator!;
}

const value = (rows: readonly QueryRow[], code: string, year: number) => {
	const v = rows.find((r) => r.region_code === code && r.year === year)?.value;
	return v === undefined ? null : v;
};

function shown(v: number | null, unit: Indicator['unit'], locale: Locale = 'id') {
	return v === null ? MESSAGES[locale].noData : formatValue(v, unit, locale);
}

/** A percentage without its sign, as the page writes gaps and changes in sentences. */
const unsigned = (percent: number, locale: Locale = 'id') =>
	formatPercentChange(percent, locale).replace(/^[+−±]/, '');

const nameOf = (indicator: Indicator, per: Normalisation, locale: Locale = 'id') =>
	per === 'total'
		? indicator.label[locale]
		: `${indicator.label[locale]} ${NORMALISATION_LABEL[per][locale]}`;

/** Competition rank among the codes with a figure, computed here, independent of the page. */
function rankIn(rows: readonly QueryRow[], codes: readonly string[], code: string, year: number) {
	const figures = codes.map((c) => value(rows, c, year)).filter((v): v is number => v !== null);
	const own = value(rows, code, year);
	if (own === null) return null;
	return { rank: figures.filter((v) => v > own).length + 1, of: figures.length };
}

async function jabar(request: APIRequestContext): Promise<string[]> {
	const codes = (await apiRegions(request))
		.filter((r) => r.level === 'kabkota' && r.province_code === '32')
		.map((r) => r.code);
	expect(codes).toHaveLength(27);
	return codes;
}

/** Every headline indicator for the benchmark and the peers, all years, from the API (JSON). */
async function headlineRows(request: APIRequestContext, peers: readonly string[]) {
	return Promise.all(
		HEADLINE.map(async (item) => ({
			item,
			indicator: indicatorOf(item.indicator),
			rows: await apiRows(request, item.indicator, [BENCHMARK, ...peers], item.per)
		}))
	);
}

/** The page, hydrated: the trend chart has drawn. */
async function open(page: Page, search = '') {
	await page.goto(`/${search}`);
	await chartPoints(page, 'trend-chart');
}

async function shownYear(page: Page) {
	return Number(await page.getByLabel('Tahun', { exact: true }).inputValue());
}

test('opens on Kabupaten Bekasi against Kepulauan Bangka Belitung, ranked in Jawa Barat', async ({
	page
}) => {
	await open(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/Kabupaten Bekasi\s*vs\s*Kepulauan Bangka Belitung/
	);
	await expect(page.getByLabel('Wilayah fokus', { exact: true })).toHaveValue(FOCUS);
	await expect(page.getByLabel('Wilayah pembanding', { exact: true })).toHaveValue(BENCHMARK);
	await expect(page.getByRole('radio', { name: 'Kabupaten/kota di Jawa Barat' })).toBeChecked();
	await expect(page.locator('[data-testid^="card-"][data-indicator]')).toHaveCount(HEADLINE.length);
	const themes = await page
		.locator('.theme')
		.evaluateAll((els) =>
			els.map((el) => [el.getAttribute('data-theme'), el.querySelectorAll('.s-card').length])
		);
	expect(themes).toEqual([
		['koperasi', 3],
		['pembiayaan', 3],
		['jangkauan_pasar', 3]
	]);
});

test('opens on the year the headline cards have, says why, and shows the SIMKOPDES 2026 snapshot beside it', async ({
	page
}) => {
	await open(page);
	// kdkmp is a 2026 snapshot: the default stays on the last year with every card filled
	expect(await shownYear(page)).toBe(2025);
	await expect(page.getByTestId('default-year')).toHaveText(
		'Tahun 2025: tahun terbaru dengan data Kabupaten Bekasi dan Kepulauan Bangka Belitung pada 9 dari 9 indikator utama. Pilih tahun lain di atas.'
	);
	await expect(page.locator('.s-cards').getByText('Belum ada data')).toHaveCount(0);
	const panel = page.getByTestId('panel-kdkmp');
	await expect(panel.getByRole('heading')).toHaveText('Koperasi Merah Putih 2026');
	const bekasi = panel.getByTestId('kdkmp-32.16');
	await expect(bekasi).toContainText('187 koperasi dari 187 desa/kelurahan (100%)');
	await expect(bekasi.locator('[data-status="resmi"]')).toBeVisible();
	await expect(panel.getByTestId('kdkmp-19')).toContainText('394 koperasi dari 393 desa/kelurahan');
	await expect(panel.getByTestId('sources')).toContainText('SIMKOPDES');
});

test('every card shows the API figures: values, gap, change, rank and normalisation', async ({
	page,
	request
}) => {
	await open(page);
	const peers = await jabar(request);
	const answers = await headlineRows(request, peers);
	const years = answers.flatMap((a) =>
		a.rows.filter((r) => r.region_code === FOCUS && r.value !== null).map((r) => r.year)
	);
	const year = Math.max(...years);
	expect(await shownYear(page)).toBe(year);

	for (const { item, indicator, rows } of answers) {
		const card = page.getByTestId(`card-${item.indicator}`);
		const focus = value(rows, FOCUS, year);
		const benchmark = value(rows, BENCHMARK, year);
		await expect(card).toHaveAttribute('data-per', item.per);
		await expect(card.getByTestId('focus-value')).toHaveText(shown(focus, indicator.unit));
		await expect(card.getByTestId('benchmark-value')).toHaveText(shown(benchmark, indicator.unit));
		if (item.per !== 'total') {
			await expect(card.getByTestId('card-per')).toHaveText(NORMALISATION_LABEL[item.per].id);
		}
		if (focus !== null && benchmark !== null && benchmark !== 0) {
			// Percentages are compared in points, everything else relatively.
			const gap = ((focus - benchmark) / Math.abs(benchmark)) * 100;
			const points = focus - benchmark;
			await expect(card.getByTestId('gap')).toContainText(
				indicator.unit === 'persen'
					? `${points > 0 ? '+' : points < 0 ? '−' : '±'}${formatNumber(Math.abs(points), 'id', 1)} poin`
					: formatPercentChange(gap, 'id')
			);
		}
		const previous = value(rows, FOCUS, year - 1);
		if (focus !== null && previous !== null && previous !== 0) {
			const change =
				indicator.unit === 'persen'
					? `${focus - previous >= 0 ? '+' : '−'}${formatNumber(Math.abs(focus - previous), 'id', 1)} poin`
					: formatPercentChange(((focus - previous) / Math.abs(previous)) * 100, 'id');
			await expect(card.getByTestId('change')).toContainText(change);
		}
		const rank = rankIn(rows, peers, FOCUS, year);
		expect(rank, item.indicator).not.toBeNull();
		await expect(card.getByTestId('rank')).toContainText(
			`ke-${rank!.rank} dari ${rank!.of} kabupaten/kota di Jawa Barat`
		);
		const status = rows.find((r) => r.region_code === FOCUS && r.year === year)?.status;
		if (status && status !== 'resmi') {
			await expect(card.locator(`[data-status="${status}"]`).first()).toBeVisible();
		}
		await expect(card.getByTestId('sparkline')).toHaveAttribute(
			'data-points',
			String(rows.filter((r) => r.region_code === FOCUS && r.value !== null).length)
		);
	}
});

test('charts draw the API figures, mark unofficial data and name their sources', async ({
	page,
	request
}) => {
	await open(page);
	const year = await shownYear(page);
	const peers = await jabar(request);
	const rows = await apiRows(request, 'koperasi_aktif', [BENCHMARK, ...peers], 'population');
	const years = [...new Set(rows.map((r) => r.year))];
	const medians = years.filter((y) => peers.some((c) => value(rows, c, y) !== null)).length;
	const lines = rows.filter(
		(r) => (r.region_code === FOCUS || r.region_code === BENCHMARK) && r.value !== null
	).length;
	expect(await chartPoints(page, 'trend-chart')).toBe(lines + medians);

	const ranked = peers.filter((c) => value(rows, c, year) !== null).length;
	expect(await chartPoints(page, 'ranking-chart')).toBe(ranked + 1);
	const table = page.getByTestId('panel-grafik-peringkat').locator('table');
	await expect(table.locator('tr.highlight')).toContainText('Kabupaten Bekasi');
	await expect(table.locator('tbody tr').last()).toContainText('Kepulauan Bangka Belitung');

	const own = await apiRows(request, 'rasio_modal_sendiri', [FOCUS, BENCHMARK], 'total');
	expect(await chartPoints(page, 'capital-chart')).toBe(
		2 * own.filter((r) => r.year === year && r.value !== null).length
	);
	const capital = page.getByTestId('panel-grafik-modal');
	await capital.getByText('Tabel data').click();
	await expect(capital.locator('tbody tr').first()).toContainText(
		formatValue(value(own, FOCUS, year), 'persen', 'id')
	);
	expect(await chartPoints(page, 'market-chart')).toBeGreaterThan(0);

	// Every chart panel: a source line, and the mark when a figure behind it is not official.
	for (const id of ['grafik-tren', 'grafik-peringkat', 'grafik-modal', 'grafik-pasar']) {
		const panel = page.getByTestId(`panel-${id}`);
		await expect(panel.getByTestId('sources')).toContainText('Sumber');
		await expect(panel.getByTestId('not-official')).toHaveText('bukan data resmi');
		await expect(panel.locator('details.table-alt table')).toHaveCount(1);
	}
	// No breakdown by type in the bundled data: an honest empty state, no invented chart.
	await expect(page.getByTestId('panel-grafik-jenis').getByTestId('empty')).toHaveText(
		'Belum ada rincian jenis koperasi; unggah data per jenis.'
	);
});

test('findings are true of the data: recomputed from the API', async ({ page, request }) => {
	await open(page);
	const year = await shownYear(page);
	const peers = await jabar(request);
	const answers = await headlineRows(request, peers);
	const byId = new Map(answers.map((a) => [a.item.indicator, a]));
	const findings = page.getByTestId('finding');
	await expect(findings.first()).toBeVisible();

	// The gaps: the largest shortfalls, recomputed here, in order; only between figures of at
	// least estimasi standing, neither of which reads as zero.
	const solid = (rows: readonly QueryRow[], code: string) => {
		const status = rows.find((r) => r.region_code === code && r.year === year)?.status;
		return status === 'resmi' || status === 'estimasi';
	};
	const candidates = answers
		.map(({ item, indicator, rows }) => {
			const f = value(rows, FOCUS, year);
			const b = value(rows, BENCHMARK, year);
			const zero = (v: number) =>
				formatValue(v, indicator.unit, 'en') === formatValue(0, indicator.unit, 'en');
			return {
				id: item.indicator,
				indicator,
				f,
				b,
				gap:
					f !== null && b && solid(rows, FOCUS) && solid(rows, BENCHMARK) && !zero(f) && !zero(b)
						? ((f - b) / Math.abs(b)) * 100
						: null
			};
		})
		.filter((g) => g.gap !== null && Math.abs(g.gap) >= 0.05);
	const behind = candidates
		.filter((g) => g.gap! < 0)
		.sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!));
	const gaps = page.locator('[data-testid="finding"][data-kind="gap"]');
	const shownGaps = await gaps.evaluateAll((els) =>
		els.map((el) => el.getAttribute('data-indicator'))
	);
	expect(shownGaps.slice(0, Math.min(5, behind.length))).toEqual(
		behind.slice(0, 5).map((g) => g.id)
	);
	expect(shownGaps.length).toBeGreaterThanOrEqual(Math.min(3, candidates.length));

	for (const finding of await findings.all()) {
		const kind = await finding.getAttribute('data-kind');
		const id = await finding.getAttribute('data-indicator');
		const text = (await finding.locator('.finding-text').textContent()) ?? '';
		if (kind === 'rank-steady' || id === null) continue;
		const { indicator, rows, item } = byId.get(id)!;
		const f = value(rows, FOCUS, year)!;
		expect(text).toContain(nameOf(indicator, item.per));
		expect(text).toContain('Kabupaten Bekasi');
		if (kind === 'gap') {
			const b = value(rows, BENCHMARK, year)!;
			const gap = ((f - b) / Math.abs(b)) * 100;
			const size =
				indicator.unit === 'persen'
					? `${formatNumber(Math.abs(f - b), 'id', 1)} poin persentase`
					: unsigned(gap);
			expect(text).toContain(`${size} ${f < b ? 'di bawah' : 'di atas'} Kepulauan`);
			expect(text).toContain(`(${year}: ${formatValue(f, indicator.unit, 'id')} dibanding`);
			expect(text).toContain(formatValue(b, indicator.unit, 'id'));
		} else if (kind === 'improvement' || kind === 'decline') {
			const p = value(rows, FOCUS, year - 1)!;
			const change = ((f - p) / Math.abs(p)) * 100;
			expect(kind === 'improvement').toBe(indicator.higherIsBetter ? change > 0 : change < 0);
			expect(text).toContain(`${f > p ? 'naik' : 'turun'} `);
			expect(text).toContain(
				indicator.unit === 'persen' ? `(${formatPercentChange(change, 'id')})` : unsigned(change)
			);
			expect(text).toContain(
				`(${formatValue(p, indicator.unit, 'id')} → ${formatValue(f, indicator.unit, 'id')})`
			);
		} else if (kind === 'rank') {
			// Among the same regions: those with a figure in both years.
			const both = peers.filter(
				(c) => value(rows, c, year) !== null && value(rows, c, year - 1) !== null
			);
			const now = rankIn(rows, both, FOCUS, year)!;
			const before = rankIn(rows, both, FOCUS, year - 1)!;
			expect(now.rank).not.toBe(before.rank);
			expect(text).toContain(
				`${now.rank < before.rank ? 'naik' : 'turun'} dari ke-${before.rank} menjadi ke-${now.rank} dari ${now.of}`
			);
		}
		const href = await finding.getByRole('link').getAttribute('href');
		expect(href).toContain(kind === 'rank' ? '#grafik-peringkat' : '#grafik-tren');
	}
});

test('a finding links to the chart it comes from', async ({ page }) => {
	await open(page);
	const finding = page.locator('[data-testid="finding"][data-kind="gap"]').nth(1);
	const id = (await finding.getAttribute('data-indicator'))!;
	await finding.getByRole('link').click();
	if (id !== 'koperasi_aktif')
		await expect(page).toHaveURL(new RegExp(`[?&]indikator=${id}(&|#|$)`));
	await expect(page).toHaveURL(/#grafik-tren$/);
	await expect(page.locator('#grafik-tren')).toHaveText(`Tren ${indicatorOf(id).label.id}`);
	await expect(page.locator('#grafik-tren')).toBeInViewport();
});

test('what it would take matches the benchmark and the top quartile of the peers', async ({
	page,
	request
}) => {
	await open(page);
	const year = await shownYear(page);
	const peers = await jabar(request);
	const rows = await apiRows(request, 'koperasi_aktif', [BENCHMARK, ...peers], 'population');
	const f = value(rows, FOCUS, year)!;
	const b = value(rows, BENCHMARK, year)!;
	const sorted = peers
		.map((c) => value(rows, c, year))
		.filter((v): v is number => v !== null)
		.sort((x, y) => x - y);
	const position = (sorted.length - 1) * 0.75;
	const q3 =
		sorted[Math.floor(position)]! +
		(sorted[Math.ceil(position)]! - sorted[Math.floor(position)]!) * (position % 1);
	const fmt = (v: number) => formatValue(v, 'unit', 'id');
	const toBenchmark = page.getByTestId('takes-benchmark');
	const toQuartile = page.getByTestId('takes-quartile');
	await expect(toBenchmark).toContainText(`Sasaran: ${fmt(b)}; sekarang ${fmt(f)}.`);
	await expect(toQuartile).toContainText(`Sasaran: ${fmt(q3)}; sekarang ${fmt(f)}.`);
	if (f < b) {
		await expect(toBenchmark.getByTestId('takes-delta')).toHaveText(
			`Perlu naik ${fmt(b - f)} per 100.000 penduduk.`
		);
		const active = await apiRows(request, 'koperasi_aktif', [FOCUS], 'total');
		const more = Math.ceil(value(active, FOCUS, year)! * (b / f - 1) - 1e-9);
		await expect(toBenchmark.getByTestId('takes-fact')).toContainText(
			`tambahan ${formatNumber(more, 'id', 0)} koperasi aktif, bila jumlah penduduk tetap`
		);
	}
});

test('changing region, benchmark, year and peer group updates cards, charts, findings and URL', async ({
	page,
	request
}) => {
	await open(page);
	await page.getByLabel('Wilayah fokus', { exact: true }).selectOption('32.75');
	await expect(page).toHaveURL(/[?&]fokus=32\.75(&|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kota Bekasi');
	const year = await shownYear(page);
	const rat = await apiRows(request, 'kepatuhan_rat', ['32.75', BENCHMARK], 'total');
	await expect(page.getByTestId('card-kepatuhan_rat').getByTestId('focus-value')).toHaveText(
		shown(value(rat, '32.75', year), 'persen')
	);
	await expect(page.getByTestId('finding').first()).toContainText('Kota Bekasi');
	expect(await chartPoints(page, 'trend-chart')).toBeGreaterThan(0);

	const search = page.getByLabel('Cari wilayah: Wilayah pembanding');
	await search.fill('belitung timur');
	await search.press('Enter');
	await expect(page).toHaveURL(/[?&]banding=19\.06(&|$)/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Belitung Timur');
	await expect(page.getByTestId('level-note')).toHaveCount(0);
	await expect(page.getByTestId('finding').first()).toContainText('Kabupaten Belitung Timur');

	await page.getByLabel('Tahun', { exact: true }).selectOption('2023');
	await expect(page).toHaveURL(/[?&]tahun=2023(&|$)/);
	await expect(page.getByRole('heading', { name: 'Indikator utama 2023' })).toBeVisible();
	await expect(page.getByTestId('card-kepatuhan_rat').getByTestId('focus-value')).toHaveText(
		shown(value(rat, '32.75', 2023), 'persen')
	);
	await expect(page.getByTestId('panel-grafik-peringkat').locator('h3')).toContainText('2023');

	await page.getByRole('radio', { name: 'Semua kabupaten/kota se-Indonesia' }).check();
	await expect(page).toHaveURL(/[?&]kelompok=nasional(&|$)/);
	const withData = (
		await apiRows(
			request,
			'kepatuhan_rat',
			(await apiRegions(request)).filter((r) => r.level === 'kabkota').map((r) => r.code),
			'total'
		)
	).filter((r) => r.year === 2023 && r.value !== null).length;
	await expect(page.getByTestId('card-kepatuhan_rat').getByTestId('rank')).toContainText(
		`dari ${withData} kabupaten/kota se-Indonesia yang punya data`
	);

	await page.getByRole('radio', { name: 'Daftar pilihan' }).check();
	await expect(page).toHaveURL(/[?&]kelompok=pilihan(&|$)/);
	await page.getByLabel('Tambah wilayah ke daftar').fill('kota bandung');
	await page.getByRole('button', { name: /\+ Kota Bandung/ }).click();
	await expect(page).toHaveURL(/[?&]daftar=32\.73(&|$)/);
	await expect(page.getByTestId('card-kepatuhan_rat').getByTestId('rank')).toContainText(
		/dari 2 wilayah pilihan/
	);
	await expect(page.getByTestId('peer-custom').getByRole('listitem')).toContainText([
		'Kota Bandung'
	]);

	// A list saved in this browser opens again from its link.
	await page.getByText('Daftar tersimpan (0)').click();
	await page.getByLabel('Nama daftar').fill('Kota besar');
	await page.getByRole('button', { name: 'Simpan daftar ini' }).click();
	const saved = page.getByRole('link', { name: 'Kota besar' });
	await expect(saved).toHaveAttribute('href', /kelompok=pilihan&daftar=32\.73/);
	await page.getByRole('button', { name: 'Hapus Kota Bandung dari daftar' }).click();
	await expect(page).not.toHaveURL(/daftar=/);
	await expect(page.getByText('Daftar tersimpan (1)')).toBeVisible();
	await page.getByRole('link', { name: 'Kota besar' }).click();
	await expect(page).toHaveURL(/[?&]daftar=32\.73(&|$)/);
});

test('reload and back/forward keep the state', async ({ page }) => {
	await open(page);
	const defaultYear = String(await shownYear(page));
	await page.getByLabel('Tahun', { exact: true }).selectOption('2021');
	await expect(page).toHaveURL(/[?&]tahun=2021(&|$)/);
	await page.getByLabel('Indikator grafik').selectOption('jumlah_umkm');
	await expect(page).toHaveURL(/[?&]indikator=jumlah_umkm(&|$)/);
	await page.getByRole('radio', { name: 'Semua kabupaten/kota se-Indonesia' }).check();
	await expect(page).toHaveURL(/[?&]kelompok=nasional(&|$)/);

	await page.reload();
	await chartPoints(page, 'trend-chart');
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue('2021');
	await expect(page.getByLabel('Indikator grafik')).toHaveValue('jumlah_umkm');
	await expect(
		page.getByRole('radio', { name: 'Semua kabupaten/kota se-Indonesia' })
	).toBeChecked();
	await expect(page.getByRole('heading', { name: 'Indikator utama 2021' })).toBeVisible();

	await page.goBack();
	await expect(page).not.toHaveURL(/kelompok=/);
	await expect(page.getByRole('radio', { name: 'Kabupaten/kota di Jawa Barat' })).toBeChecked();
	await page.goBack();
	await expect(page).not.toHaveURL(/indikator=/);
	await expect(page.locator('#grafik-tren')).toHaveText('Tren Koperasi aktif');
	await page.goBack();
	await expect(page).not.toHaveURL(/tahun=/);
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue(defaultYear);
	await page.goForward();
	await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue('2021');
	await expect(page.getByRole('heading', { name: 'Indikator utama 2021' })).toBeVisible();
});

test('English switches every text, figures included, and keeps the view', async ({ page }) => {
	await open(page, '?fokus=32.75&tahun=2023');
	await page.getByRole('link', { name: /English/ }).click();
	await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
	await expect(page).toHaveURL(/[?&]fokus=32\.75(&|$)/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Headline indicators 2023' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Key findings' })).toBeVisible();
	await expect(page.getByTestId('card-koperasi_aktif')).toContainText('per 100,000 residents');
	await expect(page.getByTestId('card-koperasi_aktif').getByTestId('rank')).toContainText(
		/\d+(st|nd|rd|th) of 27 regencies and cities in Jawa Barat/
	);
	await expect(page.locator('[data-testid="finding"][data-kind="gap"]').first()).toContainText(
		/in Kota Bekasi is [\d.,]+% (below|above) Kepulauan Bangka Belitung \(2023: /
	);
	await expect(page.getByTestId('panel-grafik-jenis').getByTestId('empty')).toHaveText(
		'No breakdown by cooperative type yet; upload data per type.'
	);
});

test('the print view is one page with every chart and no controls', async ({ page }) => {
	await page.setViewportSize({ width: 1123, height: 794 });
	await open(page);
	await page.emulateMedia({ media: 'print' });
	for (const hidden of [
		'form#view',
		'.site-header',
		'.site-footer',
		'.panel-download',
		'.table-alt'
	]) {
		for (const element of await page.locator(hidden).all()) await expect(element).toBeHidden();
	}
	await expect(page.getByTestId('print-meta')).toBeVisible();
	await expect(page.getByTestId('print-meta')).toContainText('Dicetak');
	await expect(page.getByTestId('print-meta')).toContainText('kabupaten/kota di Jawa Barat (27)');
	for (const chart of ['trend-chart', 'ranking-chart', 'capital-chart', 'market-chart']) {
		await expect(page.getByTestId(chart).locator('canvas')).toBeVisible();
		const box = await page.getByTestId(chart).boundingBox();
		expect(box!.width, chart).toBeGreaterThan(100);
	}
	await expect(page.getByTestId('panel-grafik-jenis').getByTestId('empty')).toBeVisible();
	await expect(page.getByTestId('source-notes').locator('.print-only li').first()).toBeVisible();
	await expect(page.locator('[data-testid="finding"]').first()).toBeVisible();

	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages).toHaveLength(1);
	await test.info().attach('summary-print.pdf', { body: pdf, contentType: 'application/pdf' });
});

test('a chart downloads as PNG with its title', async ({ page }) => {
	await open(page);
	const download = page.waitForEvent('download');
	await page
		.getByRole('button', { name: 'Unduh grafik “Tren Koperasi aktif” sebagai PNG' })
		.click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('tren-koperasi_aktif.png');
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	const png = Buffer.concat(chunks);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.readUInt32BE(16)).toBeGreaterThan(400);
});

test('desktop and phone layouts fit their width', async ({ page }) => {
	for (const [name, width, height] of [
		['desktop', 1366, 900],
		['phone', 390, 844]
	] as const) {
		await page.setViewportSize({ width, height });
		await open(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, name).toBeLessThanOrEqual(0);
		await test.info().attach(`summary-${name}.png`, {
			body: await page.screenshot({ fullPage: true }),
			contentType: 'image/png'
		});
	}
});

test('an unknown region or peer group shows a clear error', async ({ page }) => {
	const response = await page.goto('/?fokus=99.99');
	expect(response?.status()).toBe(404);
	await expect(page.getByTestId('error-message')).toContainText('99.99');
	await expect(page.getByRole('link', { name: 'Kembali ke dasbor' })).toHaveAttribute('href', '/');
	const peers = await page.goto('/?kelompok=tetangga');
	expect(peers?.status()).toBe(400);
	await expect(page.getByTestId('error-message')).toContainText('tetangga');
	const list = await page.goto('/?kelompok=pilihan&daftar=32.01,88.88');
	expect(list?.status()).toBe(404);
	await expect(page.getByTestId('error-message')).toContainText('88.88');
});
