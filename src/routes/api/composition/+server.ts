import { error, json } from '@sveltejs/kit';
import { dataYears, getApp } from '$lib/server/app';
import { parseCompositionQuery, runCompositionQuery } from '$lib/server/query/composition';
import type { RequestHandler } from './$types';

/** A fact by its breakdown column (cooperative type, business category), per region and year. */
export const GET: RequestHandler = async ({ url }) => {
	const app = await getApp();
	const parsed = parseCompositionQuery(url.searchParams, await dataYears(app));
	if (!parsed.ok) error(400, parsed.error);
	const unknown = parsed.query.regions.find((code) => !app.regionByCode.has(code));
	if (unknown !== undefined) error(400, `Unknown region "${unknown}"`);

	const rows = await runCompositionQuery(app.db, parsed.query);
	const { dataset, dimension, fact, from, to } = parsed.query;
	return json(
		{ dataset, dimension, fact, from, to, rows },
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
