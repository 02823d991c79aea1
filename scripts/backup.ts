/**
 * A consistent backup of the database, with a manifest (row counts, checksums, dataset versions):
 *   npm run backup
 * While the server runs it owns the database file, so the server writes the backup (set
 * KOPERASI_TOKEN to an admin's API token; KOPERASI_URL defaults to http://127.0.0.1:$PORT).
 * Otherwise the file is opened directly. Either way the backup lands in BACKUP_DIR
 * (default: `backups/` next to the database); the last line printed is the backup's folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '$lib/server/config';
import { openDatabase } from '$lib/server/duckdb/database';
import { writeBackup } from '$lib/server/backup/write-backup';

interface Summary {
	/** The backup's folder in BACKUP_DIR. */
	name: string;
	ms: number;
	tables: { table: string; rows: number }[];
}

function print(summary: Summary, backupDir: string): void {
	for (const t of summary.tables) console.log(`  ${t.table.padEnd(20)} ${t.rows} rows`);
	const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
	console.log(`Backup written in ${summary.ms} ms: ${summary.tables.length} tables, ${rows} rows.`);
	console.log(path.join(backupDir, summary.name));
}

async function serverUrl(): Promise<string | null> {
	const url = process.env.KOPERASI_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
	try {
		const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1500) });
		return response.ok ? url : null;
	} catch {
		return null;
	}
}

async function viaServer(url: string): Promise<number> {
	const token = process.env.KOPERASI_TOKEN;
	if (!token) {
		console.error(
			`The server at ${url} is running and owns the database file, so the backup must be made by it.\n` +
				'Set KOPERASI_TOKEN to an admin API token (npm run users -- token NAME), or stop the server first.'
		);
		return 3;
	}
	const response = await fetch(`${url}/api/admin/backup?lang=en`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}` }
	});
	const body = (await response.json().catch(() => ({}))) as Partial<Summary> & {
		message?: string;
		requestId?: string;
	};
	if (response.status !== 201 || !body.name || !body.tables) {
		const id = body.requestId ?? response.headers.get('x-request-id');
		console.error(
			`The server refused the backup (${response.status}): ${body.message ?? ''} [request ${id}]`
		);
		return 1;
	}
	// The server answers the folder's name; BACKUP_DIR is the same setting on this machine.
	print(body as Summary, readConfig().backupDir);
	return 0;
}

async function direct(): Promise<number> {
	const config = readConfig();
	if (!fs.existsSync(config.databasePath)) {
		console.error(`There is no database at ${config.databasePath} (DATABASE_PATH) to back up.`);
		return 1;
	}
	const db = await openDatabase({
		path: config.databasePath,
		threads: config.duckdbThreads,
		memoryLimit: config.duckdbMemoryLimit,
		maxConcurrent: 1,
		backupDir: config.backupDir
	});
	try {
		const { dir, manifest, ms } = await db.withConnection((c) =>
			writeBackup(c, { root: config.backupDir, databasePath: config.databasePath })
		);
		print({ name: path.basename(dir), ms, tables: manifest.tables }, config.backupDir);
		return 0;
	} finally {
		db.close();
	}
}

async function main() {
	const url = await serverUrl();
	process.exitCode = url ? await viaServer(url) : await direct();
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
