/**
 * Sparkline geometry for an inline SVG: drawn on the server, so the cards' trends are there in
 * the first view and in print without waiting for the chart library. All lines share one scale.
 */

export interface SparkPoint {
	x: number;
	y: number;
	value: number;
	index: number;
}

export interface SparkLine {
	/** SVG path data; a missing year breaks the line. */
	d: string;
	points: SparkPoint[];
	/** Points with no neighbour to join (drawn as dots, else they would not show). */
	lonely: SparkPoint[];
}

export interface SparklineInput {
	/** One array per line, one value per year; all the same length. */
	lines: readonly (readonly (number | null)[])[];
	width: number;
	height: number;
	/** Room kept free around the plot so dots and strokes are not clipped. */
	inset?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function sparkline({ lines, width, height, inset = 3 }: SparklineInput): SparkLine[] {
	const figures = lines.flat().filter((v): v is number => v !== null && Number.isFinite(v));
	const length = Math.max(0, ...lines.map((l) => l.length));
	const min = Math.min(...figures);
	const max = Math.max(...figures);
	const x = (i: number) =>
		round(length < 2 ? width / 2 : inset + (i * (width - 2 * inset)) / (length - 1));
	// A flat trend sits in the middle rather than on an edge.
	const y = (v: number) =>
		round(
			max === min ? height / 2 : height - inset - ((v - min) * (height - 2 * inset)) / (max - min)
		);

	return lines.map((values) => {
		const points: SparkPoint[] = [];
		const lonely: SparkPoint[] = [];
		let d = '';
		values.forEach((value, index) => {
			if (value === null || !Number.isFinite(value)) return;
			const point = { x: x(index), y: y(value), value, index };
			const joined = index > 0 && values[index - 1] !== null && Number.isFinite(values[index - 1]);
			d += `${joined ? 'L' : 'M'}${point.x} ${point.y}`;
			const next = values[index + 1];
			if (!joined && (next === null || next === undefined || !Number.isFinite(next))) {
				lonely.push(point);
			}
			points.push(point);
		});
		return { d, points, lonely };
	});
}
