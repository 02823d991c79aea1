/**
 * The manifest written next to every backup: what each file must hash to, and what each table must
 * hold once restored. A backup folder without a manifest is unfinished and never restored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TableSignature } from './signatures';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'koperasi-backup';
/** Suffix of a folder still being written; renamed away once the manifest is in place. */
export const PARTIAL_SUFFIX = '.partial';

export interface BackupFile {
	name: string;
	bytes: number;
	sha256: string;
}

export interface BackupTable extends TableSignature {
	/** The Parquet file holding the table, relative to the backup folder. */
	file: string;
}

export interface BackupDatasetVersion {
	id: number;
	kind: string;
	mode: string;
	rows: number;
	file_name: string | null;
	sha256: string | null;
	at: string;
	reverted_at: string | null;
}

export interface BackupManifest {
	format: typeof MANIFEST_FORMAT;
	format_version: 1;
	created_at: string;
	/** The database file the backup was taken from. */
	database: string;
	duckdb_version: string;
	schema_version: string | null;
	tables: BackupTable[];
	/** Every file of the backup (Parquet files, schema.sql, load.sql) with its SHA-256. */
	files: BackupFile[];
	datasets: BackupDatasetVersion[];
}

export function sha256File(file: string): string {
	const hash = createHash('sha256');
	const fd = fs.openSync(file, 'r');
	try {
		const buffer = Buffer.allocUnsafe(1 << 20);
		let read: number;
		while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0)
			hash.update(buffer.subarray(0, read));
	} finally {
		fs.closeSync(fd);
	}
	return hash.digest('hex');
}

export function describeFile(dir: string, name: string): BackupFile {
	const file = path.join(dir, name);
	return { name, bytes: fs.statSync(file).size, sha256: sha256File(file) };
}

export class BackupError extends Error {}

export function readManifest(dir: string): BackupManifest {
	const file = path.join(dir, MANIFEST_FILE);
	if (dir.endsWith(PARTIAL_SUFFIX))
		throw new BackupError(`${dir} is an unfinished backup (it was interrupted); use another one.`);
	if (!fs.existsSync(file))
		throw new BackupError(`${dir} is not a backup: ${MANIFEST_FILE} is missing.`);
	let manifest: BackupManifest;
	try {
		manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
	} catch {
		throw new BackupError(`${file} is not valid JSON.`);
	}
	if (
		manifest.format !== MANIFEST_FORMAT ||
		manifest.format_version !== 1 ||
		!Array.isArray(manifest.tables) ||
		!Array.isArray(manifest.files)
	)
		throw new BackupError(`${file} is not a manifest this version understands.`);
	for (const entry of [...manifest.files.map((f) => f.name), ...manifest.tables.map((t) => t.file)])
		if (path.basename(entry) !== entry)
			throw new BackupError(`${file} names a file outside the backup folder: ${entry}`);
	return manifest;
}

/** Every file must still hash to what the manifest says: bit rot or an edit is refused by name. */
export function verifyFiles(dir: string, manifest: BackupManifest): void {
	for (const expected of manifest.files) {
		const file = path.join(dir, expected.name);
		if (!fs.existsSync(file)) throw new BackupError(`${file} is missing from the backup.`);
		if (sha256File(file) !== expected.sha256)
			throw new BackupError(`${file} does not match its SHA-256 in ${MANIFEST_FILE}: damaged.`);
	}
}

/** Finished backups in a folder, newest first. */
export function listBackups(root: string): string[] {
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.endsWith(PARTIAL_SUFFIX))
		.map((e) => path.join(root, e.name))
		.filter((dir) => fs.existsSync(path.join(dir, MANIFEST_FILE)))
		.sort()
		.reverse();
}
