/**
 * Opens the database for a command-line tool, exactly as the server would at start-up. DuckDB
 * allows one writing process, so while the server runs this fails with a message saying so.
 */
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './duckdb/database';
import { reconcileLedger } from './duckdb/ledger';
import { migrate } from './duckdb/schema';
import { loadBundledIfEmpty } from './ingest/load-bundled';

export async function openForCli(): Promise<{ db: Database; config: Config }> {
	const config = readConfig();
	const db = await openDatabase({
		path: config.databasePath,
		threads: config.duckdbThreads,
		memoryLimit: config.duckdbMemoryLimit,
		maxConcurrent: 1,
		backupDir: config.backupDir
	});
	await db.withConnection(async (c) => {
		await migrate(c);
		await loadBundledIfEmpty(c, config.datasetsDir);
		if (db.ledgerPath) await reconcileLedger(c, db.ledgerPath);
	});
	return { db, config };
}
