/**
 * The history of every dataset and the undo of its latest upload. Undo removes the rows the
 * version added and brings back the rows it replaced, so the previous state returns exactly.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isDatasetKind } from '$lib/catalogue/datasets';
import { recordInLedger } from '../duckdb/ledger';
import { tableOf } from '../duckdb/schema';
import type { Changes, StoredVersion } from '$lib/upload/api';

/** One entry of the upload history (the API adds what the asking user may do with it). */
export type DatasetVersion = StoredVersion;

const SELECT_VERSIONS = `SELECT id, jenis_data, mode, nama_berkas, sha256, jumlah_baris, oleh,
    strftime(waktu AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS waktu, catatan_sumber,
    strftime(dibatalkan_pada AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS dibatalkan, ringkasan
  FROM versi_data`;

function toVersion(row: Record<string, unknown>): DatasetVersion {
	const kind = String(row.jenis_data);
	if (!isDatasetKind(kind)) throw new Error(`Unknown dataset kind ${kind} in versi_data`);
	return {
		id: Number(row.id),
		kind,
		mode: String(row.mode),
		file_name: row.nama_berkas === null ? null : String(row.nama_berkas),
		sha256: row.sha256 === null ? null : String(row.sha256),
		rows: Number(row.jumlah_baris),
		by: String(row.oleh),
		at: String(row.waktu),
		source: row.catatan_sumber === null ? null : String(row.catatan_sumber),
		reverted_at: row.dibatalkan === null ? null : String(row.dibatalkan),
		changes: row.ringkasan === null ? null : (JSON.parse(String(row.ringkasan)) as Changes)
	};
}

/**
 * A version id of its own, committed before the upload's transaction begins. DuckDB writes a
 * sequence's progress with the transaction that used it, so an upload killed before its commit
 * gave its id back and the next upload got it again (and the name of the killed one's original,
 * `<id>-….csv`, in `.unreferenced/`). Reserved on its own, an id is never handed out twice.
 */
export async function reserveVersionId(c: DuckDBConnection): Promise<number> {
	const reader = await c.runAndReadAll(`SELECT nextval('versi_id')`);
	return Number(reader.getRows()[0]?.[0]);
}

export async function listVersions(c: DuckDBConnection): Promise<DatasetVersion[]> {
	const reader = await c.runAndReadAll(`${SELECT_VERSIONS} ORDER BY id DESC`);
	return reader.getRowObjectsJS().map(toVersion);
}

export async function getVersion(c: DuckDBConnection, id: number): Promise<DatasetVersion | null> {
	const reader = await c.runAndReadAll(`${SELECT_VERSIONS} WHERE id = $1`, [id]);
	const row = reader.getRowObjectsJS()[0];
	return row ? toVersion(row) : null;
}

export type RevertOutcome =
	| { kind: 'reverted'; version: DatasetVersion }
	| { kind: 'not-found' }
	| { kind: 'refused'; reason: { id: string; en: string } };

/** Why a version cannot be undone, or null when it can. */
export function revertBlocker(
	version: DatasetVersion,
	all: readonly DatasetVersion[]
): { id: string; en: string } | null {
	if (version.reverted_at)
		return { id: 'Versi ini sudah dibatalkan.', en: 'This version has already been undone.' };
	if (version.mode === 'bundled')
		return {
			id: 'Data bawaan tidak dapat dibatalkan; unggah data pengganti dengan mode "replace" (ganti).',
			en: 'The bundled data cannot be undone; upload replacement data in "replace" mode.'
		};
	const later = all.filter((v) => v.kind === version.kind && v.id > version.id && !v.reverted_at);
	if (later.length > 0) {
		const ids = later.map((v) => v.id).join(', ');
		return {
			id: `Unggahan lebih baru untuk data ini (versi ${ids}) dibangun di atasnya; batalkan yang terbaru lebih dulu.`,
			en: `Later uploads of this dataset (version ${ids}) build on it; undo the latest first.`
		};
	}
	return null;
}

/** `ledgerPath`: where the undo is recorded once committed (ledger.ts), so it is not "lost". */
export async function revertVersion(
	c: DuckDBConnection,
	id: number,
	ledgerPath?: string | null
): Promise<RevertOutcome> {
	await c.run('BEGIN TRANSACTION');
	try {
		const all = await listVersions(c);
		const version = all.find((v) => v.id === id);
		if (!version) {
			await c.run('ROLLBACK');
			return { kind: 'not-found' };
		}
		const blocker = revertBlocker(version, all);
		if (blocker) {
			await c.run('ROLLBACK');
			return { kind: 'refused', reason: blocker };
		}
		const table = tableOf(version.kind);
		await c.run(`DELETE FROM ${table} WHERE versi = $1`, [id]);
		await c.run(`UPDATE ${table} SET diganti_oleh = NULL WHERE diganti_oleh = $1`, [id]);
		await c.run(`UPDATE versi_data SET dibatalkan_pada = now() WHERE id = $1`, [id]);
		await c.run('COMMIT');
		recordInLedger(ledgerPath ?? undefined, [
			{ op: 'revert', version: id, at: new Date().toISOString() }
		]);
	} catch (error) {
		await c.run('ROLLBACK').catch(() => undefined);
		throw error;
	}
	const reverted = await getVersion(c, id);
	return { kind: 'reverted', version: reverted! };
}
