import { error } from '@sveltejs/kit';
import { findIndicator } from '$lib/catalogue/indicators';
import { localeOf, t } from '$lib/i18n';
import { getApp } from '$lib/server/app';
import { indicatorCoverage } from '$lib/server/query/indicator-coverage';
import type { PageServerLoad } from './$types';

/** One indicator's metadata comes from the catalogue; its coverage from the database. */
export const load: PageServerLoad = async ({ params, url }) => {
	const indicator = findIndicator(params.id);
	if (!indicator)
		error(404, t(localeOf(url.searchParams), 'errorUnknownIndicator', { id: params.id }));
	const app = await getApp();
	return { id: indicator.id, coverage: await indicatorCoverage(app, indicator) };
};
