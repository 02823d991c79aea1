/**
 * One indicator, summed up for the focus region in one year: its value against the benchmark,
 * the change since the year before, its rank and the peer group's median and top quartile.
 * Everything is read from `/api/query` rows; nothing here computes an indicator.
 */
import type { Indicator, Normalisation } from '$lib/catalogue/indicators';
import { gapPercent, gapVerdict, type GapVerdict } from '$lib/components/compare';
import type { DataStatus } from '$lib/catalogue/datasets';
import type { QueryRow } from '$lib/query/indicator-query';
import {
	claimStatus,
	coverageOf,
	coverageStatus,
	visibleRows,
	type Coverage
} from '$lib/status/claim-status';
import {
	improvement,
	isFigure,
	median,
	rankOf,
	relativeChange,
	topQuartileThreshold,
	type Rank
} from './stats';

export interface SummaryInput {
	indicator: Indicator;
	per: Normalisation;
	/** Rows of the focus, benchmark and peer regions, any years. */
	rows: readonly QueryRow[];
	focus: string;
	benchmark: string;
	/** The peer group's region codes, the focus region included. */
	peers: readonly string[];
	year: number;
	/** The years the peers' rows cover, when not all (large groups fetch only two years). */
	peerYears?: readonly number[];
	/** Whether sintetis figures take part; hidden, they leave every figure below. Default shown. */
	showSynthetic?: boolean;
}

/** A rank change among the same regions: those with a figure in both years. */
export interface RankMove {
	previous: Rank;
	current: Rank;
	status: DataStatus | null;
}

/** The standing of each claim the summary makes: the weakest figure each is made from. */
export interface SummaryStatuses {
	focus: DataStatus | null;
	benchmark: DataStatus | null;
	gap: DataStatus | null;
	change: DataStatus | null;
	/** The rank, the median and the quartile rest on the same figures of the group. */
	group: DataStatus | null;
	rankMove: DataStatus | null;
}

export interface IndicatorSummary {
	indicator: Indicator;
	per: Normalisation;
	year: number;
	focusRow: QueryRow | undefined;
	benchmarkRow: QueryRow | undefined;
	focusValue: number | null;
	benchmarkValue: number | null;
	/** The focus region's value in `year − 1`. */
	previousValue: number | null;
	/** Relative change since `year − 1`, in percent. */
	change: number | null;
	/** The same change in percentage points, for indicators that are percentages. */
	pointsChange: number | null;
	/** `change` signed so that positive means better. */
	improvement: number | null;
	/** (focus − benchmark) / |benchmark|, in percent. */
	gap: number | null;
	verdict: GapVerdict;
	rank: Rank | null;
	previousRank: Rank | null;
	/** The rank change among the regions ranked in both years; null when it cannot be said. */
	rankMove: RankMove | null;
	statuses: SummaryStatuses;
	/** What the group figures of the year (rank, median, quartile) rest on. */
	coverage: Coverage;
	showSynthetic: boolean;
	/** Members of the peer group, with or without a figure. */
	peerCount: number;
	median: number | null;
	topQuartile: number | null;
	/** Every year of the rows, ascending, and each line's value per year. */
	years: number[];
	focusSeries: (number | null)[];
	benchmarkSeries: (number | null)[];
	medianSeries: (number | null)[];
}

/** Rows indexed by region and year. */
export function rowIndex(
	rows: readonly QueryRow[]
): (code: string, year: number) => QueryRow | undefined {
	const index = new Map(rows.map((r) => [`${r.region_code}|${r.year}`, r]));
	return (code, year) => index.get(`${code}|${year}`);
}

export function summariseIndicator(input: SummaryInput): IndicatorSummary {
	const { indicator, focus, benchmark, peers, year } = input;
	const showSynthetic = input.showSynthetic ?? true;
	const allRow = rowIndex(input.rows);
	const rows = visibleRows(input.rows, showSynthetic);
	const row = rowIndex(rows);
	const value = (code: string, y: number) => {
		const v = row(code, y)?.value;
		return isFigure(v) ? v : null;
	};
	const candidates = (y: number) => peers.map((code) => ({ code, value: value(code, y) }));
	const peerValues = (y: number) => peers.map((code) => value(code, y));

	const focusValue = value(focus, year);
	const benchmarkValue = value(benchmark, year);
	const previousValue = value(focus, year - 1);
	const change = relativeChange(focusValue, previousValue);
	const gap = gapPercent(focusValue, benchmarkValue);
	const years = [...new Set(rows.filter((r) => isFigure(r.value)).map((r) => r.year))].sort(
		(a, b) => a - b
	);
	const rank = rankOf(candidates(year), focus, indicator.higherIsBetter);
	const coverage = coverageOf(
		peers.map((code) => allRow(code, year)),
		peers.length,
		showSynthetic
	);
	const focusRow = row(focus, year);
	const benchmarkRow = row(benchmark, year);
	const previousRow = row(focus, year - 1);
	const hasChange = focusValue !== null && previousValue !== null;
	const statuses: SummaryStatuses = {
		focus: claimStatus([focusRow]),
		benchmark: claimStatus([benchmarkRow]),
		gap: gap === null ? null : claimStatus([focusRow, benchmarkRow]),
		change: hasChange ? claimStatus([focusRow, previousRow]) : null,
		group: coverageStatus(coverage),
		rankMove: null
	};
	const rankMove = rankMoveOf(peers, focus, year, row, value, indicator.higherIsBetter);
	statuses.rankMove = rankMove?.status ?? null;

	return {
		indicator,
		per: input.per,
		year,
		focusRow,
		benchmarkRow,
		focusValue,
		benchmarkValue,
		previousValue,
		change,
		pointsChange:
			indicator.unit === 'persen' && focusValue !== null && previousValue !== null
				? focusValue - previousValue
				: null,
		improvement: improvement(change, indicator.higherIsBetter),
		gap,
		verdict: gapVerdict(gap, indicator.higherIsBetter),
		rank,
		previousRank: rankOf(candidates(year - 1), focus, indicator.higherIsBetter),
		rankMove,
		statuses,
		coverage,
		showSynthetic,
		peerCount: peers.length,
		median: median(peerValues(year)),
		topQuartile: topQuartileThreshold(peerValues(year), indicator.higherIsBetter),
		years,
		focusSeries: years.map((y) => value(focus, y)),
		benchmarkSeries: years.map((y) => value(benchmark, y)),
		medianSeries: years.map((y) =>
			input.peerYears && !input.peerYears.includes(y) ? null : median(peerValues(y))
		)
	};
}

/**
 * The focus region's rank in both years among the regions that have a figure in both, so a move
 * is never a region joining or leaving the ranking. Null when fewer than two such regions exist
 * or the focus region is not among them.
 */
function rankMoveOf(
	peers: readonly string[],
	focus: string,
	year: number,
	row: (code: string, year: number) => QueryRow | undefined,
	value: (code: string, year: number) => number | null,
	higherIsBetter: boolean
): RankMove | null {
	const both = peers.filter((code) => value(code, year) !== null && value(code, year - 1) !== null);
	if (both.length < 2 || !both.includes(focus)) return null;
	const at = (y: number) => both.map((code) => ({ code, value: value(code, y) }));
	const previous = rankOf(at(year - 1), focus, higherIsBetter);
	const current = rankOf(at(year), focus, higherIsBetter);
	if (!previous || !current) return null;
	const status = claimStatus(both.flatMap((code) => [row(code, year), row(code, year - 1)]));
	return { previous, current, status };
}
