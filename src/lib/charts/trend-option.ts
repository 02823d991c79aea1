/**
 * A line chart of one indicator over the years, the focus region against its benchmark. The legend
 * is HTML beside the chart (it wraps on phones, where a canvas legend would overlap the plot).
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import type { Locale } from '$lib/format/number';
import { COLOURS, FONT_FAMILY, formatChartValue } from './theme';
import type { ChartOption } from './types';

export interface TrendSeries {
	name: string;
	role: 'focus' | 'benchmark';
	/** One value per year of `years`; null where the region has no figure. */
	values: readonly (number | null)[];
}

export interface TrendInput {
	years: readonly number[];
	series: readonly TrendSeries[];
	unit: IndicatorUnit;
	locale: Locale;
	/** What a screen reader announces for the canvas. */
	description: string;
}

export function trendOption({ years, series, unit, locale, description }: TrendInput): ChartOption {
	const format = (value: unknown) => formatChartValue(value, unit, locale);
	return {
		animationDuration: 400,
		textStyle: { fontFamily: FONT_FAMILY, color: COLOURS.text },
		aria: { enabled: true, label: { description } },
		grid: { top: 16, left: 8, right: 24, bottom: 8 },
		tooltip: { trigger: 'axis', valueFormatter: format },
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: years.map(String),
			axisLabel: { color: COLOURS.muted },
			axisLine: { lineStyle: { color: COLOURS.muted } }
		},
		yAxis: {
			type: 'value',
			axisLabel: { color: COLOURS.muted, formatter: format },
			splitLine: { lineStyle: { color: COLOURS.gridLine } }
		},
		series: series.map((s) => ({
			type: 'line',
			name: s.name,
			data: [...s.values],
			connectNulls: false,
			symbol: s.role === 'focus' ? 'circle' : 'rect',
			symbolSize: 8,
			color: COLOURS[s.role],
			lineStyle: {
				width: s.role === 'focus' ? 3 : 2,
				type: s.role === 'focus' ? 'solid' : 'dashed'
			},
			z: s.role === 'focus' ? 3 : 2
		}))
	};
}
