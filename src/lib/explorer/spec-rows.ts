/** Test fixture (only specs import this module): API rows as /api/query answers them. */
import type { QueryRow } from '$lib/query/indicator-query';

export function row(code: string, name: string, year: number, value: number | null): QueryRow {
	return {
		region_code: code,
		region_name: name,
		region_level: code.includes('.') ? 'kabkota' : 'provinsi',
		year,
		value,
		status: value === null ? null : 'estimasi',
		sources: value === null ? null : 'estimasi: interpolasi',
		population_year: null
	};
}
