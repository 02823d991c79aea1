/** The region list as `GET /api/regions` sends it (snake_case JSON) → the app's Region type. */
import type { Region, RegionLevel } from '$lib/regions/region';

interface ApiRegion {
	code: string;
	bps_code: string | null;
	name: string;
	short_name: string;
	level: RegionLevel;
	province_code: string;
	province_name: string;
	population_2025: number;
	area_km2: number | null;
}

function isApiRegion(value: unknown): value is ApiRegion {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.code === 'string' &&
		(r.bps_code === null || typeof r.bps_code === 'string') &&
		typeof r.name === 'string' &&
		typeof r.short_name === 'string' &&
		(r.level === 'provinsi' || r.level === 'kabkota') &&
		typeof r.province_code === 'string' &&
		typeof r.province_name === 'string' &&
		typeof r.population_2025 === 'number' &&
		(r.area_km2 === null || typeof r.area_km2 === 'number')
	);
}

/** Throws on a body of another shape: validating against a wrong list would mislead. */
export function regionsFromApi(body: unknown): Region[] {
	const list = (body as { regions?: unknown } | null)?.regions;
	if (!Array.isArray(list)) throw new Error('The region list has no "regions" array');
	return list.map((item, i) => {
		if (!isApiRegion(item)) throw new Error(`Region ${i} of the region list is malformed`);
		return {
			code: item.code,
			bpsCode: item.bps_code,
			name: item.name,
			shortName: item.short_name,
			level: item.level,
			provinceCode: item.province_code,
			provinceName: item.province_name,
			population2025: item.population_2025,
			areaKm2: item.area_km2
		};
	});
}

/** `fetch` is the caller's: in a load function it must be the one SvelteKit passes in. */
export async function fetchRegions(fetcher: typeof fetch): Promise<Region[]> {
	const response = await fetcher('/api/regions');
	if (!response.ok) throw new Error(`GET /api/regions answered ${response.status}`);
	return regionsFromApi(await response.json());
}

/** Code → official name, for showing changes by region. */
export function regionNameMap(regions: readonly Region[]): ReadonlyMap<string, string> {
	return new Map(regions.map((r) => [r.code, r.name]));
}
