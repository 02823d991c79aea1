/**
 * The arithmetic of the leadership summary: ranks, medians, quartiles and year-on-year change.
 * Pure and IO-free; every function ignores missing figures (null, NaN, ±Infinity) rather than
 * treating them as zero.
 */

export const isFigure = (value: number | null | undefined): value is number =>
	typeof value === 'number' && Number.isFinite(value);

/** The figures among the values, in ascending order. */
function sortedFigures(values: readonly (number | null | undefined)[]): number[] {
	return values.filter(isFigure).sort((a, b) => a - b);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (Hyndman & Fan
 * type 7: Excel's PERCENTILE.INC, R's and NumPy's default). Null without figures.
 */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
	if (!(q >= 0 && q <= 1)) throw new RangeError(`Quantile ${q} is outside 0–1`);
	const sorted = sortedFigures(values);
	if (sorted.length === 0) return null;
	const position = (sorted.length - 1) * q;
	const below = Math.floor(position);
	const above = Math.ceil(position);
	const low = sorted[below]!;
	const high = sorted[above]!;
	return low + (high - low) * (position - below);
}

export function median(values: readonly (number | null | undefined)[]): number | null {
	return quantile(values, 0.5);
}

/**
 * The level a region must reach to be in the best quarter of the group: the upper quartile when
 * higher is better, the lower quartile otherwise.
 */
export function topQuartileThreshold(
	values: readonly (number | null | undefined)[],
	higherIsBetter: boolean
): number | null {
	return quantile(values, higherIsBetter ? 0.75 : 0.25);
}

export interface Rank {
	/** 1 is best. Ties share the better rank ("1, 2, 2, 4"). */
	rank: number;
	/** How many regions have a figure, the ranked one included. */
	of: number;
}

export interface RankCandidate {
	code: string;
	value: number | null;
}

/**
 * A region's standard competition rank among the candidates that have a figure; null when the
 * region is not among them or has no figure itself.
 */
export function rankOf(
	candidates: readonly RankCandidate[],
	code: string,
	higherIsBetter: boolean
): Rank | null {
	const own = candidates.find((c) => c.code === code)?.value;
	if (!isFigure(own)) return null;
	const figures = candidates.map((c) => c.value).filter(isFigure);
	const better = figures.filter((v) => (higherIsBetter ? v > own : v < own)).length;
	return { rank: better + 1, of: figures.length };
}

/** (current − previous) / |previous|, in percent; null when either is missing or previous is 0. */
export function relativeChange(
	current: number | null | undefined,
	previous: number | null | undefined
): number | null {
	if (!isFigure(current) || !isFigure(previous) || previous === 0) return null;
	return ((current - previous) / Math.abs(previous)) * 100;
}

/** A change turned so that positive always means "better" for the indicator. */
export function improvement(change: number | null, higherIsBetter: boolean): number | null {
	if (change === null) return null;
	return higherIsBetter ? change : -change;
}
