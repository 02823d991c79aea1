/** Server settings, read once from the environment and checked at start-up. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's folder (the one with package.json), found from this module's own place: in the
 * source, under tsx and in `build/`. Default paths are relative to it, not to the current
 * folder, so the server and `npm run users`/`ingest`/`backup` open one database wherever they
 * are started from.
 */
export function appRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
		if (path.dirname(dir) === dir) return process.cwd();
	}
}

export interface Config {
	databasePath: string;
	datasetsDir: string;
	duckdbThreads: number;
	duckdbMemoryLimit: string;
	/** How many DuckDB calls may run at once: each holds one libuv worker thread. */
	maxConcurrentQueries: number;
	/** Rows of query answers kept for the current data version; 0 turns the cache off. */
	queryCacheRows: number;
	/** Original files of uploads, under generated names. */
	uploadsDir: string;
	/** Where backups are written (`npm run backup`); DuckDB may still write there after lock-down. */
	backupDir: string;
	/** Largest CSV accepted, in bytes (adapter-node's BODY_SIZE_LIMIT must be a little above). */
	uploadLimitBytes: number;
	/** When true, even reading the dashboards needs a login. */
	requireLogin: boolean;
}

function positiveInt(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) {
		throw new Error(`${name} must be a positive whole number, got "${raw}"`);
	}
	return value;
}

function wholeNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`${name} must be 0 or a positive whole number, got "${raw}"`);
	}
	return value;
}

export function readConfig(): Config {
	const root = appRoot();
	const databasePath = process.env.DATABASE_PATH
		? path.resolve(process.env.DATABASE_PATH)
		: path.join(root, 'data', 'koperasi.duckdb');
	return {
		databasePath,
		uploadsDir: path.resolve(
			process.env.UPLOADS_DIR || path.join(path.dirname(databasePath), 'uploads')
		),
		backupDir: path.resolve(
			process.env.BACKUP_DIR || path.join(path.dirname(databasePath), 'backups')
		),
		uploadLimitBytes: positiveInt('UPLOAD_LIMIT_BYTES', 50 * 1024 * 1024),
		requireLogin: process.env.REQUIRE_LOGIN === 'true' || process.env.REQUIRE_LOGIN === '1',
		datasetsDir: process.env.DATASETS_DIR
			? path.resolve(process.env.DATASETS_DIR)
			: path.join(root, 'datasets'),
		duckdbThreads: positiveInt('DUCKDB_THREADS', 2),
		duckdbMemoryLimit: process.env.DUCKDB_MEMORY_LIMIT || '2GB',
		maxConcurrentQueries: positiveInt('MAX_CONCURRENT_QUERIES', 3),
		queryCacheRows: wholeNumber('QUERY_CACHE_ROWS', 400_000)
	};
}
