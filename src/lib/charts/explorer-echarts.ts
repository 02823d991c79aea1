/**
 * ECharts for the explorer: more chart types than the dashboard (scatter, map) plus brushing,
 * drawn legends and an SVG renderer for downloads. Pages load this module with a dynamic
 * `import()`, so the map code ships only to the explorer, and only once a chart is shown.
 */
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	BrushComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TitleComponent,
	TooltipComponent
} from 'echarts/components';
import { getMap, init, registerMap, use, type ECharts } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { Action } from 'svelte/action';
import { fromAction } from 'svelte/attachments';
import type { BoundaryCollection } from '$lib/explorer/geo-join';
import { EXPLORER_FONT, pointsOf } from './explorer-style';
import type { ExplorerChart, ExplorerOption } from './explorer-types';

use([
	LineChart,
	BarChart,
	ScatterChart,
	MapChart,
	GridComponent,
	TooltipComponent,
	AriaComponent,
	BrushComponent,
	GraphicComponent,
	LegendComponent,
	MarkLineComponent,
	TitleComponent,
	LabelLayout,
	CanvasRenderer,
	SVGRenderer
]);

export type BrushType = 'rect' | 'lineX' | 'lineY';

export interface ChartSpec {
	chart: ExplorerChart;
	/** The boundary file a map series draws, registered under `name` on first use. */
	map?: { name: string; geojson: BoundaryCollection };
	/** The brush the pointer draws, or false for clicks only. */
	brush: BrushType | false;
	onpick?: (code: string) => void;
	/** Double-click: on a map, a province opens its regencies/cities. */
	ondrill?: (code: string) => void;
	onbrush?: (codes: string[]) => void;
}

function registerBoundaries(map: ChartSpec['map']) {
	// registerMap's GeoJSON type wants literal feature types; ours come from a JSON file.
	if (map && !getMap(map.name)) registerMap(map.name, map.geojson as never);
}

interface EventParams {
	seriesIndex?: number;
	dataIndex?: number;
}

interface BrushSelected {
	batch?: { selected?: { seriesIndex: number; dataIndex: number[] }[] }[];
}

const DOUBLE_CLICK_MS = 250;

const chartAction: Action<HTMLElement, ChartSpec> = (node, initial) => {
	const chart: ECharts = init(node, null, { renderer: 'canvas' });
	let spec = initial;
	let brushed: string[] = [];
	let pending: ReturnType<typeof setTimeout> | undefined;

	const codeOf = (params: EventParams) => {
		const codes = spec.chart.codes[params.seriesIndex ?? -1];
		return codes?.[params.dataIndex ?? 0] ?? codes?.[0];
	};
	chart.on('click', (params) => {
		const code = codeOf(params as EventParams);
		if (!code || !spec.onpick) return;
		const pick = spec.onpick;
		// Where a double-click means something else, wait to see whether a second click follows.
		if (!spec.ondrill) return pick(code);
		clearTimeout(pending);
		pending = setTimeout(() => pick(code), DOUBLE_CLICK_MS);
	});
	chart.on('dblclick', (params) => {
		const code = codeOf(params as EventParams);
		clearTimeout(pending);
		if (code) spec.ondrill?.(code);
	});
	chart.on('brushselected', (params) => {
		const selected = (params as BrushSelected).batch?.[0]?.selected ?? [];
		brushed = selected.flatMap((s) =>
			s.dataIndex.map((i) => spec.chart.codes[s.seriesIndex]?.[i]).filter((c) => c !== undefined)
		);
	});
	chart.on('brushEnd', () => {
		// brushselected for the final area arrives after brushEnd in the same turn.
		setTimeout(() => {
			if (brushed.length) spec.onbrush?.(brushed);
			brushed = [];
			chart.dispatchAction({ type: 'brush', areas: [] });
		});
	});

	const apply = (next: ChartSpec) => {
		spec = next;
		registerBoundaries(next.map);
		chart.setOption(next.chart.option, { notMerge: true });
		if (next.chart.option.brush) {
			chart.dispatchAction({
				type: 'takeGlobalCursor',
				key: 'brush',
				brushOption: { brushType: next.brush, brushMode: 'single' }
			});
		}
		// Set only once ECharts has the data, so a test reading them knows the chart really drew.
		node.dataset.points = String(pointsOf(next.chart.option));
		node.dataset.picked = next.chart.picked.join(',');
	};
	apply(initial);
	const observer = new ResizeObserver(() => chart.resize());
	observer.observe(node);
	return {
		update: apply,
		destroy() {
			clearTimeout(pending);
			observer.disconnect();
			chart.dispose();
		}
	};
};

/** `{@attach explorerChart(() => spec)}`: a new spec updates the chart in place. */
export function explorerChart(getSpec: () => ChartSpec) {
	return fromAction(chartAction, getSpec);
}

export interface ImageSize {
	width: number;
	height: number;
}

/** A downloadable picture of an option: a PNG data URL or an SVG document. */
export function renderImage(
	option: ExplorerOption,
	format: 'png' | 'svg',
	size: ImageSize,
	map?: ChartSpec['map']
): string {
	registerBoundaries(map);
	const still = { ...option, animation: false };
	if (format === 'svg') {
		const chart = init(null, null, { renderer: 'svg', ssr: true, ...size });
		chart.setOption(still);
		const svg = chart.renderToSVGString();
		chart.dispose();
		return svg;
	}
	const chart = init(document.createElement('div'), null, { renderer: 'canvas', ...size });
	chart.setOption(still);
	const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
	chart.dispose();
	return url;
}

const FOOTER_FONT_SIZE = 12;
const FOOTER_LINE = 17;
const FOOTER_PAD = 12;
/** Characters per footer line: 12 px type averages under 7 px a character. */
const charsPerLine = (width: number) => Math.max(40, Math.floor((width - 32) / 6.8));

/** Footer text laid into lines by words; a word longer than a line (a URL) is cut. */
export function footerLines(footer: readonly string[], width: number): string[] {
	const max = charsPerLine(width);
	const lines: string[] = [];
	for (const text of footer) {
		let line = '';
		for (let word of text.split(/\s+/)) {
			while (word.length > max) {
				if (line) lines.push(line);
				lines.push(word.slice(0, max));
				line = '';
				word = word.slice(max);
			}
			if (line && line.length + 1 + word.length > max) {
				lines.push(line);
				line = word;
			} else line = line ? `${line} ${word}` : word;
		}
		if (line) lines.push(line);
	}
	return lines;
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The picture of `renderImage` with lines under it (source, status, date, link), so a downloaded
 * chart keeps saying where its figures come from and how real they are.
 */
export async function renderImageWithFooter(
	option: ExplorerOption,
	format: 'png' | 'svg',
	size: ImageSize,
	map: ChartSpec['map'] | undefined,
	footer: readonly string[]
): Promise<string> {
	const image = renderImage(option, format, size, map);
	const lines = footerLines(footer, size.width);
	if (lines.length === 0) return image;
	const height = size.height + FOOTER_PAD * 2 + lines.length * FOOTER_LINE;
	const baseline = (i: number) => size.height + FOOTER_PAD + (i + 1) * FOOTER_LINE - 4;
	if (format === 'svg') {
		const chart = image.replace(/^<\?xml[^>]*>\s*/, '');
		const texts = lines
			.map(
				(line, i) =>
					`<text x="16" y="${baseline(i)}" font-family="${EXPLORER_FONT}" font-size="${FOOTER_FONT_SIZE}" fill="#475569">${escapeXml(line)}</text>`
			)
			.join('');
		return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${chart}${texts}</svg>`;
	}
	const picture = await new Promise<HTMLImageElement>((resolve, reject) => {
		const img = new Image();
		img.onload = () => resolve(img);
		img.onerror = () => reject(new Error('The chart image could not be read'));
		img.src = image;
	});
	const ratio = picture.width / size.width;
	const canvas = document.createElement('canvas');
	canvas.width = picture.width;
	canvas.height = Math.round(height * ratio);
	const context = canvas.getContext('2d');
	if (!context) return image;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(picture, 0, 0);
	context.scale(ratio, ratio);
	context.fillStyle = '#475569';
	context.font = `${FOOTER_FONT_SIZE}px ${EXPLORER_FONT}`;
	lines.forEach((line, i) => context.fillText(line, 16, baseline(i)));
	return canvas.toDataURL('image/png');
}
