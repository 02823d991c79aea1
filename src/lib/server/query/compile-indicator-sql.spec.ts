import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DATASETS,
	DATASET_KINDS,
	STATUS_RANK,
	type DataStatus,
	type DatasetKind,
	type FactId
} from '$lib/catalogue/datasets';
import {
	evaluateIndicator,
	factsNeeded,
	findIndicator,
	INDICATORS,
	type FactValues,
	type Indicator,
	type Normalisation
} from '$lib/catalogue/indicators';
import type { DatasetRecord } from '$lib/csv/validate-dataset';
import type { IndicatorQuery, QueryRow } from '$lib/query/indicator-query';
import { openDatabase, type Database } from '../duckdb/database';
import { migrate } from '../duckdb/schema';
import { appendRecords, insertVersion } from '../ingest/write-records';
import { compileIndicatorQuery } from './compile-indicator-sql';
import { runIndicatorQuery } from './run-indicator-query';

const REGIONS = [
	{ code: '32.16', name: 'Kabupaten Bekasi', level: 'kabkota' },
	{ code: '32.75', name: 'Kota Bekasi', level: 'kabkota' },
	{ code: '19', name: 'Kepulauan Bangka Belitung', level: 'provinsi' },
	{ code: '19.05', name: 'Kabupaten Bangka Barat', level: 'kabkota' }
] as const;
/** Asked in an order that is neither alphabetical nor the table's, to check the order kept. */
const ASKED = ['19', '32.75', '19.05', '32.16'];
const FROM = 2021;
const TO = 2024;
const WITH_DATA = ['32.16', '32.75', '19'];
const STATUSES: DataStatus[] = ['resmi', 'estimasi', 'sintetis'];
const SOURCES = ['BPS', 'Dinas Koperasi', 'Kemenkop'];

interface Row {
	kind: DatasetKind;
	record: DatasetRecord;
}

function record(
	kode_wilayah: string,
	tahun: number,
	facts: DatasetRecord['facts'],
	extra: Partial<DatasetRecord> = {}
): DatasetRecord {
	return {
		line: 0,
		kode_wilayah,
		tahun,
		dimensi: 'semua',
		id_koperasi: null,
		nama_koperasi: null,
		facts,
		status_data: 'resmi',
		sumber: 'BPS',
		...extra
	};
}

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number) {
	let state = seed;
	return (n: number) => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state % n;
	};
}

/**
 * Live rows: several per region-year, split by breakdown or cooperative, with gaps, nulls, mixed
 * statuses and sources, negative SHU and a few zero divisors.
 */
function generatedRows(): Row[] {
	const next = generator(20240617);
	const rows: Row[] = [];
	for (const kind of ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'kdkmp'] as const) {
		const dataset = DATASETS[kind];
		for (const code of WITH_DATA) {
			for (let year = FROM; year <= TO; year++) {
				if (next(7) === 0) continue;
				const parts = 1 + next(3);
				for (let p = 0; p < parts; p++) {
					const facts: DatasetRecord['facts'] = {};
					for (const fact of dataset.facts) {
						// kdkmp ratios sum up to three facts: fewer gaps keep most of their values known
						const roll = next(kind === 'kdkmp' ? 36 : 12);
						let value: number | null = roll === 0 ? null : roll === 1 ? 0 : 1 + next(5000);
						if (fact.id === 'shu' && value !== null && next(3) === 0) value = -value;
						if (fact.unit === 'rupiah' && value !== null) value *= 1_000_003;
						facts[fact.id] = value;
					}
					rows.push({
						kind,
						record: record(code, year, facts, {
							dimensi: 'dimension' in dataset ? `bagian_${p}` : 'semua',
							status_data: STATUSES[next(3)]!,
							sumber: SOURCES[next(3)]!
						})
					});
				}
			}
		}
	}
	return rows;
}

/** Hand-made rows the named examples below rely on. */
const CRAFTED: Row[] = [
	// 32.16 in 2026: a status and source mix that the generated years do not pin down.
	...[
		record(
			'32.16',
			2026,
			{ jumlah_koperasi: 10, koperasi_aktif: 6 },
			{ dimensi: 'konsumen', sumber: 'Dinas Koperasi' }
		),
		record(
			'32.16',
			2026,
			{ jumlah_koperasi: 5, koperasi_aktif: 4 },
			{ dimensi: 'simpan_pinjam', status_data: 'estimasi', sumber: 'Model' }
		),
		record(
			'32.16',
			2026,
			{ jumlah_anggota: 50 },
			{ dimensi: 'produsen', status_data: 'sintetis', sumber: 'Ilustrasi' }
		),
		record(
			'32.75',
			2026,
			{ jumlah_koperasi: 3, koperasi_aktif: 0, koperasi_rat: 0 },
			{ dimensi: 'konsumen' }
		),
		record('19', 2025, { jumlah_anggota: 750 }),
		record('19', 2026, { jumlah_anggota: 700 }),
		record('19', 2027, { jumlah_anggota: 800 }),
		record('19', 2028, { jumlah_anggota: 900 })
	].map((r) => ({ kind: 'koperasi' as const, record: r })),
	// Population: 32.16 has 2021 and 2024; 32.75 has 2020 and 2024 (2022 is a tie); 19 most years,
	// in two rows in 2027, and beside a row without a figure in 2028.
	...[
		record('32.16', 2021, { jumlah_penduduk: 3_100_000 }),
		record(
			'32.16',
			2024,
			{ jumlah_penduduk: 3_300_000 },
			{ status_data: 'estimasi', sumber: 'Proyeksi' }
		),
		record('32.75', 2020, { jumlah_penduduk: 2_500_000 }),
		record('32.75', 2024, { jumlah_penduduk: 2_600_000 }, { sumber: 'Dukcapil' }),
		...[2021, 2022, 2023, 2024, 2026].map((y) =>
			record('19', y, { jumlah_penduduk: 1_500_000 + y })
		),
		record('19', 2027, { jumlah_penduduk: 1_500_000 }),
		record(
			'19',
			2027,
			{ jumlah_penduduk: 1_000 },
			{ status_data: 'sintetis', sumber: 'Ilustrasi' }
		),
		record('19', 2028, { jumlah_penduduk: 1_600_000 }),
		record('19', 2028, { jumlah_penduduk: null }, { status_data: 'sintetis', sumber: 'Kosong' })
	].map((r) => ({ kind: 'penduduk' as const, record: r }))
];

/** Rows of an older version, replaced by a later one: huge, so any leak shows. */
function replacedRows(): Row[] {
	const rows: Row[] = [];
	for (const kind of DATASET_KINDS) {
		const facts = Object.fromEntries(DATASETS[kind].facts.map((f) => [f.id, 999_999_937]));
		for (const code of [...WITH_DATA, '19.05']) {
			for (const year of [2022, 2026]) {
				rows.push({
					kind,
					record: record(code, year, facts, { status_data: 'sintetis', sumber: 'Diganti' })
				});
			}
		}
	}
	return rows;
}

const LIVE = [...generatedRows(), ...CRAFTED];
let db: Database;

async function seed(database: Database) {
	await database.withConnection(async (c) => {
		await migrate(c);
		for (const r of REGIONS) {
			await c.run(`INSERT INTO wilayah VALUES ($1, NULL, $2, $2, $3, 'x', $4, 'x', 1, NULL)`, [
				r.code,
				r.name,
				r.level,
				r.code.slice(0, 2)
			]);
		}
		const version = {
			mode: 'append',
			fileName: null,
			sha256: null,
			by: 'test',
			sourceNote: null
		} as const;
		const write = async (rows: Row[]) => {
			const ids: number[] = [];
			for (const kind of DATASET_KINDS) {
				const records = rows.filter((r) => r.kind === kind).map((r) => r.record);
				const id = await insertVersion(c, { ...version, kind }, records.length);
				await appendRecords(c, kind, id, records);
				ids.push(id);
			}
			return ids;
		};
		const old = await write(replacedRows());
		const current = await write(LIVE);
		for (const [i, kind] of DATASET_KINDS.entries()) {
			await c.run(`UPDATE "${kind}" SET diganti_oleh = $1 WHERE versi = $2`, [
				current[i]!,
				old[i]!
			]);
		}
	});
}

beforeAll(async () => {
	db = await openDatabase({ path: ':memory:', threads: 1, memoryLimit: '256MB', maxConcurrent: 2 });
	await seed(db);
});

afterAll(() => db.close());

/** The same question answered in plain JavaScript from the live rows. */
function expected(indicator: Indicator, per: Normalisation, code: string, year: number) {
	const sums: FactValues = {};
	let rank = -1;
	// Each fact's sources, sorted, in the order of the facts; each source once.
	const sources = new Set<string>();
	const sumOf = (rows: DatasetRecord[], fact: FactId) => {
		const withValue = rows.filter((r) => r.facts[fact] != null);
		if (withValue.length === 0) return null;
		for (const r of withValue) rank = Math.max(rank, STATUS_RANK[r.status_data]);
		for (const source of [...new Set(withValue.map((r) => r.sumber))].sort()) sources.add(source);
		return withValue.reduce((total, r) => total + (r.facts[fact] ?? 0), 0);
	};
	let populationYear: number | null = null;
	for (const fact of factsNeeded(indicator, per)) {
		if (fact === 'jumlah_penduduk') {
			const years = new Map<number, DatasetRecord[]>();
			for (const { kind, record: r } of LIVE) {
				if (kind !== 'penduduk' || r.kode_wilayah !== code || r.facts.jumlah_penduduk == null)
					continue;
				years.set(r.tahun, [...(years.get(r.tahun) ?? []), r]);
			}
			const nearest = [...years.keys()].sort(
				(a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a
			)[0];
			populationYear = nearest ?? null;
			sums[fact] = nearest === undefined ? null : sumOf(years.get(nearest)!, fact);
		} else {
			const rows = LIVE.filter(
				(r) => r.record.kode_wilayah === code && r.record.tahun === year
			).map((r) => r.record);
			sums[fact] = sumOf(rows, fact);
		}
	}
	const value = evaluateIndicator(indicator, per, sums);
	if (value === null) return { value, status: null, sources: null, population_year: null };
	// Another year's population only stands in for this year's: at best estimasi.
	if (per === 'population' && populationYear !== year) rank = Math.max(rank, STATUS_RANK.estimasi);
	return {
		value,
		status: STATUSES[rank] ?? null,
		sources: [...sources].join(' | '),
		population_year: per === 'population' ? populationYear : null
	};
}

function ask(
	id: string,
	per: Normalisation,
	regions = ASKED,
	from = FROM,
	to = TO
): IndicatorQuery {
	const indicator = findIndicator(id);
	if (!indicator) throw new Error(`No indicator ${id}`);
	return { indicator, per, regions, from, to };
}

function rowOf(rows: QueryRow[], code: string, year: number): QueryRow {
	const row = rows.find((r) => r.region_code === code && r.year === year);
	if (!row) throw new Error(`No row for ${code} ${year}`);
	return row;
}

describe('compileIndicatorQuery on DuckDB', () => {
	const cases = INDICATORS.flatMap((indicator) =>
		indicator.normalisations.map((per) => [indicator.id, per] as const)
	);

	it.each(cases)('computes %s (%s) exactly as evaluateIndicator does', async (id, per) => {
		const query = ask(id, per);
		const rows = await runIndicatorQuery(db, query);
		const grid = ASKED.flatMap((code) =>
			Array.from({ length: TO - FROM + 1 }, (_, i) => [code, FROM + i] as const)
		);
		expect(rows.map((r) => [r.region_code, r.year])).toEqual(grid);
		for (const [code, year] of grid) {
			const want = expected(query.indicator, per, code, year);
			const got = rowOf(rows, code, year);
			expect({ ...got, where: `${code} ${year}` }).toEqual({
				region_code: code,
				region_name: REGIONS.find((r) => r.code === code)!.name,
				region_level: REGIONS.find((r) => r.code === code)!.level,
				year,
				...want,
				where: `${code} ${year}`
			});
		}
	});

	it('has generated data in which most values exist, some are null and some are negative', async () => {
		const all = await Promise.all(cases.map(([id, per]) => runIndicatorQuery(db, ask(id, per))));
		const values = all.flat().map((r) => r.value);
		const known = values.filter((v) => v !== null);
		expect(known.length).toBeGreaterThan(values.length / 2);
		expect(values.filter((v) => v === null).length).toBeGreaterThan(0);
		expect(known.some((v) => v < 0)).toBe(true);
	});

	it('sums the rows behind a value and reports their worst status and every source', async () => {
		const [row] = await runIndicatorQuery(
			db,
			ask('koperasi_aktif', 'total', ['32.16'], 2026, 2026)
		);
		expect(row).toMatchObject({ value: 10, status: 'estimasi', sources: 'Dinas Koperasi | Model' });
		const [members] = await runIndicatorQuery(
			db,
			ask('jumlah_anggota', 'total', ['32.16'], 2026, 2026)
		);
		expect(members).toMatchObject({ value: 50, status: 'sintetis', sources: 'Ilustrasi' });
	});

	it('ignores rows that a later version replaced', async () => {
		const [row] = await runIndicatorQuery(
			db,
			ask('jumlah_koperasi', 'total', ['32.16'], 2026, 2026)
		);
		expect(row?.value).toBe(15);
		expect(row?.sources).not.toContain('Diganti');
		const [none] = await runIndicatorQuery(db, ask('aset', 'total', ['19.05'], 2022, 2022));
		expect(none?.value).toBeNull();
	});

	it('gives null for a zero denominator', async () => {
		const [row] = await runIndicatorQuery(db, ask('kepatuhan_rat', 'total', ['32.75'], 2026, 2026));
		expect(row).toMatchObject({ value: null, status: null, sources: null });
		const [perCoop] = await runIndicatorQuery(
			db,
			ask('koperasi_rat', 'cooperative', ['32.75'], 2026, 2026)
		);
		expect(perCoop?.value).toBeNull();
	});

	it('divides by the same year’s population when there is one', async () => {
		const [row] = await runIndicatorQuery(
			db,
			ask('jumlah_anggota', 'population', ['19'], 2026, 2026)
		);
		expect(row).toMatchObject({
			population_year: 2026,
			value: (700 * 100_000) / 1_502_026,
			status: 'resmi'
		});
	});

	it('calls a value divided by another year’s population estimasi at best, though both figures are resmi', async () => {
		const [row] = await runIndicatorQuery(
			db,
			ask('jumlah_anggota', 'population', ['19'], 2025, 2025)
		);
		expect(row).toMatchObject({
			population_year: 2026,
			value: (750 * 100_000) / 1_502_026,
			status: 'estimasi',
			sources: 'BPS'
		});
		const [total] = await runIndicatorQuery(db, ask('jumlah_anggota', 'total', ['19'], 2025, 2025));
		expect(total).toMatchObject({ value: 750, status: 'resmi' });
	});

	it('sums a year’s population rows, ignoring rows without a figure, and reports their worst status', async () => {
		const rows = await runIndicatorQuery(
			db,
			ask('jumlah_anggota', 'population', ['19'], 2027, 2028)
		);
		expect(rows).toEqual([
			expect.objectContaining({
				year: 2027,
				value: (800 * 100_000) / 1_501_000,
				status: 'sintetis',
				sources: 'BPS | Ilustrasi',
				population_year: 2027
			}),
			expect.objectContaining({
				year: 2028,
				value: (900 * 100_000) / 1_600_000,
				status: 'resmi',
				sources: 'BPS',
				population_year: 2028
			})
		]);
	});

	it('uses the nearest population year otherwise, the later one on a tie', async () => {
		const years = async (code: string) => {
			const rows = await runIndicatorQuery(
				db,
				ask('jumlah_koperasi', 'population', [code], 2021, 2026)
			);
			return rows.map((r) => [r.year, r.value === null ? null : r.population_year]);
		};
		const known = (code: string, year: number) =>
			expected(findIndicator('jumlah_koperasi')!, 'population', code, year).value !== null;
		const bekasiKota = await years('32.75');
		const want75: [number, number][] = [
			[2021, 2020],
			[2022, 2024],
			[2023, 2024],
			[2024, 2024],
			[2025, 2024],
			[2026, 2024]
		];
		expect(bekasiKota).toEqual(want75.map(([y, p]) => [y, known('32.75', y) ? p : null]));
		const bekasiKab = await years('32.16');
		const want16: [number, number][] = [
			[2021, 2021],
			[2022, 2021],
			[2023, 2024],
			[2024, 2024],
			[2025, 2024],
			[2026, 2024]
		];
		expect(bekasiKab).toEqual(want16.map(([y, p]) => [y, known('32.16', y) ? p : null]));
		expect(bekasiKota.some(([, p]) => p === 2024) && bekasiKab.some(([, p]) => p === 2021)).toBe(
			true
		);
	});

	it('gives a row with a null value for every year of a region without data', async () => {
		const rows = await runIndicatorQuery(db, ask('jumlah_umkm', 'population', ['19.05']));
		expect(rows).toHaveLength(TO - FROM + 1);
		for (const row of rows) {
			expect(row).toMatchObject({
				region_code: '19.05',
				value: null,
				status: null,
				sources: null,
				population_year: null
			});
		}
	});

	it('answers nothing for a region the database does not know', async () => {
		expect(await runIndicatorQuery(db, ask('aset', 'total', ['99.99']))).toEqual([]);
	});

	it('binds every value the user chose instead of writing it into the SQL text', async () => {
		const hostile = "32.16');DROP TABLE koperasi;--";
		const query = ask('persen_umkm_ekspor', 'total', ['19.05', hostile], 2019, 2027);
		const { sql, params } = compileIndicatorQuery(query);
		for (const text of ['19.05', '32.16', 'DROP', '2019', '2027']) expect(sql).not.toContain(text);
		expect(params).toEqual({ regions: ['19.05', hostile], from: 2019, to: 2027 });
		for (const per of ['population', 'cooperative', 'member'] as const) {
			const compiled = compileIndicatorQuery(ask('aset', per, ['32.75'], 2023, 2023));
			expect(compiled.sql).not.toContain('32.75');
			expect(compiled.sql).not.toContain('2023');
		}

		const rows = await runIndicatorQuery(db, query);
		expect(new Set(rows.map((r) => r.region_code))).toEqual(new Set(['19.05']));
		const count = await db.withConnection(async (c) =>
			Number((await c.runAndReadAll('SELECT count(*) FROM koperasi')).getRows()[0]?.[0])
		);
		expect(count).toBeGreaterThan(0);
	});
});
