/** Boundary files, fetched once per page session (the browser also caches them). */
import { asset } from '$app/paths';
import { boundaryPath, type BoundaryCollection } from '$lib/explorer/geo-join';

const loaded = new Map<string, Promise<BoundaryCollection>>();

export function loadBoundaries(province: string | null): Promise<BoundaryCollection> {
	const path = boundaryPath(province);
	let pending = loaded.get(path);
	if (!pending) {
		pending = fetch(asset(path)).then((response) => {
			if (!response.ok) throw new Error(`${path}: ${response.status}`);
			return response.json() as Promise<BoundaryCollection>;
		});
		pending.catch(() => loaded.delete(path));
		loaded.set(path, pending);
	}
	return pending;
}

/** The name a boundary file is registered under in ECharts. */
export function mapName(province: string | null): string {
	return province === null ? 'id-provinsi' : `id-kabkota-${province}`;
}
