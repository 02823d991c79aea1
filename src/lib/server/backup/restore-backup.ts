/**
 * Restores a backup into a new database file next to the current one, checks every table against
 * the manifest, and only then swaps it in. The file it replaces (and its WAL) are renamed aside,
 * never deleted: a restore is undone by renaming them back. The ledger (duckdb/ledger.ts) is
 * told which versions the restored file holds, so the next start expects exactly those.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { BackupError, readManifest, verifyFiles, type BackupManifest } from './manifest';
import { quoteName, quoteText, tableSignatures } from './signatures';
import {
	appendLedger,
	asLedgerVersion,
	ledgerPathOf,
	readStoredVersions,
	type LedgerVersion
} from '../duckdb/ledger';

export interface RestoreResult {
	databasePath: string;
	backupDir: string;
	/** Where the replaced database and WAL now are (empty when there was none). */
	movedAside: string[];
	tables: number;
	rows: number;
	ms: number;
}

/**
 * Whether another process holds the database file. Asked in a child process: opening a damaged
 * file can abort the process inside DuckDB, and a restore must still work for exactly that file.
 */
export function databaseInUse(databasePath: string): { inUse: boolean; detail: string } {
	if (!fs.existsSync(databasePath)) return { inUse: false, detail: 'no database file' };
	const api = pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;
	const probe = `
		const { DuckDBInstance } = await import(${JSON.stringify(api)});
		try {
			const instance = await DuckDBInstance.create(process.env.PROBE_PATH, { access_mode: 'READ_ONLY' });
			instance.closeSync();
			console.log('FREE');
		} catch (error) {
			console.log(/Could not set lock|Conflicting lock/.test(error.message) ? 'LOCKED' : 'UNREADABLE');
			console.log(error.message);
		}`;
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
		env: { ...process.env, PROBE_PATH: databasePath },
		encoding: 'utf8',
		timeout: 120_000
	});
	const [verdict, ...detail] = (result.stdout ?? '').trim().split('\n');
	return { inUse: verdict === 'LOCKED', detail: detail.join(' ') || verdict || 'no answer' };
}

function stamp(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

function removeDatabaseFiles(file: string): void {
	for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
}

async function loadInto(target: string, backupDir: string, manifest: BackupManifest) {
	const instance = await DuckDBInstance.create(target, {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const connection = await instance.connect();
	try {
		await connection.run('BEGIN TRANSACTION');
		await connection.run(fs.readFileSync(path.join(backupDir, 'schema.sql'), 'utf8'));
		for (const table of manifest.tables)
			await connection.run(
				`COPY ${quoteName(table.table)} FROM ${quoteText(path.join(backupDir, table.file))} (FORMAT parquet)`
			);
		await connection.run('COMMIT');
		const restored = await tableSignatures(connection);
		for (const expected of manifest.tables) {
			const actual = restored.find((s) => s.table === expected.table);
			if (!actual || actual.rows !== expected.rows || actual.checksum !== expected.checksum)
				throw new BackupError(
					`Table ${expected.table} restored as ${actual?.rows ?? 'nothing'} rows / checksum ${actual?.checksum ?? '-'}, ` +
						`but the manifest says ${expected.rows} rows / checksum ${expected.checksum}.`
				);
		}
		const extra = restored.filter((s) => !manifest.tables.some((t) => t.table === s.table));
		if (extra.length) throw new BackupError(`Unexpected tables: ${extra.map((s) => s.table)}`);
		await connection.run('CHECKPOINT');
		return [...(await readStoredVersions(connection)).values()].map(asLedgerVersion);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

export async function restoreBackup(options: {
	backupDir: string;
	databasePath: string;
	now?: Date;
}): Promise<RestoreResult> {
	const began = performance.now();
	const backupDir = path.resolve(options.backupDir);
	const databasePath = path.resolve(options.databasePath);
	const manifest = readManifest(backupDir);
	verifyFiles(backupDir, manifest);

	const use = databaseInUse(databasePath);
	if (use.inUse)
		throw new BackupError(
			`${databasePath} is open in another process (the server?). Stop it, then run the restore again. (${use.detail})`
		);

	fs.mkdirSync(path.dirname(databasePath), { recursive: true });
	const target = `${databasePath}.restoring`;
	removeDatabaseFiles(target);
	let versions: LedgerVersion[];
	try {
		versions = await loadInto(target, backupDir, manifest);
	} catch (error) {
		removeDatabaseFiles(target);
		throw error;
	}
	// From now on the ledger expects what the backup holds. Written before the swap: a crash in
	// between leaves the old file, whose versions the next start checks or records, not refuses.
	appendLedger(ledgerPathOf(databasePath), [
		{ op: 'restore', backup: path.basename(backupDir), versions, at: new Date().toISOString() }
	]);

	const movedAside: string[] = [];
	const aside = `${databasePath}.before-restore-${stamp(options.now ?? new Date())}`;
	if (fs.existsSync(databasePath)) {
		fs.renameSync(databasePath, aside);
		movedAside.push(aside);
	}
	if (fs.existsSync(`${databasePath}.wal`)) {
		fs.renameSync(`${databasePath}.wal`, `${aside}.wal`);
		movedAside.push(`${aside}.wal`);
	}
	fs.renameSync(target, databasePath);
	const dirFd = fs.openSync(path.dirname(databasePath), 'r');
	fs.fsyncSync(dirFd);
	fs.closeSync(dirFd);
	return {
		databasePath,
		backupDir,
		movedAside,
		tables: manifest.tables.length,
		rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
		ms: Math.round(performance.now() - began)
	};
}
