/**
 * A choropleth of one indicator in one year: every boundary of the map (all provinces, or the
 * regencies/cities of one province) coloured by its class. Features are named by Kemendagri code
 * (`nameProperty: 'kode'`), so the data joins on the code, never on a name. Regions in the set
 * without a figure and regions outside the set have their own fill. The on-page legend is HTML;
 * a downloaded image draws the same legend itself.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';
import { escapeHtml } from '$lib/explorer/escape-html';
import {
	classColours,
	classOf,
	NO_DATA_COLOUR,
	OUTSIDE_COLOUR,
	type LegendClass
} from '$lib/explorer/map-classes';
import type { RegionRole } from '$lib/explorer/selection';
import type { Locale } from '$lib/format/number';
import { BASE, EXPLORER_FONT, FRAME_HEIGHT, frameOption, roleColour } from './explorer-style';
import type { ExplorerChart, ExplorerOption, ExportFrame } from './explorer-types';
import { COLOURS, formatChartValue } from './theme';

export interface MapItem {
	/** Kemendagri code: the feature's `kode`. */
	code: string;
	name: string;
	value: number | null;
	/** Whether the region is in the chosen set (else drawn for context only). */
	inSet: boolean;
	role: RegionRole;
	pickedColour: string | null;
}

export interface ChoroplethInput {
	/** The name the boundary file was registered under. */
	mapName: string;
	/** One item per feature of the map. */
	items: readonly MapItem[];
	breaks: readonly number[];
	unit: IndicatorUnit;
	locale: Locale;
	description: string;
	labels: { noData: string; outside: string };
	/**
	 * A download draws its legend: the classes, "no data", "not selected", then the outlined
	 * regions (focus, benchmark) with their outline colour.
	 */
	frame?: ExportFrame & { legend: readonly LegendClass[]; outlines?: readonly LegendClass[] };
}

/** The fill of a region: its class colour, or the no-data / outside fill. */
export function fillOf(item: Pick<MapItem, 'value' | 'inSet'>, breaks: readonly number[]): string {
	if (!item.inSet) return OUTSIDE_COLOUR;
	if (item.value === null || !Number.isFinite(item.value)) return NO_DATA_COLOUR;
	return classColours(breaks.length + 1)[classOf(item.value, breaks)]!;
}

const LEGEND_ROW = 20;

function legendGraphic(
	legend: readonly LegendClass[],
	outlines: readonly LegendClass[],
	labels: ChoroplethInput['labels']
): ExplorerOption['graphic'] {
	const rows = [
		...legend.map((row) => ({ ...row, outline: false })),
		{ label: labels.noData, colour: NO_DATA_COLOUR, outline: false },
		{ label: labels.outside, colour: OUTSIDE_COLOUR, outline: false },
		...outlines.map((row) => ({ ...row, outline: true }))
	];
	return [
		{
			type: 'group',
			left: 16,
			bottom: 16,
			children: rows.flatMap((row, i) => [
				{
					type: 'rect' as const,
					shape: { x: 0, y: i * LEGEND_ROW, width: 16, height: 14 },
					style: row.outline
						? { fill: '#ffffff', stroke: row.colour, lineWidth: 2.5 }
						: { fill: row.colour, stroke: '#94a3b8', lineWidth: 1 }
				},
				{
					type: 'text' as const,
					x: 24,
					y: i * LEGEND_ROW + 1,
					style: { text: row.label, fill: COLOURS.text, fontSize: 12, fontFamily: EXPLORER_FONT }
				}
			])
		}
	];
}

export function choroplethOption(input: ChoroplethInput): ExplorerChart {
	const { breaks, unit, locale, frame, labels } = input;
	const format = (value: unknown) => formatChartValue(value, unit, locale);
	const selectionActive = input.items.some((i) => i.role === 'selected');
	const byCode = new Map(input.items.map((i) => [i.code, i]));
	const tooltipText = (code: string) => {
		const item = byCode.get(code);
		if (!item) return '';
		const value = !item.inSet
			? labels.outside
			: item.value === null
				? labels.noData
				: format(item.value);
		return `<strong>${escapeHtml(item.name)}</strong><br>${escapeHtml(value)}`;
	};

	return {
		option: {
			...BASE,
			...frameOption(frame),
			animation: false,
			aria: { enabled: true, label: { description: input.description } },
			tooltip: {
				trigger: 'item',
				formatter: (params: unknown) => tooltipText((params as { name?: string }).name ?? '')
			},
			graphic: frame ? legendGraphic(frame.legend, frame.outlines ?? [], labels) : [],
			series: [
				{
					type: 'map',
					map: input.mapName,
					nameProperty: 'kode',
					selectedMode: false,
					roam: false,
					aspectScale: 1,
					left: frame ? 200 : 4,
					right: frame ? 16 : 4,
					top: frame ? FRAME_HEIGHT + 16 : 4,
					bottom: frame ? 16 : 4,
					label: { show: false },
					data: input.items.map((item) => {
						const fill = fillOf(item, breaks);
						const marked = item.role !== 'other';
						const border = marked ? roleColour(item.role, item.pickedColour) : '#ffffff';
						const dim = selectionActive && !marked && item.inSet;
						const style = {
							areaColor: fill,
							borderColor: border,
							borderWidth: marked ? 3 : 0.6,
							opacity: dim ? 0.45 : 1
						};
						return {
							name: item.code,
							value: item.inSet && item.value !== null ? item.value : NaN,
							itemStyle: style,
							emphasis: {
								label: { show: false },
								itemStyle: { ...style, borderColor: COLOURS.text, borderWidth: 2, opacity: 1 }
							}
						};
					})
				}
			]
		},
		codes: [input.items.map((i) => i.code)],
		picked: input.items.filter((i) => i.role === 'selected').map((i) => i.code)
	};
}
