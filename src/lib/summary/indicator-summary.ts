/**
 * One indicator, summed up for the focus region in one year: its value against the benchmark,
 * the change since the year before, its rank and the peer group's median and top quartile.
 * Everything is read from `/api/query` rows; nothing here computes an indicator.
 */
import type { Indicator, Normalisation } from '$lib/catalogue/indicators';
import { gapPercent, gapVerdict, type GapVerdict } from '$lib/components/compare';
import type { QueryRow } from '$lib/query/indicator-query';
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
	const { indicator, rows, focus, benchmark, peers, year } = input;
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
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

	return {
		indicator,
		per: input.per,
		year,
		focusRow: row(focus, year),
		benchmarkRow: row(benchmark, year),
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
		rank: rankOf(candidates(year), focus, indicator.higherIsBetter),
		previousRank: rankOf(candidates(year - 1), focus, indicator.higherIsBetter),
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
