/**
 * Charts on paper and as files. `printSize` resizes a chart drawn by `echarts.ts` to its printed
 * size when the page is printed (the canvas does not follow print CSS by itself); `downloadPng`
 * saves the chart as a PNG with its title and source line, so a copied chart stays traceable.
 */
import { getInstanceByDom } from 'echarts/core';
import type { Attachment } from 'svelte/attachments';
import { FONT_FAMILY } from './theme';

/** CSS pixels per millimetre. */
const PX_PER_MM = 96 / 25.4;
/**
 * Printed charts are drawn this much larger than their box and scaled down by print CSS, so
 * 12 px chart type lands near 5.5 pt on paper and the bitmap is denser than the screen's.
 */
export const PRINT_SCALE = 1.6;

export interface PrintSize {
	/** Millimetres on the A4 page; print CSS gives the chart box the same size. */
	width: number;
	height: number;
	/** Drawn this much larger and scaled down; default PRINT_SCALE. Larger fits more labels. */
	scale?: number;
}

/** `{@attach printSize(size)}` on the element an ECharts chart is drawn in. */
export function printSize(size: PrintSize): Attachment<HTMLElement> {
	return (node) => {
		const fit = (printing: boolean) => {
			const chart = getInstanceByDom(node);
			if (!chart || chart.isDisposed()) return;
			if (printing) {
				const scale = size.scale ?? PRINT_SCALE;
				chart.resize({
					width: Math.round(size.width * PX_PER_MM * scale),
					height: Math.round(size.height * PX_PER_MM * scale)
				});
			} else {
				chart.resize();
			}
			// The browser lays out the printed page without running animation frames.
			chart.getZr().refreshImmediately();
		};
		const media = window.matchMedia('print');
		const onMedia = (event: MediaQueryListEvent) => fit(event.matches);
		const before = () => fit(true);
		const after = () => fit(false);
		media.addEventListener('change', onMedia);
		window.addEventListener('beforeprint', before);
		window.addEventListener('afterprint', after);
		return () => {
			media.removeEventListener('change', onMedia);
			window.removeEventListener('beforeprint', before);
			window.removeEventListener('afterprint', after);
		};
	};
}

export interface PngCaption {
	title: string;
	subtitle?: string;
	/** The chart's legend (drawn in HTML on the page, so not in the chart's own image). */
	legend?: readonly { label: string; colour: string }[];
	/** Lines under the chart: source, status note, link. */
	notes: readonly string[];
}

const SCALE = 2;
const PAD = 16 * SCALE;

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The chart image could not be read'));
		image.src = url;
	});
}

/** Words laid into lines no wider than `width`; a word longer than a line (a URL) is cut. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	const fits = (t: string) => context.measureText(t).width <= width;
	for (let word of text.split(/\s+/)) {
		while (!fits(word)) {
			let cut = word.length - 1;
			while (cut > 1 && !fits(word.slice(0, cut))) cut--;
			if (line) lines.push(line);
			lines.push(word.slice(0, cut));
			line = '';
			word = word.slice(cut);
		}
		const next = line ? `${line} ${word}` : word;
		if (line && !fits(next)) {
			lines.push(line);
			line = word;
		} else {
			line = next;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** The chart in `node` with title and notes, as PNG bytes; null when no chart is drawn there. */
export async function chartPng(node: HTMLElement, caption: PngCaption): Promise<Blob | null> {
	const chart = getInstanceByDom(node);
	if (!chart) return null;
	const image = await loadImage(
		chart.getDataURL({ type: 'png', pixelRatio: SCALE, backgroundColor: '#ffffff' })
	);
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d');
	if (!context) return null;
	const width = image.width + 2 * PAD;
	const inner = width - 2 * PAD;
	const titleFont = `600 ${16 * SCALE}px ${FONT_FAMILY}`;
	const textFont = `${12 * SCALE}px ${FONT_FAMILY}`;
	const lineHeight = 17 * SCALE;

	context.font = titleFont;
	const title = wrap(context, caption.title, inner);
	context.font = textFont;
	const subtitle = caption.subtitle ? wrap(context, caption.subtitle, inner) : [];
	const notes = caption.notes.flatMap((note) => wrap(context, note, inner));
	// Legend entries flow into rows like words.
	const box = 10 * SCALE;
	const legendRows: { label: string; colour: string; x: number }[][] = [];
	let x = PAD;
	for (const item of caption.legend ?? []) {
		const itemWidth = box + 4 * SCALE + context.measureText(item.label).width;
		if (legendRows.length === 0 || (x > PAD && x + itemWidth > PAD + inner)) {
			legendRows.push([]);
			x = PAD;
		}
		legendRows.at(-1)!.push({ ...item, x });
		x += itemWidth + 12 * SCALE;
	}
	const top = PAD + (title.length + subtitle.length + legendRows.length) * lineHeight + PAD / 2;
	canvas.width = width;
	canvas.height = top + image.height + PAD / 2 + notes.length * lineHeight + PAD;

	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.textBaseline = 'top';
	let y = PAD;
	context.fillStyle = '#1e293b';
	context.font = titleFont;
	for (const line of title) {
		context.fillText(line, PAD, y);
		y += lineHeight;
	}
	context.fillStyle = '#475569';
	context.font = textFont;
	for (const line of subtitle) {
		context.fillText(line, PAD, y);
		y += lineHeight;
	}
	for (const row of legendRows) {
		for (const item of row) {
			context.fillStyle = item.colour;
			context.fillRect(item.x, y + 2 * SCALE, box, box);
			context.fillStyle = '#1e293b';
			context.fillText(item.label, item.x + box + 4 * SCALE, y);
		}
		y += lineHeight;
	}
	context.fillStyle = '#475569';
	context.drawImage(image, PAD, top);
	y = top + image.height + PAD / 2;
	for (const line of notes) {
		context.fillText(line, PAD, y);
		y += lineHeight;
	}
	return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Saves the chart in `node` as `fileName` (a `.png`). */
export async function downloadPng(
	node: HTMLElement,
	fileName: string,
	caption: PngCaption
): Promise<void> {
	const blob = await chartPng(node, caption);
	if (!blob) return;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
