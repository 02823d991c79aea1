/** The explorer's table: one row per region, one column per year; searchable and sortable. */
import type { QueryRow } from '$lib/query/indicator-query';
import type { Region, RegionLevel } from '$lib/regions/region';
import type { TableSort } from './url-state';

export interface TableCell {
	year: number;
	value: number | null;
	status: QueryRow['status'];
}

export interface TableRow {
	code: string;
	name: string;
	level: RegionLevel;
	provinceName: string;
	/** One cell per year of the table, in year order. */
	cells: TableCell[];
}

export function tableRows(
	regions: readonly Region[],
	rows: readonly QueryRow[],
	years: readonly number[]
): TableRow[] {
	const byKey = new Map(rows.map((r) => [`${r.region_code}|${r.year}`, r]));
	return regions.map((region) => ({
		code: region.code,
		name: region.name,
		level: region.level,
		provinceName: region.provinceName,
		cells: years.map((year) => {
			const row = byKey.get(`${region.code}|${year}`);
			return { year, value: row?.value ?? null, status: row?.value == null ? null : row.status };
		})
	}));
}

const fold = (text: string) =>
	text
		.toLocaleLowerCase('id-ID')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');

/** Rows whose name, province or code contains every typed word. */
export function filterTable(rows: readonly TableRow[], search: string): TableRow[] {
	const words = fold(search).split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...rows];
	return rows.filter((row) => {
		const text = fold(`${row.name} ${row.provinceName} ${row.code}`);
		return words.every((word) => text.includes(word));
	});
}

/** Sorted by the column; regions without a figure always last; ties by code. */
export function sortTable(rows: readonly TableRow[], sort: TableSort): TableRow[] {
	const direction = sort.descending ? -1 : 1;
	const byCode = (a: TableRow, b: TableRow) =>
		a.code.localeCompare(b.code, 'en', { numeric: true });
	const { column } = sort;
	if (column === 'kode') return [...rows].sort((a, b) => direction * byCode(a, b));
	if (column === 'nama') {
		return [...rows].sort((a, b) => direction * a.name.localeCompare(b.name, 'id') || byCode(a, b));
	}
	const valueOf = (row: TableRow) => row.cells.find((c) => c.year === column)?.value ?? null;
	return [...rows].sort((a, b) => {
		const va = valueOf(a);
		const vb = valueOf(b);
		if (va === null || vb === null)
			return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byCode(a, b);
		return direction * (va - vb) || byCode(a, b);
	});
}
