import { error } from '@sveltejs/kit';
import { decodeQueryRows } from '$lib/arrow/codec';
import { expandRegionSet } from '$lib/explorer/region-set';
import { DEFAULT_STATE, readDataState } from '$lib/explorer/url-state';
import { localeOf, t } from '$lib/i18n';
import type { Normalisation } from '$lib/catalogue/indicators';
import type { QueryRow } from '$lib/query/indicator-query';
import { regionsFromApi } from '$lib/regions/from-api';
import type { PageLoad } from './$types';

/**
 * Reads only the data parameters (indicators, normalisations, regions, focus, benchmark): picking,
 * switching views, years, sorting and searching are answered from the rows already here. Every
 * year the database holds is fetched, so the year range filters without a request.
 */
export const load: PageLoad = async ({ fetch, url }) => {
	const { state } = readDataState(url.searchParams);
	const fail = (status: number): never =>
		error(502, t(localeOf(url.searchParams), 'errorData', { status }));

	const response = await fetch('/api/regions');
	if (!response.ok) fail(response.status);
	const regions = regionsFromApi(await response.json());
	const byCode = new Map(regions.map((r) => [r.code, r]));

	const set = expandRegionSet(state.regions, regions);
	const unknown = [...set.unknown];
	const known = (code: string | null, fallback: string | null) => {
		if (code === null || byCode.has(code)) return code;
		unknown.push(code);
		return fallback;
	};
	const focus = known(state.focus, DEFAULT_STATE.focus)!;
	const benchmark = known(state.benchmark, null);
	const codes = [
		...new Set([...set.regions.map((r) => r.code), focus, ...(benchmark ? [benchmark] : [])])
	];

	async function query(indicator: string, per: Normalisation): Promise<QueryRow[]> {
		const params = new URLSearchParams({
			indicator,
			regions: codes.join(','),
			per,
			format: 'arrow'
		});
		const answer = await fetch(`/api/query?${params}`);
		if (!answer.ok) fail(answer.status);
		return decodeQueryRows(await answer.arrayBuffer());
	}
	const [rows, rowsY] = await Promise.all([
		query(state.indicator, state.per),
		query(state.indicatorY, state.perY)
	]);

	return {
		regions,
		/** The chosen set plus focus and benchmark, in code order of the set first. */
		codes,
		setCodes: set.regions.map((r) => r.code),
		focus,
		benchmark,
		rows,
		rowsY,
		unknown
	};
};
