import { formatValue, type Locale } from '$lib/format/number';
import type { IndicatorUnit } from '$lib/catalogue/indicators';

/** Blue and orange stay apart for the common colour-vision deficiencies; both pass 4.5:1. */
export const COLOURS = {
	focus: '#1d4ed8',
	benchmark: '#c2410c',
	other: '#a3b1c2',
	text: '#1e293b',
	muted: '#475569',
	gridLine: '#e2e8f0'
} as const;

export const FONT_FAMILY =
	'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** ECharts hands formatters any data value; only finite numbers are figures. */
export function formatChartValue(value: unknown, unit: IndicatorUnit, locale: Locale): string {
	return formatValue(typeof value === 'number' ? value : null, unit, locale);
}
