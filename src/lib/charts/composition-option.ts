/**
 * Composition as horizontal percentage bars: stacked to 100 % for the parts of one whole (own vs
 * outside capital), side by side for shares that overlap (sales channels of MSMEs).
 */
import type { Locale } from '$lib/format/number';
import { COLOURS, FONT_FAMILY, formatChartValue } from './theme';
import type { ChartOption } from './types';

/** Parts of a whole: a dark and a light tone, apart in greyscale too. */
export const PART_COLOURS = ['#0f766e', '#94a3b8', '#a16207', '#7c3aed', '#be123c'] as const;

export interface CompositionSeries {
	name: string;
	colour: string;
	/** One percentage per category; null where there is no figure. */
	values: readonly (number | null)[];
}

export interface CompositionInput {
	/** Axis labels, top to bottom. */
	categories: readonly string[];
	series: readonly CompositionSeries[];
	/** Parts of one whole (stacked to 100 %) or overlapping shares (side by side). */
	stacked: boolean;
	locale: Locale;
	description: string;
}

export function compositionOption(input: CompositionInput): ChartOption {
	const { stacked, locale } = input;
	const format = (value: unknown) => formatChartValue(value, 'persen', locale);
	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY, color: COLOURS.text },
		aria: { enabled: true, label: { description: input.description } },
		grid: { top: 8, left: 8, right: stacked ? 16 : 56, bottom: 8 },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
		xAxis: {
			type: 'value',
			min: 0,
			max: stacked ? 100 : undefined,
			// Stacked parts carry their own labels; the 0–100 scale would only crowd a small chart.
			axisLabel: { show: !stacked, color: COLOURS.muted, formatter: format, hideOverlap: true },
			splitLine: { lineStyle: { color: COLOURS.gridLine } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: [...input.categories],
			axisTick: { show: false },
			axisLine: { lineStyle: { color: COLOURS.muted } },
			axisLabel: { color: COLOURS.text, fontSize: 12 }
		},
		series: input.series.map((s) => ({
			type: 'bar',
			name: s.name,
			stack: stacked ? 'whole' : undefined,
			barMaxWidth: stacked ? 26 : 14,
			color: s.colour,
			data: [...s.values],
			label: {
				show: true,
				position: stacked ? 'inside' : 'right',
				color: stacked ? '#ffffff' : COLOURS.text,
				fontSize: 11,
				formatter: (params: { value?: unknown }) =>
					typeof params.value === 'number' && (!stacked || params.value >= 8)
						? format(params.value)
						: ''
			}
		}))
	};
}
