/**
 * Lines over time for any number of regions: focus, benchmark and picked regions in colour and on
 * top, every other region a thin grey line underneath. The on-page legend is HTML; a downloaded
 * image gets a canvas legend of the coloured lines under its title.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import type { RegionRole } from '$lib/explorer/selection';
import type { Locale } from '$lib/format/number';
import { BASE, FRAME_HEIGHT, frameOption, roleColour, roleOpacity } from './explorer-style';
import type { ExplorerChart, ExportFrame } from './explorer-types';
import { COLOURS, formatChartValue } from './theme';

export interface LineRegion {
	code: string;
	name: string;
	role: RegionRole;
	/** The picking colour of a picked region. */
	pickedColour: string | null;
	/** One value per year; null where the region has no figure. */
	values: readonly (number | null)[];
}

export interface ExplorerLineInput {
	years: readonly number[];
	regions: readonly LineRegion[];
	unit: IndicatorUnit;
	locale: Locale;
	description: string;
	frame?: ExportFrame;
}

const DRAW_ORDER: Record<RegionRole, number> = { other: 0, selected: 1, benchmark: 2, focus: 3 };

export function explorerLineOption(input: ExplorerLineInput): ExplorerChart {
	const { years, unit, locale, frame } = input;
	const format = (value: unknown) => formatChartValue(value, unit, locale);
	const selectionActive = input.regions.some((r) => r.role === 'selected');
	const ordered = [...input.regions].sort((a, b) => DRAW_ORDER[a.role] - DRAW_ORDER[b.role]);
	const coloured = ordered.filter((r) => r.role !== 'other');
	const top = frame ? FRAME_HEIGHT + 24 + 22 * Math.ceil(coloured.length / 4) : 16;

	return {
		option: {
			...BASE,
			...frameOption(frame),
			animation: input.regions.length <= 60 && !frame,
			aria: { enabled: true, label: { description: input.description } },
			grid: { top, left: 8, right: 24, bottom: 8 },
			tooltip: { trigger: 'item', valueFormatter: format },
			legend: frame
				? {
						top: FRAME_HEIGHT + 8,
						left: 16,
						right: 16,
						data: coloured.map((r) => r.name),
						textStyle: { color: COLOURS.text }
					}
				: { show: false },
			xAxis: {
				type: 'category',
				boundaryGap: false,
				data: years.map(String),
				axisLabel: { color: COLOURS.muted },
				axisLine: { lineStyle: { color: COLOURS.muted } }
			},
			yAxis: {
				type: 'value',
				scale: true,
				axisLabel: { color: COLOURS.muted, formatter: format },
				splitLine: { lineStyle: { color: COLOURS.gridLine } }
			},
			series: ordered.map((r) => {
				const other = r.role === 'other';
				const colour = roleColour(r.role, r.pickedColour);
				return {
					type: 'line' as const,
					name: r.name,
					data: [...r.values],
					connectNulls: false,
					triggerLineEvent: true,
					showSymbol: !other,
					symbol: r.role === 'benchmark' ? 'rect' : 'circle',
					symbolSize: other ? 4 : 7,
					color: colour,
					lineStyle: {
						width: other ? 1 : r.role === 'focus' ? 3 : 2.5,
						type: r.role === 'benchmark' ? ('dashed' as const) : ('solid' as const),
						opacity: other ? (selectionActive ? 0.25 : 0.6) : roleOpacity(r.role, false)
					},
					emphasis: { focus: 'series' as const, lineStyle: { width: other ? 2 : 3.5 } },
					z: 2 + DRAW_ORDER[r.role]
				};
			})
		},
		codes: ordered.map((r) => r.values.map(() => r.code)),
		picked: ordered.filter((r) => r.role === 'selected').map((r) => r.code)
	};
}
