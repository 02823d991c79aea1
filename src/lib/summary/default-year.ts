/**
 * The summary's year when the reader has not chosen one. The newest year of any dataset is the
 * wrong default: one small upload of a new year (or a programme snapshot such as SIMKOPDES 2026)
 * would leave most cards empty. The default is the latest year in which the most headline cards
 * have a value for the focus and the benchmark alike.
 */
import type { QueryRow } from '$lib/query/indicator-query';

export interface DefaultYear {
	year: number;
	/** Headline cards with a value for every region of the pair in that year. */
	covered: number;
	/** Headline cards asked. */
	total: number;
}

/** `cards`: the rows of each headline card; `pair`: focus and benchmark codes. */
export function defaultSummaryYear(
	cards: readonly (readonly QueryRow[])[],
	pair: readonly string[]
): DefaultYear | null {
	const coveredIn = new Map<number, number>();
	const anyYears = new Set<number>();
	for (const rows of cards) {
		const codesByYear = new Map<number, Set<string>>();
		for (const row of rows) {
			if (row.value === null || !pair.includes(row.region_code)) continue;
			anyYears.add(row.year);
			const codes = codesByYear.get(row.year) ?? new Set<string>();
			codes.add(row.region_code);
			codesByYear.set(row.year, codes);
		}
		for (const [year, codes] of codesByYear)
			if (pair.every((code) => codes.has(code)))
				coveredIn.set(year, (coveredIn.get(year) ?? 0) + 1);
	}
	let best: DefaultYear | null = null;
	for (const [year, covered] of coveredIn)
		if (!best || covered > best.covered || (covered === best.covered && year > best.year))
			best = { year, covered, total: cards.length };
	if (best) return best;
	// Focus and benchmark never share a year: the latest year either of them has.
	if (anyYears.size === 0) return null;
	return { year: Math.max(...anyYears), covered: 0, total: cards.length };
}
