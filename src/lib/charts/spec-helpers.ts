/** Test helpers for option specs (not shipped: only specs import this module). */
import type { ChartOption } from './types';

/** Every string anywhere in an option, so a spec can show no HTML was assembled from data. */
export function stringsIn(value: unknown, found: string[] = []): string[] {
	if (typeof value === 'string') found.push(value);
	else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, found));
	else if (value !== null && typeof value === 'object')
		Object.values(value).forEach((v) => stringsIn(v, found));
	return found;
}

export function seriesOf(option: ChartOption): Record<string, unknown>[] {
	return [option.series ?? []].flat() as Record<string, unknown>[];
}

export const HOSTILE_NAME = '<img src=x onerror="alert(1)">';
