/**
 * The region list, packed by column for the page's first HTML: 552 regions as objects would be
 * its largest part (keys repeated 552 times). Unpacking gives back exactly the same regions.
 */
import type { Region, RegionLevel } from '$lib/regions/region';

export interface RegionColumns {
	code: string[];
	bpsCode: (string | null)[];
	name: string[];
	/** Empty where the short name is the name. */
	shortName: string[];
	level: RegionLevel[];
	/** Index into `provinces`. */
	province: number[];
	provinces: { code: string; name: string }[];
	population2025: number[];
	areaKm2: (number | null)[];
}

export function packRegions(regions: readonly Region[]): RegionColumns {
	const provinces: RegionColumns['provinces'] = [];
	const index = new Map<string, number>();
	const provinceOf = (r: Region) => {
		const key = `${r.provinceCode}\u0000${r.provinceName}`;
		let i = index.get(key);
		if (i === undefined) {
			i = provinces.push({ code: r.provinceCode, name: r.provinceName }) - 1;
			index.set(key, i);
		}
		return i;
	};
	return {
		code: regions.map((r) => r.code),
		bpsCode: regions.map((r) => r.bpsCode),
		name: regions.map((r) => r.name),
		shortName: regions.map((r) => (r.shortName === r.name ? '' : r.shortName)),
		level: regions.map((r) => r.level),
		province: regions.map(provinceOf),
		provinces,
		population2025: regions.map((r) => r.population2025),
		areaKm2: regions.map((r) => r.areaKm2)
	};
}

export function unpackRegions(columns: RegionColumns): Region[] {
	return columns.code.map((code, i) => {
		const province = columns.provinces[columns.province[i]!]!;
		const name = columns.name[i]!;
		return {
			code,
			bpsCode: columns.bpsCode[i] ?? null,
			name,
			shortName: columns.shortName[i] || name,
			level: columns.level[i]!,
			provinceCode: province.code,
			provinceName: province.name,
			population2025: columns.population2025[i]!,
			areaKm2: columns.areaKm2[i] ?? null
		};
	});
}
