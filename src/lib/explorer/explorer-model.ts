/** Years and lookups the explorer's views share, derived from the API rows and the URL state. */
import type { QueryRow } from '$lib/query/indicator-query';
import type { ExplorerState } from './url-state';

/** Every year the rows cover, oldest first. */
export function yearsOf(rows: readonly QueryRow[]): number[] {
	return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** The chosen range within the years there are; the whole span when none is chosen. */
export function yearRange(
	state: Pick<ExplorerState, 'from' | 'to'>,
	years: readonly number[]
): number[] {
	const from = state.from ?? years[0] ?? 0;
	const to = state.to ?? years.at(-1) ?? 0;
	return years.filter((y) => y >= from && y <= to);
}

/**
 * The year of the one-year views: the chosen one when it is in the range, else the newest year in
 * the range in which the focus region has a figure, else the newest in which any region has one.
 */
export function viewYear(
	chosen: number | null,
	range: readonly number[],
	rows: readonly QueryRow[],
	focus: string
): number | null {
	if (chosen !== null && range.includes(chosen)) return chosen;
	const withData = (code?: string) =>
		rows
			.filter(
				(r) => r.value !== null && range.includes(r.year) && (!code || r.region_code === code)
			)
			.map((r) => r.year);
	const years = withData(focus).length ? withData(focus) : withData();
	return years.length ? Math.max(...years) : (range.at(-1) ?? null);
}

export type RowIndex = Map<string, QueryRow>;

export function indexRows(rows: readonly QueryRow[]): RowIndex {
	return new Map(rows.map((r) => [`${r.region_code}|${r.year}`, r]));
}

export function valueAt(index: RowIndex, code: string, year: number | null): number | null {
	return year === null ? null : (index.get(`${code}|${year}`)?.value ?? null);
}
