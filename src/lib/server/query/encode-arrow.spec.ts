import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeQueryRows, encodeQueryRows } from '$lib/arrow/codec';
import { QUERY_COLUMNS, type QueryRow } from '$lib/query/indicator-query';
import { encodeQueryColumns, type QueryColumns } from './encode-arrow';

function columnsOf(rows: readonly QueryRow[]): QueryColumns {
	const columns = Object.fromEntries(QUERY_COLUMNS.map((c) => [c, rows.map((r) => r[c])]));
	return columns as QueryColumns;
}

const ROWS: QueryRow[] = [
	{
		region_code: '32.16',
		region_name: 'Kabupaten Bekasi',
		region_level: 'kabkota',
		year: 2024,
		value: 12.5,
		status: 'resmi',
		sources: 'BPS | Dinas Koperasi',
		population_year: 2024
	},
	{
		region_code: '32.16',
		region_name: 'Kabupaten Bekasi',
		region_level: 'kabkota',
		year: 2025,
		value: null,
		status: null,
		sources: null,
		population_year: null
	},
	{
		region_code: '19',
		region_name: 'Kepulauan Bangka Belitung — “Babel”',
		region_level: 'provinsi',
		year: 2025,
		value: -0.25,
		status: 'sintetis',
		sources: 'Sintetis (seed 2026): angka ilustrasi',
		population_year: 2023
	}
];

describe('encodeQueryColumns', () => {
	it('writes what the codec writes: the same schema and the same rows back', () => {
		const fast = encodeQueryColumns(columnsOf(ROWS), ROWS.length);
		expect(decodeQueryRows(fast)).toEqual(ROWS);
		const schema = (bytes: Uint8Array) =>
			tableFromIPC(bytes).schema.fields.map((f) => `${f.name} ${String(f.type)} ${f.nullable}`);
		expect(schema(fast)).toEqual(schema(encodeQueryRows(ROWS)));
		expect(schema(fast)).toContain('status Dictionary<Int32, Utf8> true');
	});

	it('handles an empty answer and an answer without any null', () => {
		expect(decodeQueryRows(encodeQueryColumns(columnsOf([]), 0))).toEqual([]);
		const full = [ROWS[0]!, ROWS[2]!];
		expect(decodeQueryRows(encodeQueryColumns(columnsOf(full), full.length))).toEqual(full);
	});
});
