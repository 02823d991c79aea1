import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ setHeaders }) => {
	const app = await getApp();
	setHeaders({ 'Cache-Control': 'public, max-age=3600' });
	return json({
		regions: app.regions.map((r) => ({
			code: r.code,
			bps_code: r.bpsCode,
			name: r.name,
			short_name: r.shortName,
			level: r.level,
			province_code: r.provinceCode,
			province_name: r.provinceName,
			population_2025: r.population2025,
			area_km2: r.areaKm2
		}))
	});
};
