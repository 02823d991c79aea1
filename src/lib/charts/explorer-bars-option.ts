/**
 * Regions ranked on one indicator in one year. Up to HORIZONTAL_MAX regions: horizontal bars with
 * names, best at the top. Beyond that (all provinces and regencies at once): a vertical "skyline"
 * without names, in which focus, benchmark and picked regions stand out by colour; the page lists
 * them with their rank beside the chart.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import type { RegionRole } from '$lib/explorer/selection';
import type { Locale } from '$lib/format/number';
import { BASE, FRAME_HEIGHT, frameOption, roleColour, roleOpacity } from './explorer-style';
import type { ExplorerChart, ExportFrame } from './explorer-types';
import { rankItems } from './ranking-option';
import { COLOURS, formatChartValue } from './theme';

export const HORIZONTAL_MAX = 45;
const BAR_STEP = 22;

export interface BarItem {
	code: string;
	name: string;
	value: number | null;
	role: RegionRole;
	pickedColour: string | null;
}

export interface ExplorerBarsInput {
	items: readonly BarItem[];
	higherIsBetter: boolean;
	seriesName: string;
	unit: IndicatorUnit;
	locale: Locale;
	description: string;
	frame?: ExportFrame;
}

export interface ExplorerBars extends ExplorerChart {
	horizontal: boolean;
	/** The height the chart needs, in pixels. */
	height: number;
}

export function explorerBarsOption(input: ExplorerBarsInput): ExplorerBars {
	const { unit, locale, frame } = input;
	const ranked = rankItems(input.items, input.higherIsBetter) as (BarItem & { value: number })[];
	const format = (value: unknown) => formatChartValue(value, unit, locale);
	const selectionActive = ranked.some((i) => i.role === 'selected');
	const horizontal = ranked.length <= HORIZONTAL_MAX;
	const top = frame ? FRAME_HEIGHT + 16 : 8;
	const height = (horizontal ? Math.max(120, ranked.length * BAR_STEP + 24) : 340) + top - 8;
	const colourOf = (i: BarItem) => roleColour(i.role, i.pickedColour);

	const categoryAxis = {
		type: 'category' as const,
		data: ranked.map((i) => i.name),
		axisTick: { show: false },
		axisLine: { lineStyle: { color: COLOURS.muted } }
	};
	const valueAxis = {
		type: 'value' as const,
		axisLabel: { show: !horizontal, color: COLOURS.muted, formatter: format },
		splitLine: { lineStyle: { color: COLOURS.gridLine } }
	};

	return {
		horizontal,
		height,
		option: {
			...BASE,
			...frameOption(frame),
			animation: ranked.length <= 60 && !frame,
			aria: { enabled: true, label: { description: input.description } },
			grid: { top, left: 8, right: horizontal ? 76 : 16, bottom: 8 },
			tooltip: {
				trigger: 'item',
				valueFormatter: format
			},
			brush: {
				toolbox: [],
				[horizontal ? 'yAxisIndex' : 'xAxisIndex']: 0,
				outOfBrush: { colorAlpha: 0.3 }
			},
			xAxis: horizontal ? valueAxis : { ...categoryAxis, axisLabel: { show: false } },
			yAxis: horizontal
				? {
						...categoryAxis,
						inverse: true,
						axisLabel: {
							fontSize: 12,
							color: (_value?: string | number, index?: number) => {
								const item = index === undefined ? undefined : ranked[index];
								return item && item.role !== 'other' ? colourOf(item) : COLOURS.muted;
							}
						}
					}
				: valueAxis,
			series: [
				{
					type: 'bar',
					name: input.seriesName,
					barMaxWidth: 18,
					barCategoryGap: horizontal ? '30%' : '10%',
					data: ranked.map((i) => ({
						value: i.value,
						itemStyle: {
							color: colourOf(i),
							opacity: roleOpacity(i.role, selectionActive),
							...(i.role === 'selected' ? { borderColor: COLOURS.text, borderWidth: 1 } : {})
						}
					})),
					label: {
						show: horizontal,
						position: 'right',
						color: COLOURS.text,
						fontSize: 11,
						formatter: (params: { value?: unknown }) => format(params.value)
					}
				}
			]
		},
		codes: [ranked.map((i) => i.code)],
		picked: ranked.filter((i) => i.role === 'selected').map((i) => i.code)
	};
}
