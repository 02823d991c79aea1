import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { rememberForVersion } from '$lib/server/query/run-indicator-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const app = await getApp();
	// Kept per data version like query answers: a health probe (the CLI waits 1.5 s for one) must
	// not queue behind readers for a DuckDB call when nothing has changed.
	const { versions } = await rememberForVersion(app.db, 'health|versions', async (c) => {
		const reader = await c.runAndReadAll(
			`SELECT jenis_data, count(*)::INTEGER, max(id)::INTEGER FROM versi_data
       WHERE dibatalkan_pada IS NULL GROUP BY jenis_data ORDER BY jenis_data`
		);
		const versions = reader.getRows().map(([kind, count, latest]) => ({
			kind: String(kind),
			versions: Number(count),
			latest: Number(latest)
		}));
		return { length: versions.length, versions };
	});
	return json({ status: 'ok', regions: app.regions.length, datasets: versions });
};
