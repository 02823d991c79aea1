/**
 * The server's long-lived state: the database and the region list. Started once by the init hook;
 * every request handler reaches it through `getApp()`.
 */
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './duckdb/database';
import { reconcileLedger } from './duckdb/ledger';
import { migrate } from './duckdb/schema';
import { loadBundledIfEmpty } from './ingest/load-bundled';
import { readRegions } from './regions';
import { clearStaging, setAsideUnreferenced, stagingDirOf } from './ingest/uploads-folder';
import type { DatasetKind } from '$lib/catalogue/datasets';
import type { Region } from '$lib/regions/region';
import { createRegionResolver, type RegionResolver } from '$lib/regions/resolve-region';
import { Semaphore } from './duckdb/semaphore';
import { configureQueryCache, readDataYears } from './query/run-indicator-query';
import { KnownBrowsers, LoginThrottle } from './auth/throttle';

export interface AppContext {
	config: Config;
	db: Database;
	regions: Region[];
	regionByCode: Map<string, Region>;
	resolveRegion: RegionResolver;
	/** Uploads and undos run one at a time: DuckDB aborts concurrent conflicting writers. */
	writeLock: Semaphore;
	loginThrottle: LoginThrottle;
	knownBrowsers: KnownBrowsers;
}

let started: Promise<AppContext> | undefined;

async function start(): Promise<AppContext> {
	const config = readConfig();
	const began = performance.now();
	const db = await openDatabase({
		path: config.databasePath,
		threads: config.duckdbThreads,
		memoryLimit: config.duckdbMemoryLimit,
		maxConcurrent: config.maxConcurrentQueries,
		// The backup route exports there after lock-down, and uploads are read from their staged
		// copies; nothing else is reachable for DuckDB.
		writableDirectories: [config.backupDir, stagingDirOf(config.uploadsDir)],
		backupDir: config.backupDir
	});
	configureQueryCache(db, config.queryCacheRows);
	// This process owns the database file now; staged files of an upload cut short are orphans.
	clearStaging(config.uploadsDir);
	let loaded: boolean;
	let rows: number;
	let regions: Region[];
	try {
		({ loaded, rows } = await db.withConnection(async (connection) => {
			await migrate(connection);
			const bundled = await loadBundledIfEmpty(connection, config.datasetsDir);
			// The checks passed (openDatabase); record what a crash right after a COMMIT left out.
			const ledger = db.ledgerPath ? await reconcileLedger(connection, db.ledgerPath) : null;
			const strays = await setAsideUnreferenced(
				connection,
				config.uploadsDir,
				ledger?.files ?? new Set()
			);
			if (strays.length > 0)
				console.warn(
					`${strays.length} file(s) in ${config.uploadsDir} belong to no version and were never committed (an upload cut short); moved to .unreferenced/: ${strays.join(', ')}`
				);
			// Fold a WAL replayed after a crash into the file now, while nothing else runs.
			await connection.run('CHECKPOINT');
			return bundled;
		}));
		regions = await db.withConnection(readRegions);
		await db.lockDown();
	} catch (error) {
		db.close();
		throw error;
	}
	const ms = Math.round(performance.now() - began);
	console.info(
		loaded
			? `Database ${config.databasePath} created and loaded with ${rows} rows from ${config.datasetsDir} in ${ms} ms`
			: `Database ${config.databasePath} opened in ${ms} ms`
	);
	return {
		config,
		db,
		regions,
		regionByCode: new Map(regions.map((r) => [r.code, r])),
		resolveRegion: createRegionResolver(regions),
		writeLock: new Semaphore(1),
		loginThrottle: new LoginThrottle(),
		knownBrowsers: new KnownBrowsers()
	};
}

export function startApp(): Promise<AppContext> {
	started ??= start();
	return started;
}

export function getApp(): Promise<AppContext> {
	return startApp();
}

export async function stopApp(): Promise<void> {
	if (!started) return;
	const app = await started.catch(() => undefined);
	app?.db.close();
	started = undefined;
}

/** First and last year that any fact dataset holds, or that any of `kinds` holds. */
export async function dataYears(
	app: AppContext,
	kinds?: readonly DatasetKind[]
): Promise<{ from: number; to: number }> {
	const fallback = new Date().getFullYear();
	return (await readDataYears(app.db, kinds)) ?? { from: fallback, to: fallback };
}
