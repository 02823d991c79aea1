/**
 * How real a claim is. A figure built from other figures (a gap, a change, a rank, a median, a
 * target, a finding, a map class) is only as real as the weakest of them, and a rank or a median
 * says how many of the group it rests on and of what standing. One module, so the summary, the
 * explorer and the exports say the same thing.
 */
import { DATA_STATUSES, STATUS_RANK, type DataStatus } from '$lib/catalogue/datasets';

/** A figure as the pages hold it: a value (null: none) and its status. */
export interface StatusedFigure {
	value: number | null | undefined;
	status: DataStatus | null | undefined;
}

const hasFigure = (f: StatusedFigure | null | undefined): f is StatusedFigure =>
	!!f && typeof f.value === 'number' && Number.isFinite(f.value);

/**
 * The weakest of the statuses; null when there is none (no claim to qualify). A figure whose
 * status is unknown is taken as sintetis: nothing passes as more real than it is known to be.
 */
export function weakest(statuses: Iterable<DataStatus | null | undefined>): DataStatus | null {
	let worst: DataStatus | null = null;
	for (const status of statuses) {
		const s = status ?? 'sintetis';
		if (worst === null || STATUS_RANK[s] > STATUS_RANK[worst]) worst = s;
	}
	return worst;
}

/** The status of a claim made from these figures: the weakest of those that have a value. */
export function claimStatus(
	figures: Iterable<StatusedFigure | null | undefined>
): DataStatus | null {
	const statuses: (DataStatus | null | undefined)[] = [];
	for (const f of figures) if (hasFigure(f)) statuses.push(f.status);
	return weakest(statuses);
}

/** The weakest of claims that are each already qualified (null claims are left out). */
export function weakestClaim(claims: Iterable<DataStatus | null>): DataStatus | null {
	const known = [...claims].filter((c): c is DataStatus => c !== null);
	return known.length === 0 ? null : weakest(known);
}

/** At least estimasi: a claim that may lead a briefing. */
export const atLeastEstimated = (status: DataStatus | null): status is DataStatus =>
	status !== null && STATUS_RANK[status] <= STATUS_RANK.estimasi;

/** What a group figure (rank, median, quartile) rests on. */
export interface Coverage {
	/** Members with a figure of each status, counted before any is hidden. */
	counts: Record<DataStatus, number>;
	/** Members of the group, with or without a figure. */
	of: number;
	/** Whether the sintetis figures were left out of the claim. */
	syntheticHidden: boolean;
	/** Members the claim was made from. */
	used: number;
}

/** How many of the group's figures are of each status (`figures`: one per member, or undefined). */
export function coverageOf(
	figures: readonly (StatusedFigure | null | undefined)[],
	of: number,
	showSynthetic: boolean
): Coverage {
	const counts: Record<DataStatus, number> = { resmi: 0, estimasi: 0, sintetis: 0 };
	for (const f of figures) if (hasFigure(f)) counts[f.status ?? 'sintetis']++;
	const used = counts.resmi + counts.estimasi + (showSynthetic ? counts.sintetis : 0);
	return { counts, of, syntheticHidden: !showSynthetic, used };
}

/** The status of a claim made from the figures a coverage counted as used. */
export function coverageStatus(coverage: Coverage): DataStatus | null {
	return weakest(
		DATA_STATUSES.filter(
			(s) => coverage.counts[s] > 0 && !(s === 'sintetis' && coverage.syntheticHidden)
		)
	);
}

/**
 * The rows a page may show: every row when sintetis figures are shown, otherwise those that are
 * not sintetis. What is left is all that ranks, medians and findings are made of.
 */
export function visibleRows<T extends { status: DataStatus | null }>(
	rows: readonly T[],
	showSynthetic: boolean
): T[] {
	return showSynthetic ? [...rows] : rows.filter((r) => r.status !== 'sintetis');
}

/** The share (0–100) of sintetis among the figures, null without figures. */
export function syntheticShare(
	figures: readonly (StatusedFigure | null | undefined)[]
): number | null {
	const withValue = figures.filter(hasFigure);
	if (withValue.length === 0) return null;
	const synthetic = withValue.filter((f) => (f.status ?? 'sintetis') === 'sintetis').length;
	return (synthetic / withValue.length) * 100;
}
