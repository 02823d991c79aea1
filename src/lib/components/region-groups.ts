import type { Region } from '$lib/regions/region';

export interface ProvinceGroup {
	province: string;
	regions: Region[];
}

const fold = (text: string) =>
	text
		.toLocaleLowerCase('id-ID')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');

/** Regions whose name, province name or code prefix matches the typed text. */
export function searchRegions(regions: readonly Region[], query: string): readonly Region[] {
	const needle = fold(query.trim());
	if (needle === '') return regions;
	return regions.filter(
		(r) =>
			fold(r.name).includes(needle) ||
			fold(r.provinceName).includes(needle) ||
			r.code.startsWith(needle)
	);
}

/** Regions grouped by province in list order, keeping only `shown` codes (plus `always`). */
export function groupByProvince(
	regions: readonly Region[],
	shown: readonly Region[],
	always: string
): ProvinceGroup[] {
	const keep = new Set(shown.map((r) => r.code));
	keep.add(always);
	const groups = new Map<string, ProvinceGroup>();
	for (const region of regions) {
		if (!keep.has(region.code)) continue;
		const group = groups.get(region.provinceCode) ?? { province: region.provinceName, regions: [] };
		group.regions.push(region);
		groups.set(region.provinceCode, group);
	}
	return [...groups.values()];
}

/** `Kabupaten Bandung Barat` → `Kab. Bandung Barat`, for narrow chart axes. */
export function compactRegionName(name: string): string {
	return name.replace(/^Kabupaten /, 'Kab. ').replace(/^Kota Administrasi /, 'Kota Adm. ');
}
