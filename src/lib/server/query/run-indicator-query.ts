/** Runs a compiled indicator query and returns plain rows, numbers as numbers. */
import { INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { IndicatorQuery, QueryRow } from '$lib/query/indicator-query';
import type { Database } from '../duckdb/database';
import { compileIndicatorQuery } from './compile-indicator-sql';

export async function runIndicatorQuery(db: Database, query: IndicatorQuery): Promise<QueryRow[]> {
	const { sql, params } = compileIndicatorQuery(query);
	return db.withConnection(async (connection) => {
		const reader = await connection.runAndReadAll(
			sql,
			{ regions: listValue(params.regions), from: params.from, to: params.to },
			{ regions: LIST(VARCHAR), from: INTEGER, to: INTEGER }
		);
		return reader.getRowObjectsJS().map((row) => ({
			region_code: String(row.region_code),
			region_name: String(row.region_name),
			region_level: String(row.region_level),
			year: Number(row.year),
			value: row.value === null ? null : Number(row.value),
			status: row.status as QueryRow['status'],
			sources: row.sources === null ? null : String(row.sources),
			population_year: row.population_year === null ? null : Number(row.population_year)
		}));
	});
}
