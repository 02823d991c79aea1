/**
 * The product's own record of what was committed: an append-only file beside the database
 * (`<database>.ledger`), one JSON line per commit, undo and restore, each fsynced.
 *
 * DuckDB cannot tell a damaged entry-size field in its WAL from a torn tail, so a damaged WAL
 * can open "fine" without a committed upload. At start-up the ledger is compared with what the
 * database holds (read-only, before anything is folded into the file): a version the ledger has
 * and the database lacks, or an undo the database lacks, stops the start; nothing is deleted.
 *
 * Ordering: a line is written after DuckDB's COMMIT returns and before the client is answered.
 * A process that dies in between leaves a version the database has and the ledger lacks, which
 * the next start records (`reconcileLedger`); the client was never told it was stored. A line
 * torn by a crash is the last one and has no line break: it is ignored, and the next line
 * starts on a line of its own. A restore appends the backup's versions as the new expectation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import { tableOf } from './schema';

/** A version as the ledger expects to find it. */
export interface LedgerVersion {
	version: number;
	kind: string;
	mode: string;
	rows: number;
	/** SHA-256 of the uploaded file (null for the bundled data). */
	checksum: string | null;
	/** The original's name in the uploads folder. */
	file: string | null;
	reverted: boolean;
}

export type LedgerEntry =
	| ({ op: 'commit'; at: string } & Omit<LedgerVersion, 'reverted'>)
	| { op: 'revert'; version: number; at: string }
	| { op: 'restore'; backup: string; versions: LedgerVersion[]; at: string }
	/** The line before was torn by a crash (appendLedger found it without its line break). */
	| { op: 'torn' };

export function ledgerPathOf(databasePath: string): string {
	return `${databasePath}.ledger`;
}

export class LedgerError extends Error {}

/** Appends entries and fsyncs the file (and, when it is new, its folder). */
export function appendLedger(file: string, entries: readonly LedgerEntry[]): void {
	if (entries.length === 0) return;
	const isNew = !fs.existsSync(file);
	let text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
	if (!isNew) {
		const size = fs.statSync(file).size;
		if (size > 0) {
			const last = Buffer.alloc(1);
			const fd = fs.openSync(file, 'r');
			try {
				fs.readSync(fd, last, 0, 1, size - 1);
			} finally {
				fs.closeSync(fd);
			}
			// After a line torn by a crash: end it, and say so, so that the reader skips it.
			if (last[0] !== 0x0a) text = `\n${JSON.stringify({ op: 'torn' })}\n${text}`;
		}
	}
	const fd = fs.openSync(file, 'a');
	try {
		fs.writeSync(fd, text);
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	if (isNew) {
		const dir = fs.openSync(path.dirname(file), 'r');
		try {
			fs.fsyncSync(dir);
		} finally {
			fs.closeSync(dir);
		}
	}
}

export interface LedgerState {
	/** What the database must hold, by version. */
	expected: Map<number, LedgerVersion>;
	/** Every original a committed version ever named: never set aside as unreferenced. */
	files: Set<string>;
	entries: number;
}

export function readLedger(file: string): LedgerState {
	const state: LedgerState = { expected: new Map(), files: new Set(), entries: 0 };
	if (!fs.existsSync(file)) return state;
	const text = fs.readFileSync(file, 'utf8');
	const lines = text.split('\n');
	// The part after the last line break is a line torn by a crash (or empty): not recorded.
	lines.pop();
	const parsed = lines.map((line) => {
		try {
			return JSON.parse(line) as LedgerEntry;
		} catch {
			return null;
		}
	});
	parsed.forEach((entry, i) => {
		if (entry === null) {
			if (parsed[i + 1]?.op === 'torn') return;
			throw new LedgerError(
				`${file} line ${i + 1} is not a ledger entry: ${lines[i]!.slice(0, 80)}`
			);
		}
		state.entries += 1;
		if (entry.op === 'commit') {
			state.expected.set(entry.version, {
				version: entry.version,
				kind: entry.kind,
				mode: entry.mode,
				rows: entry.rows,
				checksum: entry.checksum,
				file: entry.file,
				reverted: false
			});
			if (entry.file) state.files.add(entry.file);
		} else if (entry.op === 'revert') {
			const known = state.expected.get(entry.version);
			if (known) known.reverted = true;
		} else if (entry.op === 'restore') {
			state.expected = new Map(entry.versions.map((v) => [v.version, { ...v }]));
			for (const v of entry.versions) if (v.file) state.files.add(v.file);
		}
	});
	return state;
}

export interface StoredVersion extends LedgerVersion {
	/** Rows in the fact table read from the version's own file. */
	ownRows: number;
}

async function hasTable(c: DuckDBConnection, table: string): Promise<boolean> {
	const reader = await c.runAndReadAll(
		`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = $1`,
		[table]
	);
	return Number(reader.getRows()[0]?.[0]) > 0;
}

async function hasColumn(c: DuckDBConnection, table: string, column: string): Promise<boolean> {
	const reader = await c.runAndReadAll(
		`SELECT count(*)::INTEGER FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = $1 AND column_name = $2`,
		[table, column]
	);
	return Number(reader.getRows()[0]?.[0]) > 0;
}

/** The versions the database holds, with their own rows; works on a read-only handle. */
export async function readStoredVersions(c: DuckDBConnection): Promise<Map<number, StoredVersion>> {
	const stored = new Map<number, StoredVersion>();
	if (!(await hasTable(c, 'versi_data'))) return stored;
	const reader = await c.runAndReadAll(
		`SELECT id, jenis_data, mode, jumlah_baris, sha256, berkas_tersimpan, dibatalkan_pada IS NOT NULL AS reverted
     FROM versi_data`
	);
	for (const r of reader.getRowObjectsJS())
		stored.set(Number(r.id), {
			version: Number(r.id),
			kind: String(r.jenis_data),
			mode: String(r.mode),
			rows: Number(r.jumlah_baris),
			checksum: r.sha256 === null ? null : String(r.sha256),
			file: r.berkas_tersimpan === null ? null : String(r.berkas_tersimpan),
			reverted: Boolean(r.reverted),
			ownRows: 0
		});
	for (const kind of Object.keys(DATASETS) as DatasetKind[]) {
		if (!(await hasTable(c, kind))) continue;
		// Rows carried forward by a per-fact replace are not the version's own (schema 2 on).
		const own = (await hasColumn(c, kind, 'dibawa_dari')) ? 'WHERE dibawa_dari IS NULL' : '';
		const counts = await c.runAndReadAll(
			`SELECT versi, count(*)::INTEGER FROM ${tableOf(kind)} ${own} GROUP BY versi`
		);
		for (const [versi, n] of counts.getRows()) {
			const version = stored.get(Number(versi));
			if (version) version.ownRows += Number(n);
		}
	}
	return stored;
}

export function asLedgerVersion(v: StoredVersion): LedgerVersion {
	return {
		version: v.version,
		kind: v.kind,
		mode: v.mode,
		rows: v.rows,
		checksum: v.checksum,
		file: v.file,
		reverted: v.reverted
	};
}

export interface LedgerComparison {
	/** What the database lacks of what was committed: any of these refuses the start. */
	lost: string[];
	/** Commits and undos the database has and the ledger lacks (a crash right after COMMIT). */
	unrecorded: LedgerEntry[];
}

function describe(v: LedgerVersion): string {
	return `version ${v.version} (${v.kind}, ${v.mode}, ${v.rows} rows)`;
}

export function compareWithLedger(
	ledger: LedgerState,
	stored: ReadonlyMap<number, StoredVersion>,
	now = new Date()
): LedgerComparison {
	const at = now.toISOString();
	const lost: string[] = [];
	const unrecorded: LedgerEntry[] = [];
	for (const expected of ledger.expected.values()) {
		const found = stored.get(expected.version);
		if (!found) {
			lost.push(`${describe(expected)} is recorded as committed, but the database lacks it`);
			continue;
		}
		if (found.kind !== expected.kind || found.checksum !== expected.checksum) {
			lost.push(
				`${describe(expected)} is recorded as committed, but the database holds another version ${found.version} (${found.kind}, checksum ${found.checksum})`
			);
			continue;
		}
		if (expected.reverted && !found.reverted) {
			lost.push(`the undo of ${describe(expected)} is recorded, but the database lacks it`);
			continue;
		}
		if (!found.reverted && found.ownRows !== expected.rows) {
			lost.push(
				`${describe(expected)} is recorded as committed, but the database holds ${found.ownRows} of its rows`
			);
			continue;
		}
		if (found.reverted && !expected.reverted)
			unrecorded.push({ op: 'revert', version: found.version, at });
	}
	for (const found of stored.values()) {
		if (ledger.expected.has(found.version)) continue;
		const { reverted, ...version } = asLedgerVersion(found);
		unrecorded.push({ op: 'commit', at, ...version });
		if (reverted) unrecorded.push({ op: 'revert', version: found.version, at });
	}
	return { lost, unrecorded };
}

/**
 * After start-up checks passed, on the writable database: records what the database has and
 * the ledger lacks. Returns the ledger's state for the uploads folder.
 */
export async function reconcileLedger(
	c: DuckDBConnection,
	ledgerPath: string
): Promise<LedgerState> {
	const ledger = readLedger(ledgerPath);
	const { lost, unrecorded } = compareWithLedger(ledger, await readStoredVersions(c));
	if (lost.length > 0) throw new LedgerError(lost.join('; '));
	appendLedger(ledgerPath, unrecorded);
	return unrecorded.length > 0 ? readLedger(ledgerPath) : ledger;
}

/** Records a commit; a failure is logged, not thrown: the version is stored either way. */
export function recordInLedger(ledgerPath: string | undefined, entries: LedgerEntry[]): void {
	if (!ledgerPath) return;
	try {
		appendLedger(ledgerPath, entries);
	} catch (error) {
		console.error(
			`Could not write ${ledgerPath} (${(error as Error).message}); the next start records what is missing.`
		);
	}
}
