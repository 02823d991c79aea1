import { describe, expect, it } from 'vitest';
import { REGIONS } from './spec-regions';
import { row } from './spec-rows';
import { filterTable, sortTable, tableRows } from './table';

const regions = REGIONS.filter((r) => ['32.01', '32.16', '32.73', '19'].includes(r.code));
const rows = [
	row('32.01', 'Kabupaten Bogor', 2024, 50),
	row('32.16', 'Kabupaten Bekasi', 2024, 70),
	row('32.73', 'Kota Bandung', 2024, null),
	row('19', 'Kepulauan Bangka Belitung', 2024, 70),
	row('32.01', 'Kabupaten Bogor', 2025, 10),
	row('32.16', 'Kabupaten Bekasi', 2025, 5)
];
const table = tableRows(regions, rows, [2024, 2025]);
const codes = (list: { code: string }[]) => list.map((r) => r.code);

describe('tableRows', () => {
	it('gives each region one cell per year, empty where the API had no figure', () => {
		expect(codes(table)).toEqual(['19', '32.01', '32.16', '32.73']);
		expect(table[1]!.cells).toEqual([
			{ year: 2024, value: 50, status: 'estimasi' },
			{ year: 2025, value: 10, status: 'estimasi' }
		]);
		expect(table[3]!.cells.map((c) => c.value)).toEqual([null, null]);
		expect(table[0]!.cells[1]).toEqual({ year: 2025, value: null, status: null });
	});
});

describe('sortTable', () => {
	it('sorts by a year, regions without a figure last in both directions, ties by code', () => {
		expect(codes(sortTable(table, { column: 2024, descending: true }))).toEqual([
			'19',
			'32.16',
			'32.01',
			'32.73'
		]);
		expect(codes(sortTable(table, { column: 2024, descending: false }))).toEqual([
			'32.01',
			'19',
			'32.16',
			'32.73'
		]);
	});

	it('sorts by name and by code', () => {
		expect(codes(sortTable(table, { column: 'nama', descending: false }))).toEqual([
			'32.16',
			'32.01',
			'19',
			'32.73'
		]);
		expect(codes(sortTable(table, { column: 'kode', descending: true }))).toEqual([
			'32.73',
			'32.16',
			'32.01',
			'19'
		]);
	});
});

describe('filterTable', () => {
	it('matches every word in name, province or code, ignoring case', () => {
		expect(codes(filterTable(table, 'KABUPATEN be'))).toEqual(['32.16']);
		expect(codes(filterTable(table, 'jawa barat'))).toEqual(['32.01', '32.16', '32.73']);
		expect(codes(filterTable(table, '32.7'))).toEqual(['32.73']);
		expect(filterTable(table, '  ')).toHaveLength(4);
	});
});
