/**
 * One indicator over the years: the focus region, the benchmark and the peer group's median.
 * Roles are told apart by colour, line style and symbol, so the chart reads in greyscale print.
 * The legend is HTML beside the chart, so it never overlaps the plot on phones.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import type { Locale } from '$lib/format/number';
import { COLOURS, FONT_FAMILY, formatChartValue } from './theme';
import type { ChartOption } from './types';

export type PeerTrendRole = 'focus' | 'benchmark' | 'median';

export const MEDIAN_COLOUR = '#475569';

export interface PeerTrendSeries {
	name: string;
	role: PeerTrendRole;
	/** One value per year of `years`; null where there is no figure. */
	values: readonly (number | null)[];
}

export interface PeerTrendInput {
	years: readonly number[];
	series: readonly PeerTrendSeries[];
	unit: IndicatorUnit;
	locale: Locale;
	description: string;
}

const STYLE: Record<
	PeerTrendRole,
	{ colour: string; width: number; type: 'solid' | 'dashed' | 'dotted'; symbol: string; z: number }
> = {
	focus: { colour: COLOURS.focus, width: 3, type: 'solid', symbol: 'circle', z: 3 },
	benchmark: { colour: COLOURS.benchmark, width: 2, type: 'dashed', symbol: 'rect', z: 2 },
	median: { colour: MEDIAN_COLOUR, width: 2, type: 'dotted', symbol: 'triangle', z: 1 }
};

export function peerTrendOption(input: PeerTrendInput): ChartOption {
	const format = (value: unknown) => formatChartValue(value, input.unit, input.locale);
	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY, color: COLOURS.text },
		aria: { enabled: true, label: { description: input.description } },
		grid: { top: 16, left: 8, right: 24, bottom: 8 },
		tooltip: { trigger: 'axis', valueFormatter: format },
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: input.years.map(String),
			axisLabel: { color: COLOURS.muted },
			axisLine: { lineStyle: { color: COLOURS.muted } }
		},
		yAxis: {
			type: 'value',
			axisLabel: { color: COLOURS.muted, formatter: format, hideOverlap: true },
			splitLine: { lineStyle: { color: COLOURS.gridLine } }
		},
		series: input.series.map((s) => {
			const style = STYLE[s.role];
			return {
				type: 'line',
				name: s.name,
				data: [...s.values],
				connectNulls: false,
				symbol: style.symbol,
				symbolSize: s.role === 'focus' ? 8 : 7,
				color: style.colour,
				lineStyle: { width: style.width, type: style.type },
				z: style.z
			};
		})
	};
}
