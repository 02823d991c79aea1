/** Order statistics of timings: the machine is shared and noisy, so medians, never means. */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[rank]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export interface Timing {
	runs: number;
	p50: number;
	p95: number;
	min: number;
	max: number;
}

export function timing(values: readonly number[]): Timing {
	return {
		runs: values.length,
		p50: round(quantile(values, 0.5), 2),
		p95: round(quantile(values, 0.95), 2),
		min: round(Math.min(...values), 2),
		max: round(Math.max(...values), 2)
	};
}
