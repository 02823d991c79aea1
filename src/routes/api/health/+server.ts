import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const app = await getApp();
	const versions = await app.db.withConnection(async (c) => {
		const reader = await c.runAndReadAll(
			`SELECT jenis_data, count(*)::INTEGER, max(id)::INTEGER FROM versi_data
       WHERE dibatalkan_pada IS NULL GROUP BY jenis_data ORDER BY jenis_data`
		);
		return reader.getRows().map(([kind, count, latest]) => ({
			kind: String(kind),
			versions: Number(count),
			latest: Number(latest)
		}));
	});
	return json({ status: 'ok', regions: app.regions.length, datasets: versions });
};
