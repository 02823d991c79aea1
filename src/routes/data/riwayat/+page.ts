import { localeOf } from '$lib/i18n';
import { fetchVersions, VERSIONS_DEPENDENCY, type DatasetVersion } from '$lib/upload/api';
import { fetchRegions } from '$lib/regions/from-api';
import type { PageLoad } from './$types';

/** The versions (messages in the page's language) and region names for their changes. */
export const load: PageLoad = async ({ data, fetch, url, depends }) => {
	depends(VERSIONS_DEPENDENCY);
	const locale = localeOf(url.searchParams);
	const [versions, regions] = await Promise.allSettled([
		fetchVersions(fetch, locale),
		fetchRegions(fetch)
	]);
	return {
		...data,
		versions: versions.status === 'fulfilled' ? versions.value : ([] as DatasetVersion[]),
		loadError:
			versions.status === 'rejected'
				? versions.reason instanceof Error
					? versions.reason.message
					: String(versions.reason)
				: null,
		regionNames: new Map(
			regions.status === 'fulfilled' ? regions.value.map((r) => [r.code, r.name] as const) : []
		)
	};
};
