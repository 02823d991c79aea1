/** Pure helpers the dashboard's components share: picking rows, gaps, statuses and sources. */
import type { QueryRow } from '$lib/query/indicator-query';

/** (focus − benchmark) / |benchmark|, in percent; null when either is missing or the base is 0. */
export function gapPercent(focus: number | null, benchmark: number | null): number | null {
	if (focus === null || benchmark === null || benchmark === 0) return null;
	return ((focus - benchmark) / Math.abs(benchmark)) * 100;
}

export type GapVerdict = 'better' | 'worse' | 'equal' | 'unknown';

/** Whether the focus region is ahead, given the indicator's direction; within ±0,05% is equal. */
export function gapVerdict(gap: number | null, higherIsBetter: boolean): GapVerdict {
	if (gap === null) return 'unknown';
	if (Math.abs(gap) < 0.05) return 'equal';
	return gap > 0 === higherIsBetter ? 'better' : 'worse';
}

export function rowFor(
	rows: readonly QueryRow[],
	code: string,
	year: number | null
): QueryRow | undefined {
	return rows.find((r) => r.region_code === code && r.year === year);
}

/** A figure of estimated or synthetic standing is among the drawn (non-null) rows. */
export function hasUnofficial(rows: readonly QueryRow[]): boolean {
	return rows.some((r) => r.value !== null && r.status !== null && r.status !== 'resmi');
}

const isNote = (source: string) => /^(estimasi|sintetis)\b/i.test(source);

/**
 * The distinct sources behind the rows that have a figure, the data's own first: each row names
 * its facts' sources before the population's (source-sets.ts), so a source is placed by the
 * earliest place it takes in any row; then sources before estimation notes, then by name.
 */
export function sourcesOf(rows: readonly QueryRow[]): string[] {
	const place = new Map<string, number>();
	for (const row of rows) {
		if (row.value === null || !row.sources) continue;
		const list = row.sources
			.split(' | ')
			.map((s) => s.trim())
			.filter(Boolean);
		list.forEach((source, i) => place.set(source, Math.min(i, place.get(source) ?? i)));
	}
	return [...place.keys()].sort(
		(a, b) =>
			place.get(a)! - place.get(b)! ||
			Number(isNote(a)) - Number(isNote(b)) ||
			a.localeCompare(b, 'id')
	);
}

/** Every year the rows cover, newest first. */
export function yearsOf(rows: readonly QueryRow[]): number[] {
	return [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
}

/**
 * The newest year in which the first region of `codes` that has any figure has one; null when
 * none of them has data.
 */
export function latestYearWithData(
	rows: readonly QueryRow[],
	codes: readonly string[]
): number | null {
	for (const code of codes) {
		const years = rows.filter((r) => r.region_code === code && r.value !== null).map((r) => r.year);
		if (years.length > 0) return Math.max(...years);
	}
	return null;
}

/** Where the nearest population year stood in: population year → the data years it served. */
export function populationYearsUsed(rows: readonly QueryRow[]): Map<number, number[]> {
	const used = new Map<number, Set<number>>();
	for (const row of rows) {
		if (row.value === null || row.population_year === null) continue;
		if (row.population_year === row.year) continue;
		const years = used.get(row.population_year) ?? new Set<number>();
		years.add(row.year);
		used.set(row.population_year, years);
	}
	return new Map([...used].map(([p, years]) => [p, [...years].sort((a, b) => a - b)]));
}

/** `[2018, 2019, 2020, 2023]` → `2018–2020, 2023`. */
export function formatYears(years: readonly number[]): string {
	const runs: [number, number][] = [];
	for (const year of [...years].sort((a, b) => a - b)) {
		const last = runs.at(-1);
		if (last && year === last[1] + 1) last[1] = year;
		else runs.push([year, year]);
	}
	return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}
