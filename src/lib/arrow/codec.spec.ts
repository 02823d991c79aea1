import { DataType, Precision, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { QueryRow } from '$lib/query/indicator-query';
import { QUERY_COLUMNS } from '$lib/query/indicator-query';
import { decodeQueryRows, encodeQueryRows, QUERY_SCHEMA } from './codec';

const ROWS: QueryRow[] = [
	{
		region_code: '32.16',
		region_name: 'Kabupaten Bekasi',
		region_level: 'kabkota',
		year: 2023,
		value: 691,
		status: 'resmi',
		sources: 'Dinas Koperasi | BPS',
		population_year: 2023
	},
	{
		region_code: '32.75',
		region_name: 'Kota Bekasi',
		region_level: 'kabkota',
		year: 2024,
		value: null,
		status: null,
		sources: null,
		population_year: null
	},
	{
		region_code: '19',
		region_name: 'Kepulauan Bangka Belitung',
		region_level: 'provinsi',
		year: 2025,
		value: -0.125,
		status: 'sintetis',
		sources: 'Ilustrasi',
		population_year: 2024
	}
];

function onlyNulls(row: QueryRow): QueryRow {
	return { ...row, value: null, status: null, sources: null, population_year: null };
}

describe('the Arrow codec', () => {
	it('round-trips rows, nulls included', () => {
		expect(decodeQueryRows(encodeQueryRows(ROWS))).toEqual(ROWS);
	});

	it('round-trips an empty result', () => {
		const bytes = encodeQueryRows([]);
		expect(decodeQueryRows(bytes)).toEqual([]);
		expect(tableFromIPC(bytes).schema.fields.map((f) => f.name)).toEqual([...QUERY_COLUMNS]);
	});

	it('decodes from an ArrayBuffer as fetch gives it', () => {
		const bytes = encodeQueryRows(ROWS);
		const buffer = new ArrayBuffer(bytes.byteLength);
		new Uint8Array(buffer).set(bytes);
		expect(decodeQueryRows(buffer)).toEqual(ROWS);
	});

	it('keeps full double precision and very large values', () => {
		const precise = [
			{ ...ROWS[0]!, value: 0.1 + 0.2 },
			{ ...ROWS[0]!, value: 1.8235e14 }
		];
		expect(decodeQueryRows(encodeQueryRows(precise)).map((r) => r.value)).toEqual([
			0.1 + 0.2,
			1.8235e14
		]);
	});

	it('declares the same column order as the JSON and CSV formats', () => {
		expect(QUERY_SCHEMA.fields.map((f) => f.name)).toEqual([...QUERY_COLUMNS]);
	});

	for (const [label, rows] of [
		['with values', ROWS],
		['when every value is null', ROWS.map(onlyNulls)],
		['when there are no rows', []]
	] as const) {
		it(`sends year as Int32, value as Float64, codes as Utf8 and repeated text dictionary-encoded ${label}`, () => {
			const schema = tableFromIPC(encodeQueryRows(rows)).schema;
			const type = (name: string) => schema.fields.find((f) => f.name === name)?.type;
			const year = type('year');
			expect(DataType.isInt(year) && year.bitWidth === 32 && year.isSigned).toBe(true);
			const value = type('value');
			expect(DataType.isFloat(value) && value.precision === Precision.DOUBLE).toBe(true);
			const populationYear = type('population_year');
			expect(DataType.isInt(populationYear) && populationYear.bitWidth === 32).toBe(true);
			expect(DataType.isUtf8(type('region_code'))).toBe(true);
			for (const name of ['region_name', 'region_level', 'status', 'sources']) {
				const t = type(name);
				expect(DataType.isDictionary(t) && DataType.isUtf8(t.dictionary), name).toBe(true);
			}
		});
	}

	it('sends each distinct source note once, however many rows repeat it', () => {
		const long = 'x'.repeat(5000);
		const many = Array.from({ length: 200 }, (_, i) => ({
			...ROWS[0]!,
			year: 2000 + i,
			sources: long
		}));
		expect(encodeQueryRows(many).byteLength).toBeLessThan(5000 + 200 * 64);
	});

	it('marks value, status, sources and population_year as nullable, and nothing else', () => {
		const nullable = QUERY_SCHEMA.fields.filter((f) => f.nullable).map((f) => f.name);
		expect(nullable).toEqual(['value', 'status', 'sources', 'population_year']);
	});

	it('decodes every batch of a stream, with nulls past the first byte of the bitmap', () => {
		const many = Array.from({ length: 21 }, (_, i) => (i % 3 ? ROWS[i % 3]! : onlyNulls(ROWS[0]!)));
		const first = tableFromIPC(encodeQueryRows(many.slice(0, 13)));
		const second = tableFromIPC(encodeQueryRows(many.slice(13)));
		const bytes = tableToIPC(first.concat(second), 'stream');
		expect(tableFromIPC(bytes).batches).toHaveLength(2);
		expect(decodeQueryRows(bytes)).toEqual(many);
	});

	it('decodes text beyond ASCII in every text column', () => {
		const odd = [
			{ ...ROWS[0]!, region_code: 'Kode—“ñ” 🌾', region_name: 'Kab. Ñandú', sources: '“BPS” 🌾' }
		];
		expect(decodeQueryRows(encodeQueryRows([...odd, ...ROWS]))).toEqual([...odd, ...ROWS]);
	});
});
