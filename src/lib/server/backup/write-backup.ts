/**
 * A consistent backup while the server keeps serving: `EXPORT DATABASE` to Parquet and the table
 * signatures are read in one transaction, i.e. from one snapshot, so uploads committing meanwhile are
 * either wholly in the backup or wholly out of it. Every Parquet file is then read back and must
 * match the live table's signature before the folder gets its final name.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
	BackupError,
	describeFile,
	MANIFEST_FILE,
	MANIFEST_FORMAT,
	PARTIAL_SUFFIX,
	type BackupDatasetVersion,
	type BackupManifest,
	type BackupTable
} from './manifest';
import { quoteText, signatureOf, tableSignatures, type TableSignature } from './signatures';
import { Semaphore } from '../duckdb/semaphore';

export interface BackupResult {
	dir: string;
	manifest: BackupManifest;
	ms: number;
}

/** One backup at a time per process: two exports would only compete for the same disk. */
const oneAtATime = new Semaphore(1);

function stamp(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

/** `COPY main.t FROM '…/t.parquet' (FORMAT 'parquet');` lines → table name and file name. */
export function parseLoadSql(text: string): { table: string; file: string }[] {
	const entries: { table: string; file: string }[] = [];
	for (const match of text.matchAll(/^COPY\s+(\S+)\s+FROM\s+'((?:[^']|'')*)'/gm)) {
		const table = match[1]!.split('.').at(-1)!.replace(/^"|"$/g, '').replace(/""/g, '"');
		entries.push({ table, file: path.basename(match[2]!.replace(/''/g, "'")) });
	}
	return entries;
}

async function readDatasetVersions(c: DuckDBConnection): Promise<BackupDatasetVersion[]> {
	const reader = await c.runAndReadAll(
		`SELECT id, jenis_data, mode, jumlah_baris, nama_berkas, sha256,
        strftime(waktu AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'),
        strftime(dibatalkan_pada AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')
     FROM versi_data ORDER BY id`
	);
	return reader.getRows().map(([id, kind, mode, rows, fileName, sha256, at, revertedAt]) => ({
		id: Number(id),
		kind: String(kind),
		mode: String(mode),
		rows: Number(rows),
		file_name: fileName === null ? null : String(fileName),
		sha256: sha256 === null ? null : String(sha256),
		at: String(at),
		reverted_at: revertedAt === null ? null : String(revertedAt)
	}));
}

async function scalar(c: DuckDBConnection, sql: string): Promise<string | null> {
	try {
		const value = (await c.runAndReadAll(sql)).getRows()[0]?.[0];
		return value === undefined || value === null ? null : String(value);
	} catch {
		return null;
	}
}

function fsyncPath(target: string): void {
	const fd = fs.openSync(target, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Writes `<root>/koperasi-<UTC time>-<random>/` with one Parquet file per table, DuckDB's
 * schema.sql and load.sql, and manifest.json. `databasePath` is only recorded in the manifest.
 */
export async function writeBackup(
	connection: DuckDBConnection,
	options: { root: string; databasePath: string; now?: Date }
): Promise<BackupResult> {
	const release = await oneAtATime.acquire();
	const began = performance.now();
	try {
		const now = options.now ?? new Date();
		fs.mkdirSync(options.root, { recursive: true, mode: 0o700 });
		const name = `koperasi-${stamp(now)}-${randomBytes(3).toString('hex')}`;
		const partial = path.join(options.root, name + PARTIAL_SUFFIX);
		let manifest: BackupManifest;
		try {
			manifest = await exportInto(connection, partial, now, options.databasePath);
		} catch (error) {
			// Only our own unfinished folder goes: the database and other backups are never touched.
			fs.rmSync(partial, { recursive: true, force: true });
			throw error;
		}
		const dir = path.join(options.root, name);
		fs.renameSync(partial, dir);
		fsyncPath(options.root);
		return { dir, manifest, ms: Math.round(performance.now() - began) };
	} finally {
		release();
	}
}

async function exportInto(
	connection: DuckDBConnection,
	partial: string,
	now: Date,
	databasePath: string
): Promise<BackupManifest> {
	let signatures: TableSignature[];
	let datasets: BackupDatasetVersion[];
	await connection.run('BEGIN TRANSACTION');
	try {
		await connection.run(
			`EXPORT DATABASE ${quoteText(partial)} (FORMAT parquet, COMPRESSION zstd)`
		);
		signatures = await tableSignatures(connection);
		datasets = await readDatasetVersions(connection);
		await connection.run('COMMIT');
	} catch (error) {
		await connection.run('ROLLBACK').catch(() => undefined);
		throw error;
	}

	const files = parseLoadSql(fs.readFileSync(path.join(partial, 'load.sql'), 'utf8'));
	const tables: BackupTable[] = [];
	for (const signature of signatures) {
		const file = files.find((f) => f.table === signature.table)?.file;
		if (!file) throw new BackupError(`EXPORT DATABASE wrote no file for ${signature.table}`);
		const written = await signatureOf(
			connection,
			signature.table,
			`read_parquet(${quoteText(path.join(partial, file))})`
		);
		if (written.rows !== signature.rows || written.checksum !== signature.checksum)
			throw new BackupError(
				`${file} does not read back as ${signature.table} (${written.rows} vs ${signature.rows} rows)`
			);
		tables.push({ ...signature, file });
	}

	const manifest: BackupManifest = {
		format: MANIFEST_FORMAT,
		format_version: 1,
		created_at: now.toISOString(),
		database: databasePath,
		duckdb_version: (await scalar(connection, 'SELECT version()')) ?? 'unknown',
		schema_version: await scalar(
			connection,
			`SELECT nilai FROM meta WHERE kunci = 'schema_version'`
		),
		tables,
		files: fs
			.readdirSync(partial)
			.sort()
			.map((file) => describeFile(partial, file)),
		datasets
	};
	fs.writeFileSync(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, '\t'));
	for (const file of fs.readdirSync(partial)) fsyncPath(path.join(partial, file));
	fsyncPath(partial);
	return manifest;
}
