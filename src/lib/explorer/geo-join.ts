/**
 * Boundary features meet regions on the Kemendagri code only: a name can be spelled many ways
 * ("Bekasi" is a regency and a city), a code names one region.
 */

/** The properties every feature in static/geo carries (see scripts/split-geo.mjs). */
export interface BoundaryProperties {
	kode: string;
	nama: string;
}

export interface BoundaryCollection {
	type: 'FeatureCollection';
	features: { type: 'Feature'; properties: BoundaryProperties; geometry: unknown }[];
}

export interface BoundaryJoin {
	/** Codes present in both. */
	matched: string[];
	/** Features whose code is no known region (a data error: never drawn with data). */
	unknownFeatures: string[];
	/** Regions without a boundary (drawn nowhere; listed beside the map). */
	regionsWithoutShape: string[];
}

export function joinBoundaries(
	featureCodes: readonly string[],
	regionCodes: readonly string[]
): BoundaryJoin {
	const features = new Set(featureCodes);
	const regions = new Set(regionCodes);
	return {
		matched: featureCodes.filter((code) => regions.has(code)),
		unknownFeatures: featureCodes.filter((code) => !regions.has(code)),
		regionsWithoutShape: regionCodes.filter((code) => !features.has(code))
	};
}

/** The boundary file of a map: all provinces, or the regencies/cities of one province. */
export function boundaryPath(province: string | null): `/geo/${string}.json` {
	return province === null ? '/geo/provinsi.json' : `/geo/kabkota/${province}.json`;
}

/**
 * Which map draws these regions: null for the provinces (when there are several provinces among
 * them, or no regencies/cities), else the province whose regencies/cities to draw: the focus
 * region's when it has some among them, else the one with most (ties: lowest code).
 */
export function mapProvince(
	regions: readonly { level: string; provinceCode: string }[],
	focusProvince: string | null = null
): string | null {
	const counts = new Map<string, number>();
	let provinces = 0;
	for (const r of regions) {
		if (r.level === 'kabkota') counts.set(r.provinceCode, (counts.get(r.provinceCode) ?? 0) + 1);
		else provinces++;
	}
	if (provinces > 1 || counts.size === 0) return null;
	if (focusProvince !== null && counts.has(focusProvince)) return focusProvince;
	let best: string | null = null;
	for (const [province, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
		if (best === null || count > counts.get(best)!) best = province;
	}
	return best;
}

/** Width over height of the features' bounding box (lon/lat degrees; near the equator). */
export function boundsAspect(collection: BoundaryCollection): number {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (value: unknown): void => {
		if (!Array.isArray(value)) return;
		if (typeof value[0] === 'number' && typeof value[1] === 'number') {
			minX = Math.min(minX, value[0]);
			maxX = Math.max(maxX, value[0]);
			minY = Math.min(minY, value[1]);
			maxY = Math.max(maxY, value[1]);
			return;
		}
		value.forEach(visit);
	};
	for (const f of collection.features) {
		visit((f.geometry as { coordinates?: unknown }).coordinates);
	}
	const height = maxY - minY;
	return height > 0 ? (maxX - minX) / height : 1;
}
