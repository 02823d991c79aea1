/**
 * DuckDB on its own: the SQL the API runs for a request, run on a copy of the same database with
 * the same settings, no HTTP, no JavaScript rows, no Arrow. Works with the checkout under test,
 * whatever its query modules look like, so that a baseline run of older code measures the same.
 */
import {
	DuckDBInstance,
	INTEGER,
	LIST,
	VARCHAR,
	listValue,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import { parseIndicatorQuery } from '$lib/query/indicator-query';
import { compileIndicatorQuery } from '$lib/server/query/compile-indicator-sql';

export interface DirectQuery {
	sql: string;
	values: Record<string, DuckDBValue>;
	types: Record<string, DuckDBType>;
	/** The same SQL with the values written in, for DuckDB-WASM (positional binding only). */
	literal: string;
}

interface SummaryModule {
	buildSummaries(
		connection: DuckDBConnection,
		current: string | null
	): Promise<{ years: { from: number; to: number } | null } | null>;
}

interface CompositionModule {
	parseCompositionQuery(
		params: URLSearchParams,
		defaults: { from: number; to: number }
	): { ok: true; query: { regions: string[]; from: number; to: number } } | { ok: false };
	compileCompositionQuery(query: object): string;
}

function literal(sql: string, values: Record<string, string | number | string[]>): string {
	return sql.replace(/\$([a-z_]+)\b/g, (whole, name: string) => {
		const value = values[name];
		if (value === undefined) return whole;
		const text = (v: string) => `'${v.replace(/'/g, "''")}'`;
		if (Array.isArray(value)) return `[${value.map(text).join(', ')}]`;
		return typeof value === 'number' ? String(value) : text(value);
	});
}

export interface Direct {
	/** The SQL behind an API request, or null for endpoints that run none (regions, catalogue). */
	queryFor(url: string): DirectQuery | null;
	run(query: DirectQuery): Promise<number>;
	/** Summary tables exist (the checkout has them): export them for the in-browser peer too. */
	summaries: boolean;
	connection: DuckDBConnection;
	close(): void;
}

export async function openDirect(databasePath: string): Promise<Direct> {
	const instance = await DuckDBInstance.create(databasePath, { threads: '2', memory_limit: '2GB' });
	const connection = await instance.connect();
	const summaries = (await import('$lib/server/query/summary-tables' as string).catch(
		() => null
	)) as SummaryModule | null;
	const composition = (await import('$lib/server/query/composition' as string).catch(
		() => null
	)) as CompositionModule | null;
	let years = summaries
		? ((await summaries.buildSummaries(connection, null))?.years ?? null)
		: null;
	if (!years) {
		const reader =
			await connection.runAndReadAll(`SELECT min(tahun)::INTEGER, max(tahun)::INTEGER FROM (
      SELECT tahun FROM koperasi WHERE diganti_oleh IS NULL
      UNION ALL SELECT tahun FROM pembiayaan WHERE diganti_oleh IS NULL
      UNION ALL SELECT tahun FROM jangkauan_pasar WHERE diganti_oleh IS NULL)`);
		const [from, to] = reader.getRows()[0] ?? [];
		years = { from: Number(from), to: Number(to) };
	}
	const defaults = years;
	return {
		summaries: summaries !== null,
		connection,
		queryFor(url): DirectQuery | null {
			const { pathname, searchParams } = new URL(url, 'http://x');
			if (pathname === '/api/query') {
				const parsed = parseIndicatorQuery(searchParams, defaults);
				if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`);
				const { sql, params } = compileIndicatorQuery(parsed.query);
				const query: DirectQuery = {
					sql,
					values: { regions: listValue(params.regions), from: params.from, to: params.to },
					types: { regions: LIST(VARCHAR), from: INTEGER, to: INTEGER },
					literal: literal(sql, params)
				};
				return query;
			}
			if (pathname === '/api/composition' && composition) {
				const parsed = composition.parseCompositionQuery(searchParams, defaults);
				if (!parsed.ok) throw new Error(`${url}: cannot parse`);
				const { regions, from, to } = parsed.query;
				const sql = composition.compileCompositionQuery(parsed.query);
				const query: DirectQuery = {
					sql,
					values: { regions: listValue(regions), from, to, all: 'semua' },
					types: { regions: LIST(VARCHAR), from: INTEGER, to: INTEGER, all: VARCHAR },
					literal: literal(sql, { regions, from, to, all: 'semua' })
				};
				return query;
			}
			return null;
		},
		async run(query) {
			const reader = await connection.runAndReadAll(query.sql, query.values, query.types);
			return reader.currentRowCount;
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}
