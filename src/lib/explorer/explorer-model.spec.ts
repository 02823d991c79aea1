import { describe, expect, it } from 'vitest';
import { indexRows, valueAt, viewYear, yearRange, yearsOf } from './explorer-model';
import { row } from './spec-rows';

const rows = [
	row('32.16', 'Kabupaten Bekasi', 2022, 1),
	row('32.16', 'Kabupaten Bekasi', 2023, 2),
	row('32.16', 'Kabupaten Bekasi', 2024, null),
	row('32.01', 'Kabupaten Bogor', 2024, 3),
	row('32.01', 'Kabupaten Bogor', 2025, null),
	row('32.16', 'Kabupaten Bekasi', 2025, null)
];

describe('explorer model', () => {
	it('lists years and cuts the chosen range', () => {
		const years = yearsOf(rows);
		expect(years).toEqual([2022, 2023, 2024, 2025]);
		expect(yearRange({ from: null, to: null }, years)).toEqual(years);
		expect(yearRange({ from: 2023, to: 2024 }, years)).toEqual([2023, 2024]);
		expect(yearRange({ from: 2024, to: null }, years)).toEqual([2024, 2025]);
	});

	it('shows the chosen year, else the newest year with a figure for the focus', () => {
		const range = yearsOf(rows);
		expect(viewYear(2022, range, rows, '32.16')).toBe(2022);
		expect(viewYear(null, range, rows, '32.16')).toBe(2023);
		expect(viewYear(2019, range, rows, '32.16')).toBe(2023);
		expect(viewYear(null, range, rows, '19')).toBe(2024);
		expect(viewYear(null, [2025], rows, '32.16')).toBe(2025);
		expect(viewYear(null, [], rows, '32.16')).toBeNull();
	});

	it('looks values up by region and year', () => {
		const index = indexRows(rows);
		expect(valueAt(index, '32.01', 2024)).toBe(3);
		expect(valueAt(index, '32.01', 2023)).toBeNull();
		expect(valueAt(index, '32.01', null)).toBeNull();
	});
});
