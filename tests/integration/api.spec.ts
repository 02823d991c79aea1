/**
 * The read API of the built server, on a database created at start-up from datasets/. Expected
 * figures are computed here from the CSV files, independently of the server's code.
 */
import fs from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import Papa from 'papaparse';
import { expect, test, type APIRequestContext } from '@playwright/test';

type Row = Record<string, string>;

interface Formula {
	numerator: string[];
	denominator?: string[];
	scale?: number;
}

interface CatalogueIndicator {
	id: string;
	formula: Formula;
	normalisations: string[];
}

interface QueryRow {
	region_code: string;
	region_name: string;
	region_level: string;
	year: number;
	value: number | null;
	status: string | null;
	sources: string | null;
	population_year: number | null;
}

const DATA_FILES = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk', 'kdkmp'] as const;

function readCsv(name: string): Row[] {
	const text = fs.readFileSync(`datasets/${name}.csv`, 'utf8');
	return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

const ROWS = DATA_FILES.flatMap((name) => readCsv(name));
const REGION_ROWS = readCsv('wilayah');

/** Sum of one column over the rows of a region and year that have a figure; null when none do. */
function sum(fact: string, code: string, year: number): number | null {
	let total: number | null = null;
	for (const row of ROWS) {
		if (row.kode_wilayah !== code || Number(row.tahun) !== year) continue;
		const cell = row[fact];
		if (cell === undefined || cell === '') continue;
		total = (total ?? 0) + Number(cell);
	}
	return total;
}

/** The population figure nearest to the year, the later one on a tie. */
function population(code: string, year: number): { value: number; year: number } | null {
	const years = [
		...new Set(
			ROWS.filter((r) => r.kode_wilayah === code && r.jumlah_penduduk).map((r) => Number(r.tahun))
		)
	].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a);
	const nearest = years[0];
	if (nearest === undefined) return null;
	return { value: sum('jumlah_penduduk', code, nearest)!, year: nearest };
}

/** The catalogue's arithmetic, written out again from its published definition. */
function computeValue(indicator: CatalogueIndicator, per: string, code: string, year: number) {
	const total = (facts: string[]) => {
		let t = 0;
		for (const fact of facts) {
			const v = sum(fact, code, year);
			if (v === null) return null;
			t += v;
		}
		return t;
	};
	const numerator = total(indicator.formula.numerator);
	if (numerator === null) return null;
	let value = numerator;
	if (indicator.formula.denominator) {
		const denominator = total(indicator.formula.denominator);
		if (!denominator) return null;
		value /= denominator;
	}
	value *= indicator.formula.scale ?? 1;
	if (per === 'population') {
		const p = population(code, year);
		if (!p?.value) return null;
		return (value * 100_000) / p.value;
	}
	if (per === 'cooperative' || per === 'member') {
		const divisor = sum(per === 'cooperative' ? 'koperasi_aktif' : 'jumlah_anggota', code, year);
		if (!divisor) return null;
		return value / divisor;
	}
	return value;
}

function expectSameNumber(actual: number | null, expected: number | null, where: string) {
	if (expected === null) {
		expect(actual, where).toBeNull();
		return;
	}
	expect(actual, where).not.toBeNull();
	expect(Math.abs(actual! - expected), where).toBeLessThanOrEqual(
		1e-9 * Math.max(1, Math.abs(expected))
	);
}

let catalogue: CatalogueIndicator[] = [];

async function indicatorById(request: APIRequestContext, id: string) {
	if (catalogue.length === 0) {
		const body = (await (await request.get('/api/indicators')).json()) as {
			indicators: CatalogueIndicator[];
		};
		catalogue = body.indicators;
	}
	const found = catalogue.find((i) => i.id === id);
	if (!found) throw new Error(`${id} is not in /api/indicators`);
	return found;
}

async function queryJson(request: APIRequestContext, params: Record<string, string>) {
	const response = await request.get('/api/query', { params });
	expect(response.status(), await response.text()).toBe(200);
	return (await response.json()) as { rows: QueryRow[]; columns: string[]; indicator: string };
}

test.describe('GET /api/health', () => {
	test('reports ok with the five bundled datasets loaded once each', async ({ request }) => {
		const response = await request.get('/api/health');
		expect(response.status()).toBe(200);
		const body = await response.json();
		expect(body.status).toBe('ok');
		expect(body.regions).toBe(552);
		expect(body.datasets.map((d: { kind: string }) => d.kind).sort()).toEqual(
			[...DATA_FILES].sort()
		);
		for (const dataset of body.datasets) expect(dataset.versions).toBe(1);
	});
});

test.describe('GET /api/regions', () => {
	test('lists the 552 regions of wilayah.csv with Kabupaten and Kota Bekasi apart', async ({
		request
	}) => {
		const body = await (await request.get('/api/regions')).json();
		const regions = body.regions as {
			code: string;
			name: string;
			bps_code: string;
			level: string;
		}[];
		expect(regions).toHaveLength(552);
		expect(new Set(regions.map((r) => r.code)).size).toBe(552);
		expect(regions.map((r) => r.code).sort()).toEqual(
			REGION_ROWS.map((r) => r.kode_wilayah).sort()
		);
		const kabupaten = regions.find((r) => r.code === '32.16');
		const kota = regions.find((r) => r.code === '32.75');
		expect(kabupaten).toMatchObject({
			name: 'Kabupaten Bekasi',
			bps_code: '3216',
			level: 'kabkota'
		});
		expect(kota).toMatchObject({ name: 'Kota Bekasi', bps_code: '3275', level: 'kabkota' });
		expect(regions.find((r) => r.code === '19')).toMatchObject({ level: 'provinsi' });
	});
});

test.describe('GET /api/indicators', () => {
	test('lists the catalogue with formulas built from the dataset columns', async ({ request }) => {
		const body = await (await request.get('/api/indicators')).json();
		const indicators = body.indicators as CatalogueIndicator[];
		expect(indicators.length).toBeGreaterThanOrEqual(30);
		expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
		const columns = new Set(DATA_FILES.flatMap((f) => Object.keys(readCsv(f)[0] ?? {})));
		for (const { id, formula, normalisations } of indicators) {
			for (const fact of [...formula.numerator, ...(formula.denominator ?? [])]) {
				expect(columns.has(fact), `${id} uses ${fact}`).toBe(true);
			}
			expect(normalisations).toContain('total');
		}
		expect(Object.keys(body.normalisations).sort()).toEqual(
			['cooperative', 'member', 'population', 'total'].sort()
		);
	});
});

test.describe('GET /api/query', () => {
	test('answers the published figures for Kabupaten Bekasi and Bangka Belitung', async ({
		request
	}) => {
		const bekasi = await queryJson(request, {
			indicator: 'koperasi_aktif',
			regions: '32.16',
			from: '2023',
			to: '2023'
		});
		expect(bekasi.rows).toEqual([
			expect.objectContaining({ region_code: '32.16', year: 2023, value: 691, status: 'resmi' })
		]);
		for (const [indicator, value] of [
			['jumlah_koperasi', 1671],
			['koperasi_aktif', 1248]
		] as const) {
			const babel = await queryJson(request, {
				indicator,
				regions: '19',
				from: '2025',
				to: '2025'
			});
			expect(babel.rows[0]).toMatchObject({ region_code: '19', year: 2025, value });
		}
	});

	test('without from/to, answers the years of the datasets the indicator reads', async ({
		request
	}) => {
		// kdkmp is a 2026 snapshot; the other datasets end in 2025 and must not grow an empty 2026.
		// (jangkauan_pasar: uploads.spec.ts adds koperasi rows of 2026 for a while, in parallel.)
		const umkm = await queryJson(request, { indicator: 'jumlah_umkm', regions: '32.16' });
		expect(umkm.rows.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		const kdkmp = await queryJson(request, { indicator: 'kdkmp_koperasi', regions: '32.16,19' });
		expect(kdkmp.rows).toEqual([
			expect.objectContaining({ region_code: '32.16', year: 2026, value: 187, status: 'resmi' }),
			expect.objectContaining({ region_code: '19', year: 2026, value: 394, status: 'resmi' })
		]);
		const coverage = await queryJson(request, {
			indicator: 'kdkmp_cakupan_desa',
			regions: '32.16,95.07'
		});
		expect(coverage.rows.map((r) => [r.region_code, r.year, r.status])).toEqual([
			['32.16', 2026, 'resmi'],
			['95.07', 2026, 'resmi']
		]);
		expect(coverage.rows[0]!.value).toBe(100);
		expectSameNumber(coverage.rows[1]!.value, (114 / 355) * 100, 'Lanny Jaya');
	});

	const CASES: [string, string][] = [
		['koperasi_aktif', 'total'],
		['jumlah_koperasi', 'population'],
		['persen_koperasi_aktif', 'total'],
		['kepatuhan_rat', 'total'],
		['jumlah_anggota', 'cooperative'],
		['aset', 'member'],
		['volume_usaha_per_anggota', 'total'],
		['rasio_modal_sendiri', 'total'],
		['marjin_shu', 'total'],
		['kur_realisasi', 'population'],
		['jumlah_umkm', 'population'],
		['persen_penjualan_luar_daerah', 'total']
	];
	const REGIONS = ['32.16', '32.75', '19', '19.05', '11'];

	for (const [id, per] of CASES) {
		test(`computes ${id} (${per}) as the CSV files and the catalogue formula give it`, async ({
			request
		}) => {
			const indicator = await indicatorById(request, id);
			const body = await queryJson(request, {
				indicator: id,
				regions: REGIONS.join(','),
				from: '2018',
				to: '2025',
				per
			});
			const grid = REGIONS.flatMap((code) =>
				Array.from({ length: 8 }, (_, i) => [code, 2018 + i] as const)
			);
			expect(body.rows.map((r) => [r.region_code, r.year])).toEqual(grid);
			let known = 0;
			for (const row of body.rows) {
				const where = `${id} ${per} ${row.region_code} ${row.year}`;
				const expected = computeValue(indicator, per, row.region_code, row.year);
				expectSameNumber(row.value, expected, where);
				if (expected !== null) known += 1;
				const populationYear =
					per === 'population' && expected !== null
						? population(row.region_code, row.year)!.year
						: null;
				expect(row.population_year, where).toBe(populationYear);
				expect(row.status === null, where).toBe(expected === null);
			}
			expect(known).toBeGreaterThan(body.rows.length / 2);
		});
	}

	test('sends the same numbers as an Arrow stream', async ({ request }) => {
		const params = {
			indicator: 'jumlah_umkm',
			regions: '32.16,32.75,19',
			from: '2018',
			to: '2025',
			per: 'population'
		};
		const json = await queryJson(request, params);
		const response = await request.get('/api/query', { params: { ...params, format: 'arrow' } });
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/vnd.apache.arrow.stream');
		const table = tableFromIPC(await response.body());
		expect(table.numRows).toBe(json.rows.length);
		expect(table.schema.fields.map((f) => f.name)).toEqual(json.columns);
		const column = (name: string) =>
			Array.from({ length: table.numRows }, (_, i) => table.getChild(name)!.get(i) as unknown);
		expect(column('region_code')).toEqual(json.rows.map((r) => r.region_code));
		expect(column('year')).toEqual(json.rows.map((r) => r.year));
		expect(column('value')).toEqual(json.rows.map((r) => r.value));
		expect(column('population_year')).toEqual(json.rows.map((r) => r.population_year));
		expect(column('status')).toEqual(json.rows.map((r) => r.status));
	});

	test('offers the same numbers as a CSV download', async ({ request }) => {
		const params = {
			indicator: 'persen_koperasi_aktif',
			regions: '32.16,19',
			from: '2020',
			to: '2025'
		};
		const json = await queryJson(request, params);
		const response = await request.get('/api/query', { params: { ...params, format: 'csv' } });
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('text/csv');
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
		const parsed = Papa.parse<Row>(await response.text(), { header: true, skipEmptyLines: true });
		expect(parsed.meta.fields).toEqual(json.columns);
		expect(parsed.data.map((r) => [r.region_code, Number(r.year)])).toEqual(
			json.rows.map((r) => [r.region_code, r.year])
		);
		expect(parsed.data.map((r) => (r.value === '' ? null : Number(r.value)))).toEqual(
			json.rows.map((r) => r.value)
		);
	});

	const BAD: [string, Record<string, string>, string][] = [
		['an unknown indicator', { indicator: 'koperasi_hidup', regions: '32.16' }, '"koperasi_hidup"'],
		['an unknown region', { indicator: 'koperasi_aktif', regions: '32.16,99.99' }, '"99.99"'],
		['a malformed region', { indicator: 'koperasi_aktif', regions: '3216' }, '"3216"'],
		['a year that is not a year', { indicator: 'aset', regions: '19', from: '20x3' }, '"20x3"'],
		[
			'a range that ends before it starts',
			{ indicator: 'aset', regions: '19', from: '2025', to: '2020' },
			'"from" (2025) is after "to" (2020)'
		],
		['an unknown parameter', { indicator: 'aset', regions: '19', wilayah: '19' }, '"wilayah"'],
		[
			'a normalisation a ratio does not allow',
			{ indicator: 'persen_koperasi_aktif', regions: '19', per: 'population' },
			'"population"'
		],
		[
			'an unknown normalisation',
			{ indicator: 'aset', regions: '19', per: '__proto__' },
			'"__proto__"'
		],
		['an unknown format', { indicator: 'aset', regions: '19', format: 'xlsx' }, '"xlsx"']
	];

	for (const [label, params, named] of BAD) {
		test(`refuses ${label} with 400 and a message naming it`, async ({ request }) => {
			const response = await request.get('/api/query', {
				params,
				headers: { accept: 'application/json' }
			});
			expect(response.status()).toBe(400);
			const body = await response.json();
			expect(body.message).toContain(named);
		});
	}

	test('never answers 500 to odd input', async ({ request }) => {
		const odd = [
			'indicator=constructor&regions=19',
			'indicator=aset&regions=',
			'indicator=aset&regions=%00',
			'indicator=aset&regions=19&from=0000',
			`indicator=aset&regions=${'1'.repeat(5000)}`,
			'indicator=aset&regions=19,19,19&to=2100',
			'indicator=aset&regions=19&from=2000&to=2000',
			'indicator[]=aset&regions=19'
		];
		for (const query of odd) {
			const response = await request.get(`/api/query?${query}`);
			expect(response.status(), query.slice(0, 60)).toBeLessThan(500);
		}
	});

	test('refuses SQL in a region code and keeps the data', async ({ request }) => {
		const hostile = "32.16');DROP TABLE koperasi;--";
		const response = await request.get('/api/query', {
			params: { indicator: 'koperasi_aktif', regions: hostile },
			headers: { accept: 'application/json' }
		});
		expect(response.status()).toBe(400);
		expect((await response.json()).message).toContain(hostile);
		const after = await queryJson(request, {
			indicator: 'koperasi_aktif',
			regions: '32.16',
			from: '2023',
			to: '2023'
		});
		expect(after.rows[0]?.value).toBe(691);
	});
});

test.describe('compression of rendered pages and answers', () => {
	/** Raw headers and bytes: Playwright's and Node's clients would decode gzip themselves. */
	function rawGet(path: string, acceptEncoding: string) {
		return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
			http
				.get(
					`${test.info().project.use.baseURL}${path}`,
					{ headers: { 'Accept-Encoding': acceptEncoding } },
					(res) => {
						const chunks: Buffer[] = [];
						res.on('data', (chunk: Buffer) => chunks.push(chunk));
						res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
						res.on('error', reject);
					}
				)
				.on('error', reject);
		});
	}

	test('the summary page is sent gzipped to a browser that accepts it, and whole to one that does not', async () => {
		const zipped = await rawGet('/', 'gzip, deflate, br');
		const plain = await rawGet('/', 'identity');
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers['vary']).toContain('Accept-Encoding');
		expect(plain.headers['content-encoding']).toBeUndefined();
		const html = gunzipSync(zipped.body).toString('utf8');
		expect(html).toContain('Kabupaten Bekasi');
		expect(html.length).toBeGreaterThan(50_000);
		expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
	});

	test('an Arrow answer decodes to the same bytes, gzipped or not', async () => {
		const regions = ['19', '19.01', '19.02', '19.03', '19.04', '19.05', '19.06', '19.71', '32.16'];
		const path = `/api/query?indicator=jumlah_koperasi&regions=${regions.join(',')}&per=total&format=arrow`;
		const zipped = await rawGet(path, 'gzip');
		const plain = await rawGet(path, 'identity');
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
		expect(tableFromIPC(plain.body).numRows).toBeGreaterThanOrEqual(regions.length);
	});
});
