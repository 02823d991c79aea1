import { error } from '@sveltejs/kit';
import { decodeQueryRows } from '$lib/arrow/codec';
import { defaultPer, HEADLINE } from '$lib/catalogue/headline';
import { findIndicator, type Normalisation } from '$lib/catalogue/indicators';
import { readDataView } from '$lib/components/dashboard-view';
import { localeOf, t, type MessageKey } from '$lib/i18n';
import type { QueryRow } from '$lib/query/indicator-query';
import type { Region, RegionLevel } from '$lib/regions/region';
import type { PageLoad } from './$types';

/** One region as `/api/regions` sends it. */
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

function toRegion(r: ApiRegion): Region {
	return {
		code: r.code,
		bpsCode: r.bps_code,
		name: r.name,
		shortName: r.short_name,
		level: r.level,
		provinceCode: r.province_code,
		provinceName: r.province_name,
		population2025: r.population_2025,
		areaKm2: r.area_km2
	};
}

export const load: PageLoad = async ({ fetch, url }) => {
	const view = readDataView(url.searchParams);
	// Read only on failure, so switching language does not re-run the load.
	const fail = (status: number, key: MessageKey, values: Record<string, string | number>): never =>
		error(status, t(localeOf(url.searchParams), key, values));

	const asked = new Map<string, Promise<QueryRow[]>>();
	/** All years the database holds (the API's default range); the same question is asked once. */
	function query(indicator: string, per: Normalisation, codes: readonly string[]) {
		const key = `${indicator}|${per}|${codes.join(',')}`;
		const promise = asked.get(key) ?? fetchRows(indicator, per, codes);
		asked.set(key, promise);
		return promise;
	}
	async function fetchRows(indicator: string, per: Normalisation, codes: readonly string[]) {
		if (codes.length === 0) return [] as QueryRow[];
		const params = new URLSearchParams({
			indicator,
			regions: codes.join(','),
			per,
			format: 'arrow'
		});
		const response = await fetch(`/api/query?${params}`);
		if (!response.ok) fail(502, 'errorData', { status: response.status });
		return decodeQueryRows(await response.arrayBuffer());
	}

	const indicator = findIndicator(view.indicator);
	if (!indicator) return fail(400, 'errorUnknownIndicator', { id: view.indicator });
	const per = (view.per ?? defaultPer(indicator)) as Normalisation;
	if (!indicator.normalisations.includes(per)) fail(400, 'errorBadNormalisation', { per });

	const response = await fetch('/api/regions');
	if (!response.ok) fail(502, 'errorData', { status: response.status });
	const regions = ((await response.json()) as { regions: ApiRegion[] }).regions.map(toRegion);
	const byCode = new Map(regions.map((r) => [r.code, r]));
	const focus = byCode.get(view.focus) ?? fail(404, 'errorUnknownRegion', { code: view.focus });
	const benchmark =
		byCode.get(view.benchmark) ?? fail(404, 'errorUnknownRegion', { code: view.benchmark });

	const province = focus.level === 'provinsi' ? focus : byCode.get(focus.provinceCode);
	const ranked = regions.filter((r) => r.level === 'kabkota' && r.provinceCode === province?.code);
	const pair = [focus.code, benchmark.code];

	const [headline, trend, ranking] = await Promise.all([
		Promise.all(HEADLINE.map((item) => query(item.indicator, item.per, pair))),
		query(indicator.id, per, pair),
		query(
			indicator.id,
			per,
			ranked.map((r) => r.code)
		)
	]);

	return {
		regions,
		focus,
		benchmark,
		province,
		ranked,
		chart: { indicator: indicator.id, per, trend, ranking },
		headline
	};
};
