import type { ChartOption } from './types';

function numericValue(item: unknown): unknown {
	if (Array.isArray(item)) return item[item.length - 1];
	if (item !== null && typeof item === 'object' && 'value' in item) return numericValue(item.value);
	return item;
}

/** How many data points an option draws: finite numbers in its series data. */
export function countPoints(option: ChartOption): number {
	const series = option.series === undefined ? [] : [option.series].flat();
	let count = 0;
	for (const s of series) {
		const data: unknown = (s as { data?: unknown }).data;
		if (!Array.isArray(data)) continue;
		for (const item of data) {
			const value = numericValue(item);
			if (typeof value === 'number' && Number.isFinite(value)) count++;
		}
	}
	return count;
}
