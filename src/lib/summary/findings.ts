/**
 * Written findings, chosen from the indicator summaries and put into sentences: the largest gaps
 * to the benchmark, the fastest improvements and declines, and the rank changes. Nothing is typed
 * in: every number in a sentence is a figure of a summary, formatted as the cards format it.
 */
import type { DataStatus } from '$lib/catalogue/datasets';
import { NORMALISATION_LABEL, type Indicator, type Normalisation } from '$lib/catalogue/indicators';
import { formatNumber, formatPercentChange, formatValue, type Locale } from '$lib/format/number';
import { ordinal, st } from '$lib/i18n/summary-messages';
import { atLeastEstimated, weakestClaim } from '$lib/status/claim-status';
import type { IndicatorSummary, RankMove } from './indicator-summary';
import type { Rank } from './stats';

export const MAX_GAPS = 5;
export const MIN_GAPS = 3;
export const MAX_MOVES = 2;
export const MAX_RANK_CHANGES = 2;
/** Changes smaller than this (in percent) count as no change, as the cards' "equal" does. */
export const NOISE = 0.05;

export interface GapFinding {
	kind: 'gap';
	summary: IndicatorSummary & { gap: number; focusValue: number; benchmarkValue: number };
}

export interface ChangeFinding {
	kind: 'improvement' | 'decline';
	summary: IndicatorSummary & { change: number; focusValue: number; previousValue: number };
}

export interface RankFinding {
	kind: 'rank';
	summary: IndicatorSummary & { rankMove: RankMove };
}

export interface SteadyRankFinding {
	kind: 'rank-steady';
	year: number;
	/** The weakest standing of the ranks that did not move. */
	status: DataStatus | null;
}

export type Finding = GapFinding | ChangeFinding | RankFinding | SteadyRankFinding;

export interface FindingSet {
	gaps: GapFinding[];
	improvements: ChangeFinding[];
	declines: ChangeFinding[];
	ranks: (RankFinding | SteadyRankFinding)[];
}

const byMagnitude =
	(value: (s: IndicatorSummary) => number) => (a: IndicatorSummary, b: IndicatorSummary) =>
		Math.abs(value(b)) - Math.abs(value(a));

/** The standing of a finding: the weakest figure it is written from. */
export function findingStatus(finding: Finding): DataStatus | null {
	if (finding.kind === 'rank-steady') return finding.status;
	const { statuses } = finding.summary;
	if (finding.kind === 'gap') return statuses.gap;
	if (finding.kind === 'rank') return statuses.rankMove;
	return statuses.change;
}

/**
 * A figure that reads as zero where the cards write it ("0", "0%", "Rp0"): a comparison with it
 * ("100% below, 0 against 0") says nothing true, so it is not written.
 */
function readsAsZero(value: number, indicator: Indicator): boolean {
	return formatValue(value, indicator.unit, 'en') === formatValue(0, indicator.unit, 'en');
}

/**
 * Picks the findings. Gaps: the largest ones where the focus region is behind, up to five; when
 * fewer than three, the largest leads fill up to three. Ties keep the catalogue order. A gap
 * leads a briefing, so it is chosen only among figures of at least estimasi standing; changes and
 * ranks may rest on sintetis figures only when those are shown (the summaries left them out
 * otherwise), and then say so. Comparisons with a side that reads as zero are left out.
 */
export function selectFindings(summaries: readonly IndicatorSummary[]): FindingSet {
	const withGap = summaries.filter(
		(s): s is GapFinding['summary'] =>
			s.gap !== null &&
			s.focusValue !== null &&
			s.benchmarkValue !== null &&
			Math.abs(s.gap) >= NOISE &&
			atLeastEstimated(s.statuses.gap) &&
			!readsAsZero(s.focusValue, s.indicator) &&
			!readsAsZero(s.benchmarkValue, s.indicator)
	);
	// Ordered by the relative gap, the one scale every unit shares; percentages are written in points.
	const byGap = byMagnitude((s) => s.gap ?? 0);
	const behind = withGap.filter((s) => s.verdict === 'worse').sort(byGap);
	const ahead = withGap.filter((s) => s.verdict === 'better').sort(byGap);
	const gaps = behind.slice(0, MAX_GAPS);
	if (gaps.length < MIN_GAPS) gaps.push(...ahead.slice(0, MIN_GAPS - gaps.length));

	const moved = summaries.filter(
		(s): s is ChangeFinding['summary'] =>
			s.change !== null &&
			s.improvement !== null &&
			s.focusValue !== null &&
			s.previousValue !== null &&
			s.statuses.change !== null &&
			Math.abs(s.change) >= NOISE &&
			!readsAsZero(s.focusValue, s.indicator) &&
			!readsAsZero(s.previousValue, s.indicator)
	);
	const better = (s: IndicatorSummary) => s.improvement ?? 0;
	const improvements = moved
		.filter((s) => better(s) > 0)
		.sort((a, b) => better(b) - better(a))
		.slice(0, MAX_MOVES);
	const declines = moved
		.filter((s) => better(s) < 0)
		.sort((a, b) => better(a) - better(b))
		.slice(0, MAX_MOVES);

	const ranked = summaries.filter(
		(s): s is RankFinding['summary'] => s.rankMove !== null && s.rankMove.status !== null
	);
	const shift = (s: RankFinding['summary']) => s.rankMove.previous.rank - s.rankMove.current.rank;
	const changed = ranked
		.filter((s) => shift(s) !== 0)
		.sort((a, b) => Math.abs(shift(b)) - Math.abs(shift(a)))
		.slice(0, MAX_RANK_CHANGES);
	const year = summaries[0]?.year ?? 0;
	const ranks: FindingSet['ranks'] =
		changed.length > 0
			? changed.map((summary) => ({ kind: 'rank', summary }))
			: ranked.length > 0
				? [
						{
							kind: 'rank-steady',
							year,
							status: weakestClaim(ranked.map((s) => s.rankMove.status))
						}
					]
				: [];

	return {
		gaps: gaps.map((summary) => ({ kind: 'gap', summary })),
		improvements: improvements.map((summary) => ({ kind: 'improvement', summary })),
		declines: declines.map((summary) => ({ kind: 'decline', summary })),
		ranks
	};
}

/** An indicator's name with its normalisation: "Koperasi aktif per 100.000 penduduk". */
export function indicatorName(indicator: Indicator, per: Normalisation, locale: Locale): string {
	const label = indicator.label[locale];
	return per === 'total' ? label : `${label} ${NORMALISATION_LABEL[per][locale]}`;
}

/** A percentage without sign, as the cards write it: `38%`, `4,5%`. */
export function formatShare(value: number, locale: Locale): string {
	const abs = Math.abs(value);
	return `${formatNumber(abs, locale, abs < 10 ? 1 : 0)}%`;
}

export interface SentenceContext {
	locale: Locale;
	focus: string;
	benchmark: string;
	/** "kabupaten/kota di Jawa Barat": who the ranks are among. */
	scope: string;
	/** Members of the peer group, with or without data. */
	peerCount: number;
}

type ScopeContext = Pick<SentenceContext, 'locale' | 'scope' | 'peerCount'>;

/**
 * The scope, said to hold only the regions with data when some of the group have none (for a
 * rank change: with data in both years).
 */
function rankedScope(of: number, context: ScopeContext, bothYears = false): string {
	if (of >= context.peerCount) return context.scope;
	return `${context.scope} ${st(context.locale, bothYears ? 'withDataBothYears' : 'withData')}`;
}

/** "ke-5 dari 27" and "kabupaten/kota di Jawa Barat" (+ "yang punya data" when some have none). */
export function rankParts(rank: Rank, context: ScopeContext): { head: string; scope: string } {
	return {
		head: st(context.locale, 'rankHead', { rank: ordinal(context.locale, rank.rank), of: rank.of }),
		scope: rankedScope(rank.of, context)
	};
}

/** "ke-5 dari 27 kabupaten/kota di Jawa Barat". */
export function rankPhrase(rank: Rank, context: ScopeContext): string {
	const { head, scope } = rankParts(rank, context);
	return `${head} ${scope}`;
}

export function findingSentence(finding: Finding, context: SentenceContext): string {
	const { locale, focus, benchmark } = context;
	if (finding.kind === 'rank-steady') {
		return st(locale, 'rankSteady', {
			focus,
			scope: context.scope,
			previousYear: finding.year - 1,
			year: finding.year
		});
	}
	const s = finding.summary;
	const indicator = indicatorName(s.indicator, s.per, locale);
	const value = (v: number) => formatValue(v, s.indicator.unit, locale);

	if (finding.kind === 'gap') {
		const f = finding.summary;
		const below = f.focusValue < f.benchmarkValue;
		const points = f.indicator.unit === 'persen';
		return st(
			locale,
			points ? (below ? 'gapBelowPoints' : 'gapAbovePoints') : below ? 'gapBelow' : 'gapAbove',
			{
				indicator,
				focus,
				benchmark,
				gap: points
					? formatNumber(Math.abs(f.focusValue - f.benchmarkValue), locale, 1)
					: formatShare(f.gap, locale),
				year: f.year,
				focusValue: value(f.focusValue),
				benchmarkValue: value(f.benchmarkValue)
			}
		);
	}
	if (finding.kind === 'rank') {
		const { previous, current } = finding.summary.rankMove;
		const f = finding.summary;
		return st(locale, current.rank < previous.rank ? 'rankUp' : 'rankDown', {
			focus,
			indicator,
			previousRank: ordinal(locale, previous.rank),
			rank: ordinal(locale, current.rank),
			of: current.of,
			scope: rankedScope(current.of, context, true),
			previousYear: f.year - 1,
			year: f.year
		});
	}
	const f = finding.summary;
	const change =
		f.pointsChange !== null
			? st(locale, 'pointsChange', {
					points: formatNumber(Math.abs(f.pointsChange), locale, 1),
					relative: formatPercentChange(f.change, locale)
				})
			: formatShare(f.change, locale);
	return st(locale, f.change > 0 ? 'rise' : 'fall', {
		indicator,
		focus,
		change,
		previousYear: f.year - 1,
		year: f.year,
		previousValue: value(f.previousValue),
		value: value(f.focusValue)
	});
}
