/** Crafted query rows for the summary specs (not shipped: only specs import this module). */
import { findIndicator, type Indicator } from '$lib/catalogue/indicators';
import type { QueryRow } from '$lib/query/indicator-query';

/** `{ '32.16': { 2023: 10, 2024: 12 } }` → one row per region and year. */
export function rows(values: Record<string, Record<number, number | null>>): QueryRow[] {
	return Object.entries(values).flatMap(([code, byYear]) =>
		Object.entries(byYear).map(([year, value]) => ({
			region_code: code,
			region_name: code,
			region_level: code.includes('.') ? 'kabkota' : 'provinsi',
			year: Number(year),
			value,
			status: value === null ? null : ('estimasi' as const),
			sources: value === null ? null : `sumber ${code}`,
			population_year: null
		}))
	);
}

export function indicator(id: string): Indicator {
	const found = findIndicator(id);
	if (!found) throw new Error(`No indicator ${id}`);
	return found;
}
