/**
 * The uploads folder: the originals of stored uploads under generated names, a staging folder for
 * uploads in progress, and a folder for originals that no version refers to.
 *
 * A process killed between keeping an original and committing its version leaves a file that no
 * version names. Start-up moves such files aside (never deletes them) so that the folder and the
 * history agree. The original of a version the ledger records as committed stays where it is,
 * even when the database lacks that version (a restore of an older backup): it is the only copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export function stagingDirOf(uploadsDir: string): string {
	return path.join(uploadsDir, '.staging');
}

export function unreferencedDirOf(uploadsDir: string): string {
	return path.join(uploadsDir, '.unreferenced');
}

/** Staged files left by a process that died mid-upload; nothing refers to them. */
export function clearStaging(uploadsDir: string): void {
	fs.rmSync(stagingDirOf(uploadsDir), { recursive: true, force: true });
}

/**
 * Moves originals that no version names, and that no committed version ever named (`committed`,
 * from the ledger), into `.unreferenced/`; returns their names.
 */
export async function setAsideUnreferenced(
	connection: DuckDBConnection,
	uploadsDir: string,
	committed: ReadonlySet<string> = new Set()
): Promise<string[]> {
	if (!fs.existsSync(uploadsDir)) return [];
	const reader = await connection.runAndReadAll(
		'SELECT berkas_tersimpan FROM versi_data WHERE berkas_tersimpan IS NOT NULL'
	);
	const named = new Set(reader.getRows().map(([name]) => String(name)));
	const strays = fs
		.readdirSync(uploadsDir, { withFileTypes: true })
		.filter((entry) => entry.isFile() && !named.has(entry.name) && !committed.has(entry.name))
		.map((entry) => entry.name);
	if (strays.length === 0) return [];
	const aside = unreferencedDirOf(uploadsDir);
	fs.mkdirSync(aside, { recursive: true });
	for (const name of strays) fs.renameSync(path.join(uploadsDir, name), path.join(aside, name));
	return strays;
}
