import { error, json } from '@sveltejs/kit';
import { ARROW_MIME } from '$lib/arrow/codec';
import { writeCsv } from '$lib/csv/write-csv';
import { findIndicator, indicatorDatasets } from '$lib/catalogue/indicators';
import { parseIndicatorQuery, QUERY_COLUMNS } from '$lib/query/indicator-query';
import { dataYears, getApp } from '$lib/server/app';
import { runIndicatorQuery, runIndicatorQueryArrow } from '$lib/server/query/run-indicator-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const app = await getApp();
	// Without from/to, the years of the datasets this indicator reads (not of every dataset).
	const asked = findIndicator(url.searchParams.get('indicator') ?? '');
	const kinds = asked ? indicatorDatasets(asked) : undefined;
	const parsed = parseIndicatorQuery(url.searchParams, await dataYears(app, kinds));
	if (!parsed.ok) error(400, parsed.error);
	const unknown = parsed.query.regions.find((code) => !app.regionByCode.has(code));
	if (unknown !== undefined) error(400, `Unknown region "${unknown}"`);

	if (parsed.format === 'arrow') {
		const bytes = await runIndicatorQueryArrow(app.db, parsed.query);
		return new Response(bytes, {
			headers: { 'Content-Type': ARROW_MIME, 'Cache-Control': 'no-store' }
		});
	}
	const rows = await runIndicatorQuery(app.db, parsed.query);
	const { indicator, per, from, to } = parsed.query;
	const meta = { indicator: indicator.id, unit: indicator.unit, per, from, to };
	if (parsed.format === 'csv') {
		const body = writeCsv(
			QUERY_COLUMNS,
			rows.map((row) => QUERY_COLUMNS.map((c) => row[c]))
		);
		return new Response(body, {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="${indicator.id}_${per}_${from}-${to}.csv"`
			}
		});
	}
	return json({ ...meta, columns: QUERY_COLUMNS, rows });
};
