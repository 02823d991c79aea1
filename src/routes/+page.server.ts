import { getApp } from '$lib/server/app';
import { packRegions } from '$lib/summary/region-columns';
import type { PageServerLoad } from './$types';

/**
 * The region list for the selects and the peer groups: the list `/api/regions` serves, packed by
 * column so the first HTML carries a third of its weight. Reads no URL: it runs once per visit.
 */
export const load: PageServerLoad = async () => {
	const app = await getApp();
	return { regionColumns: packRegions(app.regions) };
};
