/**
 * Class breaks for a choropleth: quantiles (about as many regions in each class), rounded to a few
 * significant digits so the legend reads well. The legend and the colours use the same rounded
 * breaks, so a region's colour always matches the legend row it falls in.
 */

/** Light to dark green (ColorBrewer YlGn): safe for the common colour-vision deficiencies. */
export const MAP_PALETTE = ['#d9f0a3', '#addd8e', '#78c679', '#31a354', '#006837'] as const;
/** A region in the set without a figure. */
export const NO_DATA_COLOUR = '#cbd5e1';
/** A region drawn for context but not in the chosen set. */
export const OUTSIDE_COLOUR = '#f8fafc';

function roundSignificant(value: number, digits: number): number {
	if (value === 0) return 0;
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	const factor = 10 ** (digits - 1 - magnitude);
	return Math.round(value * factor) / factor;
}

function quantile(sorted: readonly number[], p: number): number {
	const position = (sorted.length - 1) * p;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * Upper bounds of every class but the last (so `classes - 1` breaks at most), strictly increasing
 * and strictly inside the range of the values. Fewer distinct values give fewer classes.
 */
export function classBreaks(values: readonly number[], classes = MAP_PALETTE.length): number[] {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length < 2 || sorted[0] === sorted.at(-1)) return [];
	const min = sorted[0]!;
	const max = sorted.at(-1)!;
	const raw = Array.from({ length: classes - 1 }, (_, i) => quantile(sorted, (i + 1) / classes));
	for (let digits = 2; digits <= 15; digits++) {
		const rounded = [...new Set(raw.map((b) => roundSignificant(b, digits)))].filter(
			(b) => b >= min && b < max
		);
		// Rounding may merge two breaks; more digits keep the classes apart where the data allows.
		const distinctRaw = new Set(raw.filter((b) => b >= min && b < max)).size;
		if (rounded.length >= distinctRaw || digits === 15) return rounded.sort((a, b) => a - b);
	}
	return [];
}

/** The class of a value: 0 for ≤ the first break, breaks.length for > the last. */
export function classOf(value: number, breaks: readonly number[]): number {
	const index = breaks.findIndex((b) => value <= b);
	return index === -1 ? breaks.length : index;
}

/** The palette colours for this many classes, spread over the full light-to-dark range. */
export function classColours(count: number): string[] {
	if (count <= 1) return [MAP_PALETTE[2]];
	const last = MAP_PALETTE.length - 1;
	return Array.from(
		{ length: count },
		(_, i) => MAP_PALETTE[Math.round((i * last) / (count - 1))]!
	);
}

export interface LegendClass {
	/** `≤ 10`, `10 – 20`, `> 20` (upper bounds included, as classOf counts them). */
	label: string;
	colour: string;
}

/** Legend rows, one per class; `range` names the single class when there are no breaks. */
export function legendClasses(
	breaks: readonly number[],
	format: (value: number) => string,
	range: { min: number; max: number }
): LegendClass[] {
	const colours = classColours(breaks.length + 1);
	if (breaks.length === 0) {
		const label =
			range.min === range.max ? format(range.min) : `${format(range.min)} – ${format(range.max)}`;
		return [{ label, colour: colours[0]! }];
	}
	return colours.map((colour, i) => {
		if (i === 0) return { label: `≤ ${format(breaks[0]!)}`, colour };
		if (i === breaks.length) return { label: `> ${format(breaks[i - 1]!)}`, colour };
		return { label: `${format(breaks[i - 1]!)} – ${format(breaks[i]!)}`, colour };
	});
}
