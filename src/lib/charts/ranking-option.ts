/** A horizontal bar chart ranking regions on one indicator, best first, focus highlighted. */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import type { Locale } from '$lib/format/number';
import { COLOURS, FONT_FAMILY, formatChartValue } from './theme';
import type { ChartOption } from './types';

export interface RankingItem {
	code: string;
	name: string;
	value: number | null;
}

export interface RankingInput {
	items: readonly RankingItem[];
	focusCode: string;
	benchmarkCode?: string;
	higherIsBetter: boolean;
	seriesName: string;
	unit: IndicatorUnit;
	locale: Locale;
	description: string;
}

/** Regions with a figure, best first (ties by name); regions without one are left out. */
export function rankItems(
	items: readonly RankingItem[],
	higherIsBetter: boolean
): (RankingItem & { value: number })[] {
	const withValue = items.filter(
		(i): i is RankingItem & { value: number } => i.value !== null && Number.isFinite(i.value)
	);
	const direction = higherIsBetter ? -1 : 1;
	return withValue.sort(
		(a, b) => direction * (a.value - b.value) || a.name.localeCompare(b.name, 'id')
	);
}

export function barColour(code: string, focusCode: string, benchmarkCode?: string): string {
	if (code === focusCode) return COLOURS.focus;
	if (code === benchmarkCode) return COLOURS.benchmark;
	return COLOURS.other;
}

export function rankingOption(input: RankingInput): ChartOption {
	const { focusCode, benchmarkCode, unit, locale } = input;
	const ranked = rankItems(input.items, input.higherIsBetter);
	const format = (value: unknown) => formatChartValue(value, unit, locale);
	const highlighted = new Set([focusCode, benchmarkCode]);
	return {
		animationDuration: 400,
		textStyle: { fontFamily: FONT_FAMILY, color: COLOURS.text },
		aria: { enabled: true, label: { description: input.description } },
		grid: { top: 8, left: 8, right: 72, bottom: 8 },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
		xAxis: {
			type: 'value',
			axisLabel: { show: false },
			splitLine: { lineStyle: { color: COLOURS.gridLine } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: ranked.map((i) => i.name),
			axisTick: { show: false },
			axisLine: { lineStyle: { color: COLOURS.muted } },
			axisLabel: {
				fontSize: 12,
				color: (_value?: string | number, index?: number) => {
					const item = index === undefined ? undefined : ranked[index];
					return item && highlighted.has(item.code)
						? barColour(item.code, focusCode, benchmarkCode)
						: COLOURS.muted;
				}
			}
		},
		series: [
			{
				type: 'bar',
				name: input.seriesName,
				barMaxWidth: 18,
				data: ranked.map((i) => ({
					value: i.value,
					itemStyle: { color: barColour(i.code, focusCode, benchmarkCode) }
				})),
				label: {
					show: true,
					position: 'right',
					color: COLOURS.text,
					fontSize: 11,
					formatter: (params: { value?: unknown }) => format(params.value)
				}
			}
		]
	};
}
