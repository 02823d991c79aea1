import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '$lib/catalogue/indicators';
import type { Database } from '../duckdb/database';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { parseCompositionQuery, runCompositionQuery, type CompositionQuery } from './composition';
import { runIndicatorQuery } from './run-indicator-query';

const YEARS = { from: 2018, to: 2025 };
let opened: SpecDatabase | undefined;
let db: Database;

/** koperasi rows: region, year, type, active cooperatives, status, source, replaced? */
const ROWS: [string, number, string, number | null, string, string, number | null][] = [
	['32.16', 2024, 'konsumen', 10, 'resmi', 'Dinas A', null],
	['32.16', 2024, 'konsumen', 3, 'sintetis', 'Contoh B', null],
	['32.16', 2024, 'simpan pinjam', 5, 'estimasi', 'Perkiraan C', null],
	['32.16', 2024, 'produsen', null, 'resmi', 'Dinas A', null],
	['32.16', 2024, 'jasa', 99, 'resmi', 'Versi lama', 2],
	['32.16', 2017, 'konsumen', 7, 'resmi', 'Dinas A', null],
	['19', 2024, 'semua', 814, 'resmi', 'Dinas Babel', null],
	['19', 2023, 'produsen', 4, 'resmi', 'Dinas Babel', null]
];

beforeAll(async () => {
	opened = await openSpecDatabase('composition', { maxConcurrent: 2 });
	db = opened.db;
	await db.withConnection(async (c) => {
		await c.run(`INSERT INTO wilayah VALUES
			('32.16', '3216', 'Kabupaten Bekasi', 'Bekasi', 'kabkota', 'Kabupaten', '32', 'Jawa Barat', 3000000, NULL),
			('19', '19', 'Kepulauan Bangka Belitung', 'Babel', 'provinsi', 'Provinsi', '19', 'Kepulauan Bangka Belitung', 1500000, NULL)`);
		for (const [code, year, type, active, status, source, replacedBy] of ROWS) {
			await c.run(
				`INSERT INTO koperasi (versi, diganti_oleh, kode_wilayah, tahun, jenis_koperasi, koperasi_aktif, status_data, sumber)
				 VALUES (1, $1, $2, $3, $4, $5, $6, $7)`,
				[replacedBy, code, year, type, active, status, source]
			);
		}
	});
});

afterAll(() => opened?.dispose());

const query = (over: Partial<CompositionQuery> = {}): CompositionQuery => ({
	dataset: 'koperasi',
	dimension: 'jenis_koperasi',
	fact: 'koperasi_aktif',
	regions: ['32.16', '19'],
	from: 2018,
	to: 2025,
	...over
});

describe('runCompositionQuery on DuckDB', () => {
	it('sums each type per region and year, the worst status and every source kept', async () => {
		const rows = await runCompositionQuery(db, query());
		expect(rows).toEqual([
			{
				region_code: '32.16',
				year: 2024,
				category: 'konsumen',
				value: 13,
				status: 'sintetis',
				sources: 'Contoh B | Dinas A'
			},
			{
				region_code: '32.16',
				year: 2024,
				category: 'simpan pinjam',
				value: 5,
				status: 'estimasi',
				sources: 'Perkiraan C'
			},
			{
				region_code: '19',
				year: 2023,
				category: 'produsen',
				value: 4,
				status: 'resmi',
				sources: 'Dinas Babel'
			}
		]);
	});

	it('leaves out whole-region rows, replaced rows, empty facts and other years', async () => {
		const rows = await runCompositionQuery(db, query({ from: 2024, to: 2024 }));
		const categories = rows.map((r) => r.category);
		expect(categories).not.toContain('semua');
		expect(categories).not.toContain('jasa');
		expect(categories).not.toContain('produsen');
		expect(rows.every((r) => r.year === 2024)).toBe(true);
	});

	it('adds up to the indicator the catalogue computes: no second way of counting', async () => {
		const composition = await runCompositionQuery(db, query({ regions: ['32.16'] }));
		const indicator = await runIndicatorQuery(db, {
			indicator: findIndicator('koperasi_aktif')!,
			regions: ['32.16'],
			from: 2024,
			to: 2024,
			per: 'total'
		});
		const sum = composition.filter((r) => r.year === 2024).reduce((t, r) => t + (r.value ?? 0), 0);
		expect(indicator[0]?.value).toBe(sum);
	});
});

describe('parseCompositionQuery', () => {
	const parse = (text: string) => parseCompositionQuery(new URLSearchParams(text), YEARS);

	it('reads a valid question with the data years as default range', () => {
		expect(parse('dataset=jangkauan_pasar&fact=jumlah_umkm&regions=32.16,19')).toEqual({
			ok: true,
			query: {
				dataset: 'jangkauan_pasar',
				dimension: 'kategori_usaha',
				fact: 'jumlah_umkm',
				regions: ['32.16', '19'],
				from: 2018,
				to: 2025
			}
		});
	});

	it('refuses datasets without a breakdown, foreign facts and bad input', () => {
		const error = (text: string) => {
			const parsed = parse(text);
			return parsed.ok ? null : parsed.error;
		};
		expect(error('dataset=pembiayaan&fact=aset&regions=19')).toMatch(/dataset/);
		expect(error('dataset=koperasi&fact=aset&regions=19')).toMatch(/Unknown fact "aset"/);
		expect(error('dataset=koperasi&fact=koperasi_aktif')).toMatch(/regions/);
		expect(error("dataset=koperasi&fact=koperasi_aktif&regions=19'--")).toMatch(/Unknown region/);
		expect(error('dataset=koperasi&fact=koperasi_aktif&regions=19&from=2025&to=2020')).toMatch(
			/after/
		);
		expect(error('dataset=koperasi&fact=koperasi_aktif&regions=19&sql=1')).toMatch(/sql/);
	});
});
