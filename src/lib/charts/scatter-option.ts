/**
 * Two indicators, one point per region, one year: "who has more members per cooperative than us,
 * and more financing too?". Dashed lines through the focus region's values split the plane into
 * those above and below it on each indicator. Focus, benchmark and picked regions are labelled.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import { escapeHtml } from '$lib/explorer/escape-html';
import type { RegionRole } from '$lib/explorer/selection';
import type { Locale } from '$lib/format/number';
import { BASE, FRAME_HEIGHT, frameOption, roleColour, roleOpacity } from './explorer-style';
import type { ExplorerChart, ExportFrame } from './explorer-types';
import { COLOURS, formatChartValue } from './theme';

export interface ScatterPoint {
	code: string;
	name: string;
	x: number | null;
	y: number | null;
	role: RegionRole;
	pickedColour: string | null;
}

export interface ScatterAxis {
	label: string;
	unit: IndicatorUnit;
}

export interface ScatterInput {
	points: readonly ScatterPoint[];
	x: ScatterAxis;
	y: ScatterAxis;
	locale: Locale;
	description: string;
	frame?: ExportFrame;
}

const DRAW_ORDER: Record<RegionRole, number> = { other: 0, selected: 1, benchmark: 2, focus: 3 };

export function scatterOption(input: ScatterInput): ExplorerChart {
	const { locale, frame } = input;
	const formatX = (value: unknown) => formatChartValue(value, input.x.unit, locale);
	const formatY = (value: unknown) => formatChartValue(value, input.y.unit, locale);
	const drawn = input.points
		.filter(
			(p): p is ScatterPoint & { x: number; y: number } =>
				p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y)
		)
		.sort((a, b) => DRAW_ORDER[a.role] - DRAW_ORDER[b.role]);
	const selectionActive = drawn.some((p) => p.role === 'selected');
	const focus = drawn.find((p) => p.role === 'focus');
	const tooltipText = (index: number) => {
		const p = drawn[index];
		if (!p) return '';
		return [
			`<strong>${escapeHtml(p.name)}</strong>`,
			`${escapeHtml(input.x.label)}: ${escapeHtml(formatX(p.x))}`,
			`${escapeHtml(input.y.label)}: ${escapeHtml(formatY(p.y))}`
		].join('<br>');
	};
	const axisName = { color: COLOURS.muted, fontSize: 12 };

	return {
		option: {
			...BASE,
			...frameOption(frame),
			animation: drawn.length <= 60 && !frame,
			aria: { enabled: true, label: { description: input.description } },
			grid: { top: frame ? FRAME_HEIGHT + 32 : 12, left: 16, right: 32, bottom: frame ? 40 : 8 },
			tooltip: {
				trigger: 'item',
				formatter: (params: unknown) =>
					tooltipText((params as { dataIndex?: number }).dataIndex ?? -1)
			},
			brush: { toolbox: [], xAxisIndex: 0, outOfBrush: { colorAlpha: 0.3 } },
			xAxis: {
				type: 'value',
				scale: true,
				// Axis titles are HTML beside the chart on the page (they wrap on phones); a download
				// has no page around it, so it draws them.
				name: frame ? input.x.label : undefined,
				nameLocation: 'middle',
				nameGap: 28,
				nameTextStyle: axisName,
				axisLabel: { color: COLOURS.muted, formatter: formatX, hideOverlap: true },
				splitLine: { lineStyle: { color: COLOURS.gridLine } }
			},
			yAxis: {
				type: 'value',
				scale: true,
				name: frame ? input.y.label : undefined,
				nameLocation: 'end',
				nameGap: 10,
				nameTextStyle: { ...axisName, align: 'left' },
				axisLabel: { color: COLOURS.muted, formatter: formatY },
				splitLine: { lineStyle: { color: COLOURS.gridLine } }
			},
			series: [
				{
					type: 'scatter',
					name: `${input.x.label} / ${input.y.label}`,
					data: drawn.map((p) => {
						const other = p.role === 'other';
						const colour = roleColour(p.role, p.pickedColour);
						return {
							value: [p.x, p.y],
							name: p.name,
							symbol: p.role === 'benchmark' ? 'rect' : 'circle',
							symbolSize: other ? 9 : 13,
							itemStyle: {
								color: colour,
								opacity: other ? (selectionActive ? 0.3 : 0.75) : roleOpacity(p.role, false),
								borderColor: '#ffffff',
								borderWidth: 1
							},
							label: {
								show: !other,
								position: 'right' as const,
								// Up a little, so the focus name sits clear of the dashed line through it.
								offset: [0, -9],
								formatter: '{b}',
								color: colour,
								fontWeight: 'bold' as const,
								fontSize: 12
							}
						};
					}),
					labelLayout: { hideOverlap: true },
					markLine: focus
						? {
								silent: true,
								symbol: 'none',
								label: { show: false },
								lineStyle: { color: COLOURS.focus, type: 'dashed', width: 1.5, opacity: 0.8 },
								data: [{ xAxis: focus.x }, { yAxis: focus.y }]
							}
						: undefined
				}
			]
		},
		codes: [drawn.map((p) => p.code)],
		picked: drawn.filter((p) => p.role === 'selected').map((p) => p.code)
	};
}

/** Regions that have no point because one of the two figures is missing. */
export function pointsWithoutPair(points: readonly ScatterPoint[]): ScatterPoint[] {
	return points.filter((p) => p.x === null || p.y === null);
}
