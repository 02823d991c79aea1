import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { BoundaryCollection } from '../../src/lib/explorer/geo-join';
import { apiRegions, apiRows, showSampleData } from './helpers';

// These tests hold every figure against the API, sintetis ones included: they read the pages with
// the sample data shown (the default hides it; status.e2e.ts covers that).
test.beforeEach(async ({ context, baseURL }) => showSampleData(context, baseURL));

/** The number of values a chart reports having drawn, once it has drawn. */
async function drawn(page: Page, testid: string): Promise<number> {
	const chart = page.getByTestId(testid);
	await expect(chart).toHaveAttribute('data-points', /^\d+$/);
	await expect(chart.locator('canvas').first()).toBeVisible();
	return Number(await chart.getAttribute('data-points'));
}

function param(page: Page, name: string): string | null {
	return new URL(page.url()).searchParams.get(name);
}

/** The region tokens of the view; the default (Jawa Barat's regencies/cities) is not written. */
function regions(page: Page): string {
	return param(page, 'wilayah') ?? '32.*';
}

type Ring = [number, number][];

/** A point well inside a region's largest polygon (a grid search, furthest from any vertex). */
function insidePoint(rings: Ring[]): [number, number] {
	const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
	const xs = ring.map((p) => p[0]);
	const ys = ring.map((p) => p[1]);
	const inside = ([x, y]: [number, number]) => {
		let hit = false;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
		}
		return hit;
	};
	let best: [number, number] = [xs[0]!, ys[0]!];
	let bestDistance = -1;
	const [minX, maxX, minY, maxY] = [
		Math.min(...xs),
		Math.max(...xs),
		Math.min(...ys),
		Math.max(...ys)
	];
	for (let i = 1; i < 40; i++) {
		for (let j = 1; j < 40; j++) {
			const p: [number, number] = [
				minX + ((maxX - minX) * i) / 40,
				minY + ((maxY - minY) * j) / 40
			];
			if (!inside(p)) continue;
			const distance = Math.min(...ring.map(([x, y]) => Math.hypot(x - p[0], y - p[1])));
			if (distance > bestDistance) [best, bestDistance] = [p, distance];
		}
	}
	return best;
}

/**
 * Where a region lies on the drawn map: ECharts fits the boundaries' bounding box, aspect kept
 * (aspectScale 1), centred in the chart less the series' 4 px margins, latitude upwards.
 */
async function regionPosition(page: Page, testid: string, file: string, code: string) {
	const geo = (await (await page.request.get(file)).json()) as BoundaryCollection;
	const all: Ring[] = [];
	let target: Ring[] = [];
	for (const f of geo.features) {
		const g = f.geometry as { type: string; coordinates: unknown };
		const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
		const rings = polygons.map((p) => p[0]!);
		all.push(...rings);
		if (f.properties.kode === code) target = rings;
	}
	expect(target.length, `${code} in ${file}`).toBeGreaterThan(0);
	const points = all.flat();
	const [minX, maxX] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
	const [minY, maxY] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
	const box = (await page.getByTestId(testid).boundingBox())!;
	const [w, h] = [box.width - 8, box.height - 8];
	const scale = Math.min(w / (maxX - minX), h / (maxY - minY));
	const [x, y] = insidePoint(target);
	return {
		x: 4 + (w - (maxX - minX) * scale) / 2 + (x - minX) * scale,
		y: 4 + (h - (maxY - minY) * scale) / 2 + (maxY - y) * scale
	};
}

test('opens with sensible defaults: Jawa Barat regencies ranked, Kabupaten Bekasi in focus', async ({
	page,
	request
}) => {
	await page.goto('/jelajah');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jelajah data');
	const jabar = (await apiRegions(request)).filter(
		(r) => r.level === 'kabkota' && r.province_code === '32'
	);
	const rows = await apiRows(
		request,
		'anggota_per_koperasi',
		[...jabar.map((r) => r.code), '32'],
		'total'
	);
	const latest = Math.max(
		...rows.filter((r) => r.region_code === '32.16' && r.value !== null).map((r) => r.year)
	);
	const expected = rows.filter((r) => r.year === latest && r.value !== null).length;
	expect(await drawn(page, 'bars-chart')).toBe(expected);
	await expect(page.getByTestId('breadcrumb')).toContainText('Jawa Barat');
	await expect(page.getByTestId('indicator-info')).toContainText('Satuan: orang');
});

test('pick an indicator and regions, then switch through every view', async ({ page }) => {
	await page.goto('/jelajah');
	await drawn(page, 'bars-chart');

	await page.getByLabel('Indikator', { exact: true }).selectOption('jumlah_umkm');
	await expect.poll(() => param(page, 'indikator')).toBe('jumlah_umkm');
	await page.getByLabel('Normalisasi', { exact: true }).selectOption('total');
	await expect.poll(() => param(page, 'per')).toBe('total');

	await page.getByLabel('Cari wilayah (nama atau kode)').fill('bangka belitung');
	await page
		.getByTestId('region-results')
		.getByRole('button', { name: /Tambah kab\/kota di Kepulauan Bangka Belitung/ })
		.click();
	await expect.poll(() => regions(page)).toBe('32.*,19.*');
	await expect(page.getByTestId('region-set')).toContainText('(34 wilayah)');

	const views = [
		['garis', 'line-chart'],
		['batang', 'bars-chart'],
		['sebar', 'scatter-chart'],
		['peta', 'map-chart']
	] as const;
	for (const [view, chart] of views) {
		await page.getByTestId(`view-${view}`).click();
		await expect.poll(() => param(page, 'tampilan')).toBe(view === 'batang' ? null : view);
		expect(await drawn(page, chart), view).toBeGreaterThan(0);
	}
	await page.getByTestId('view-tabel').click();
	// 34 regencies/cities, plus the benchmark (Jawa Barat) and the focus (already among them).
	await expect(page.getByTestId('explorer-table').locator('tbody tr')).toHaveCount(35);
	await page.getByLabel('Cari di tabel').fill('bangka');
	await expect(page.getByTestId('explorer-table').locator('tbody tr')).toHaveCount(7);
	await expect.poll(() => param(page, 'cari')).toBe('bangka');
});

test('the indicator search narrows the list and Enter picks the first match', async ({ page }) => {
	await page.goto('/jelajah');
	await drawn(page, 'bars-chart');
	const search = page.getByLabel('Cari indikator: Indikator');
	await search.fill('ekspor');
	await expect(page.getByText(/^\d+ indikator cocok$/)).toBeVisible();
	const options = page.getByLabel('Indikator', { exact: true }).locator('option');
	// The matches, plus the chosen indicator, which always stays listed.
	const labels = await options.allTextContents();
	expect(labels.length).toBeLessThan(6);
	expect(labels.filter((l) => /ekspor/i.test(l)).length).toBeGreaterThan(0);
	await search.press('Enter');
	await expect.poll(() => param(page, 'indikator')).toMatch(/ekspor/);
	await search.fill('tidak ada indikator seperti ini');
	await expect(page.getByText('Tidak ada indikator yang cocok')).toBeVisible();
});

test('clicking a region on the map highlights it in the ranking and the table', async ({
	page
}) => {
	await page.goto('/jelajah?tampilan=peta');
	expect(await drawn(page, 'map-chart')).toBe(27);
	const garut = await regionPosition(page, 'map-chart', '/geo/kabkota/32.json', '32.05');
	await page.getByTestId('map-chart').click({ position: garut });
	await expect.poll(() => param(page, 'pilih')).toBe('32.05');
	await expect(page.getByTestId('map-chart')).toHaveAttribute('data-picked', '32.05');
	await expect(page.getByTestId('selection-bar')).toContainText('Kabupaten Garut');

	await page.getByTestId('view-batang').click();
	await expect(page.getByTestId('bars-chart')).toHaveAttribute('data-picked', '32.05');
	await page.getByTestId('view-tabel').click();
	const row = page.locator('tr[data-code="32.05"]');
	await expect(row).toHaveClass(/picked/);
	await expect(row.getByRole('checkbox')).toBeChecked();

	// Unpicking in the table unpicks everywhere.
	await row.getByRole('checkbox').uncheck();
	await expect.poll(() => param(page, 'pilih')).toBeNull();
});

test('brushing the top of the ranking picks those regions in every view', async ({ page }) => {
	await page.goto('/jelajah');
	await drawn(page, 'bars-chart');
	await page.getByRole('button', { name: 'Pilih area' }).click();
	const chart = page.getByTestId('bars-chart');
	await chart.scrollIntoViewIfNeeded();
	const box = (await chart.boundingBox())!;
	// Along the category axis, over the first few bars (best first).
	await page.mouse.move(box.x + box.width / 2, box.y + 10);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2, box.y + 100, { steps: 6 });
	await page.mouse.up();
	await expect.poll(() => param(page, 'pilih')?.split(',').length ?? 0).toBeGreaterThan(1);
	const picked = param(page, 'pilih')!;
	await expect(chart).toHaveAttribute('data-picked', picked);

	await page.getByTestId('view-peta').click();
	const sorted = (text: string | null) => (text ?? '').split(',').sort().join(',');
	await expect
		.poll(async () => sorted(await page.getByTestId('map-chart').getAttribute('data-picked')))
		.toBe(sorted(picked));
});

test('drills from the provinces into Jawa Barat and back up', async ({ page }) => {
	await page.goto('/jelajah?tampilan=peta&wilayah=*');
	expect(await drawn(page, 'map-chart')).toBe(38);
	const jabar = await regionPosition(page, 'map-chart', '/geo/provinsi.json', '32');
	await page.getByTestId('map-chart').dblclick({ position: jabar });
	await expect.poll(() => regions(page)).toBe('32.*');
	await expect(page.getByTestId('breadcrumb')).toContainText('Jawa Barat · 27 kab/kota');
	expect(await drawn(page, 'map-chart')).toBe(27);

	await page.getByTestId('breadcrumb').getByRole('link', { name: 'Indonesia' }).click();
	await expect.poll(() => regions(page)).toBe('*');
	await expect.poll(() => param(page, 'pilih')).toBe('32');
	expect(await drawn(page, 'map-chart')).toBe(38);

	// The picked province offers the same drill-down as a button.
	await page.getByTestId('drill-32').click();
	await expect.poll(() => regions(page)).toBe('32.*');
	await page.goBack();
	await expect.poll(() => regions(page)).toBe('*');
});

test('a copied link opens exactly the same view; back and forward walk the changes', async ({
	page,
	context
}) => {
	await page.goto('/jelajah?tampilan=sebar');
	await drawn(page, 'scatter-chart');
	await page.getByLabel('Indikator sumbu tegak', { exact: true }).selectOption('volume_usaha');
	await expect.poll(() => param(page, 'indikator2')).toBe('volume_usaha');
	await page.getByLabel('Tahun', { exact: true }).selectOption('2023');
	await expect.poll(() => param(page, 'tahun')).toBe('2023');
	await page.getByTestId('view-tabel').click();
	await page.locator('tr[data-code="32.73"]').getByRole('checkbox').check();
	await expect.poll(() => param(page, 'pilih')).toBe('32.73');
	await page.getByTestId('view-sebar').click();
	const points = await drawn(page, 'scatter-chart');
	const heading = await page.locator('#view-title').textContent();

	const copy = await context.newPage();
	await copy.goto(page.url());
	expect(await drawn(copy, 'scatter-chart')).toBe(points);
	await expect(copy.locator('#view-title')).toHaveText(heading!);
	await expect(copy.getByTestId('scatter-chart')).toHaveAttribute('data-picked', '32.73');
	await expect(copy.getByLabel('Indikator sumbu tegak', { exact: true })).toHaveValue(
		'volume_usaha'
	);
	await expect(copy.getByLabel('Tahun', { exact: true })).toHaveValue('2023');

	await page.goBack();
	await expect.poll(() => param(page, 'tampilan')).toBe('tabel');
	await page.goBack();
	await expect.poll(() => param(page, 'pilih')).toBeNull();
	await page.goForward();
	await expect.poll(() => param(page, 'pilih')).toBe('32.73');
});

test('exports the table as CSV in both flavours, matching the API figure for figure', async ({
	page,
	request
}) => {
	await page.goto('/jelajah?tampilan=tabel&indikator=koperasi_aktif&per=population&dari=2020');
	await expect(page.getByTestId('explorer-table').locator('tbody tr')).toHaveCount(28);

	const [standard] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('csv').click()
	]);
	expect(standard.suggestedFilename()).toBe('jelajah_koperasi_aktif_population_2020-2025.csv');
	const text = fs.readFileSync((await standard.path())!, 'utf8');
	const lines = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: true
	}).data;
	expect(lines).toHaveLength(28 * 6);

	const codes = [...new Set(lines.map((l) => l.region_code!))];
	const api = await apiRows(request, 'koperasi_aktif', codes, 'population');
	for (const line of lines) {
		const row = api.find((r) => r.region_code === line.region_code && r.year === Number(line.year));
		expect(row, `${line.region_code} ${line.year}`).toBeDefined();
		expect(line.value === '' ? null : Number(line.value)).toBe(row!.value);
		expect(line.region_name).toBe(row!.region_name);
	}

	const [excel] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('csv-excel').click()
	]);
	const excelText = fs.readFileSync((await excel.path())!, 'utf8');
	expect(excelText.startsWith('\ufeffindicator;per;region_code')).toBe(true);
	const first = api.find((r) => r.year >= 2020 && r.value !== null && !Number.isInteger(r.value))!;
	const cell = `;${first.year};${String(first.value).replace('.', ',')};`;
	expect(excelText.includes(cell), cell).toBe(true);

	// The API link asks exactly the question the table shows.
	const link = new URL((await page.getByTestId('api-link').getAttribute('href'))!, page.url());
	expect(Object.fromEntries(link.searchParams)).toMatchObject({
		indicator: 'koperasi_aktif',
		per: 'population',
		from: '2020',
		to: '2025',
		format: 'csv'
	});
	const answer = await request.get(link.pathname + link.search);
	expect(answer.ok()).toBe(true);
	expect((await answer.text()).trim().split('\n')).toHaveLength(28 * 6 + 1);
});

test('downloads each chart as PNG and SVG', async ({ page }) => {
	await page.goto('/jelajah?tampilan=peta');
	await drawn(page, 'map-chart');
	for (const format of ['png', 'svg'] as const) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(`map-chart-${format}`).click()
		]);
		expect(download.suggestedFilename()).toMatch(new RegExp(`_peta_32_\\d{4}\\.${format}$`));
		const bytes = fs.readFileSync((await download.path())!);
		if (format === 'svg') {
			const svg = bytes.toString('utf8');
			expect(svg).toContain('<svg');
			expect(svg).toContain('tidak ada data');
			// Well-formed XML, so editors and strict viewers open it too.
			const errors = await page.evaluate(
				(text) =>
					new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror')
						.length,
				svg
			);
			expect(errors).toBe(0);
		} else {
			expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		}
	}
});

test('speaks English with lang=en', async ({ page }) => {
	await page.goto('/jelajah?lang=en&tampilan=garis');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data explorer');
	await drawn(page, 'line-chart');
	await expect(page.getByTestId('view-garis')).toHaveText('Over time');
	await page.getByTestId('view-peta').click();
	await expect.poll(() => param(page, 'lang')).toBe('en');
});
