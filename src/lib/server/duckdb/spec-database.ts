/**
 * For specs: a database file of the current schema in a temp folder of its own, optionally with
 * bundled datasets loaded as at a first start. Small settings, so that several run side by side.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBundledIfEmpty } from '../ingest/load-bundled';
import { openDatabase, type Database } from './database';
import { migrate } from './schema';

export interface SpecDatabase {
	dir: string;
	db: Database;
	/** Closes the database and removes the folder. */
	dispose(): void;
}

export async function openSpecDatabase(
	prefix: string,
	options: { maxConcurrent?: number; datasets?: Record<string, string> } = {}
): Promise<SpecDatabase> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `koperasi-${prefix}-`));
	const db = await openDatabase({
		path: path.join(dir, 'koperasi.duckdb'),
		threads: 1,
		memoryLimit: '256MB',
		maxConcurrent: options.maxConcurrent ?? 1
	});
	const datasets = options.datasets;
	await db.withConnection(async (c) => {
		await migrate(c);
		if (!datasets) return;
		const datasetsDir = path.join(dir, 'datasets');
		fs.mkdirSync(datasetsDir);
		for (const [name, text] of Object.entries(datasets))
			fs.writeFileSync(path.join(datasetsDir, name), text.endsWith('\n') ? text : `${text}\n`);
		await loadBundledIfEmpty(c, datasetsDir);
	});
	return {
		dir,
		db,
		dispose() {
			db.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
