export type RegionLevel = 'provinsi' | 'kabkota';

/** A Kemendagri region. The dotted Kemendagri code is the key everywhere in the product. */
export interface Region {
	code: string;
	bpsCode: string | null;
	name: string;
	shortName: string;
	level: RegionLevel;
	provinceCode: string;
	provinceName: string;
	population2025: number;
	areaKm2: number | null;
}

/** `11` < `11.01` < `11.02` < `12`: numeric order of each dotted part. */
export function compareRegionCodes(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d !== 0) return d;
	}
	return 0;
}

export const KEMENDAGRI_CODE = /^\d{2}(\.\d{2})?$/;
export const BPS_KABKOTA_CODE = /^\d{4}$/;
