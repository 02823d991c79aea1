/** Wording shared by the summary's components: scopes, units, changes, fact names. */
import type { FactId } from '$lib/catalogue/datasets';
import { isNormalised } from '$lib/catalogue/headline';
import {
	findIndicator,
	NORMALISATION_LABEL,
	type Indicator,
	type Normalisation
} from '$lib/catalogue/indicators';
import { compactRegionName } from '$lib/components/region-groups';
import { formatNumber, formatPercentChange, formatValue, type Locale } from '$lib/format/number';
import { st } from '$lib/i18n/summary-messages';
import type { IndicatorSummary } from '$lib/summary/indicator-summary';
import type { PeerGroup } from '$lib/summary/peer-group';
import type { Held } from '$lib/summary/what-it-takes';

/** A region name short enough for a chart axis or a printed card: "Kep. Bangka Belitung". */
export function shortName(name: string): string {
	return compactRegionName(name).replace(/^Kepulauan /, 'Kep. ');
}

/** Who the ranks are among: "kabupaten/kota di Jawa Barat". */
export function scopePhrase(peers: PeerGroup, locale: Locale): string {
	const { scope } = peers;
	if (scope.kind === 'province')
		return st(locale, 'scopeProvince', { province: scope.province.name });
	if (scope.kind === 'custom') return st(locale, 'scopeCustom');
	return st(locale, scope.level === 'kabkota' ? 'scopeNationKabkota' : 'scopeNationProvinsi');
}

/** The normalisation under a card's title; for a raw total, a warning that it is one. */
export function unitNote(indicator: Indicator, per: Normalisation, locale: Locale): string | null {
	if (per !== 'total') return NORMALISATION_LABEL[per][locale];
	return isNormalised(indicator, per) ? null : st(locale, 'absoluteFigure');
}

/** A difference of percentages: `+1,2 poin`, `−3,5 poin`, `±0 poin`. */
export function pointsText(points: number, locale: Locale): string {
	const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
	return `${sign}${formatNumber(Math.abs(points), locale, 1)} ${st(locale, 'pointsUnit')}`;
}

/**
 * `+8,5%`, or for percentages `+1,2 poin`; from a zero base, where no percentage exists, the two
 * figures. Null without a figure for the year before.
 */
export function changeText(summary: IndicatorSummary, locale: Locale): string | null {
	const { focusValue, previousValue } = summary;
	if (focusValue === null || previousValue === null) return null;
	if (previousValue === 0 && summary.pointsChange === null) {
		return focusValue === 0
			? st(locale, 'changeSteadyZero')
			: st(locale, 'changeFromZero', {
					value: formatValue(focusValue, summary.indicator.unit, locale)
				});
	}
	if (summary.pointsChange !== null) return pointsText(summary.pointsChange, locale);
	return summary.change === null ? null : formatPercentChange(summary.change, locale);
}

/** What a screen reader hears for a sparkline: each region's figures by year. */
export function sparklineLabel(
	summary: IndicatorSummary,
	names: { focus: string; benchmark: string },
	locale: Locale
): string {
	const line = (name: string, values: readonly (number | null)[]) =>
		`${name}: ${summary.years
			.map((year, i) => `${year} ${formatValue(values[i], summary.indicator.unit, locale)}`)
			.join(', ')}`;
	return st(locale, 'sparklineLabel', {
		indicator: summary.indicator.label[locale],
		from: summary.years[0] ?? '',
		to: summary.years.at(-1) ?? '',
		values: `${line(names.focus, summary.focusSeries)}; ${line(names.benchmark, summary.benchmarkSeries)}`
	});
}

const lowerFirst = (text: string) =>
	/^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLocaleLowerCase() + text.slice(1) : text;

/** A fact as a noun in a sentence: "anggota", "volume usaha", "members". */
export function factNoun(fact: FactId, locale: Locale): string {
	const label = findIndicator(fact)?.label[locale] ?? fact;
	return lowerFirst(locale === 'id' ? label.replace(/^Jumlah /, '') : label);
}

/** What stays the same: "koperasi aktif", "jumlah penduduk". */
export function heldText(held: Held, locale: Locale): string {
	const parts = [
		...(held.population ? [st(locale, 'heldPopulation')] : []),
		...held.facts.map((fact) => factNoun(fact, locale))
	];
	return parts.join(locale === 'id' ? ' dan ' : ' and ');
}

/** An amount of a fact: Rupiah in scale words, whole things as integers. */
export function formatFact(fact: FactId, value: number, locale: Locale): string {
	const unit = findIndicator(fact)?.unit ?? 'unit';
	return unit === 'rupiah' ? formatValue(value, unit, locale) : formatNumber(value, locale, 0);
}
