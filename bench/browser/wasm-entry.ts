/**
 * The in-browser approach, as Evidence does it: DuckDB-WASM in a worker, the data fetched as
 * columnar files and loaded into tables, then the page's queries. Evidence uses Parquet; reading
 * Parquet needs DuckDB-WASM's parquet extension, which it fetches from extensions.duckdb.org at
 * run time (closed network here), so the same tables travel as Arrow IPC, which it reads natively.
 * Times are since navigation start.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import type { PageReport, PeerConfig } from './types';

declare global {
	interface Window {
		__bench?: PageReport;
	}
}

const marks: Record<string, number> = {};
const mark = (name: string) => (marks[name] = performance.now());

async function main(): Promise<PageReport> {
	const config = (await (await fetch('/config.json')).json()) as PeerConfig;
	const worker = new Worker('/wasm/duckdb-browser-eh.worker.js');
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	await db.instantiate('/wasm/duckdb-eh.wasm');
	mark('instantiated');
	const setup = await db.connect();
	const files = await Promise.all(
		config.tables.map(async (table) => new Uint8Array(await (await fetch(table.url)).arrayBuffer()))
	);
	mark('downloaded');
	for (const [i, table] of config.tables.entries()) {
		if (table.schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${table.schema}`);
		await setup.insertArrowFromIPCStream(files[i]!, {
			name: table.name,
			...(table.schema ? { schema: table.schema } : {})
		});
	}
	mark('loaded');
	let firstResult = 0;
	const rows = await Promise.all(
		config.queries.map(async (sql) => {
			const connection = await db.connect();
			const result = await connection.query(sql);
			firstResult ||= performance.now();
			await connection.close();
			return result.numRows;
		})
	);
	return { marks, firstResult, allResults: performance.now(), rows };
}

main().then(
	(report) => (window.__bench = report),
	(error: unknown) =>
		(window.__bench = { marks, firstResult: 0, allResults: 0, rows: [], error: String(error) })
);
