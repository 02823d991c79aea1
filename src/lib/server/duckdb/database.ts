/**
 * The one DuckDB instance of this process. Work borrows a short-lived connection; the number of
 * concurrent calls is capped because each holds a libuv thread shared with file and crypto work.
 *
 * Opening is careful: a damaged file or WAL stops the start with a message naming the file and the
 * restore command, and nothing is deleted or repaired (DuckDB itself would silently drop a WAL
 * whose database file is missing, or whose header is damaged, so those are checked first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { listBackups } from '../backup/manifest';
import { tableSignatures } from '../backup/signatures';
import {
	compareWithLedger,
	LedgerError,
	ledgerPathOf,
	readLedger,
	readStoredVersions,
	type LedgerState
} from './ledger';
import { Semaphore } from './semaphore';

export interface DatabaseOptions {
	path: string;
	threads: number;
	memoryLimit: string;
	maxConcurrent: number;
	/** Folders besides the database's own that DuckDB may still write after `lockDown()`. */
	writableDirectories?: string[];
	/** Where backups live: named in the message when the file turns out to be damaged. */
	backupDir?: string;
	/** The record of committed versions checked at start (ledger.ts); default `<path>.ledger`. */
	ledgerPath?: string;
}

export interface Database {
	withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
	/**
	 * withConnection for an upload's transaction: on this connection DuckDB need not keep the
	 * order rows are inserted in, so a bulk insert runs on every thread. Only for work whose rows
	 * carry their own order (staged rows keep their line) and whose queries all say ORDER BY.
	 */
	withBulkLoadConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
	/**
	 * After start-up no query may touch files outside the database's folder (and the backup
	 * folder), install or load extensions, or change a setting: SQL is built from our catalogue,
	 * but defence in depth.
	 */
	lockDown(): Promise<void>;
	close(): void;
	readonly path: string;
	/** The ledger of committed versions (ledger.ts); null for an in-memory database. */
	readonly ledgerPath: string | null;
}

export type OpenFailure = 'locked' | 'damaged' | 'other';

/** Why the database could not be opened, worded for the person starting the server. */
export class DatabaseOpenError extends Error {
	constructor(
		readonly failure: OpenFailure,
		message: string
	) {
		super(message);
		this.name = 'DatabaseOpenError';
	}
}

/** The first 8 bytes of every WAL DuckDB 1.5 writes: the serialized WAL_VERSION entry, version 2. */
const WAL_HEADER = Buffer.from('640062650002ffff', 'hex');

const DAMAGE =
	/corrupt|not a valid duckdb database|could not read enough bytes|failure while replaying wal|checksum|serialization error|internal error|fatal error/i;

function restoreAdvice(backupDir: string | undefined): string {
	const backups = backupDir ? listBackups(backupDir) : [];
	const newest = backups[0];
	return newest
		? `To restore the newest of ${backups.length} backup(s) in ${backupDir}, stop every process using the file and run:\n  npm run restore -- ${newest}`
		: `To restore a backup, stop every process using the file and run:\n  npm run restore -- <backup dir>${backupDir ? `\n(no finished backup found in ${backupDir})` : ''}`;
}

export function damagedMessage(
	file: string,
	problem: string,
	databasePath: string,
	backupDir?: string
): string {
	return [
		`The database cannot be opened: ${file} is damaged.`,
		`  ${problem}`,
		`Refusing to use it. Nothing was deleted or repaired: leave ${databasePath} and ${databasePath}.wal where they are (copy them elsewhere for analysis).`,
		restoreAdvice(backupDir)
	].join('\n');
}

function explainOpenFailure(options: DatabaseOptions, error: unknown): DatabaseOpenError {
	const message = error instanceof Error ? error.message : String(error);
	const file = options.path;
	if (/could not set lock|conflicting lock/i.test(message)) {
		return new DatabaseOpenError(
			'locked',
			`The database ${file} is already open in another process (DuckDB allows one writer). Stop the other server or set DATABASE_PATH to another file. (${message})`
		);
	}
	if (DAMAGE.test(message)) {
		const damaged = /\bWAL\b/.test(message) ? `${file}.wal` : file;
		return new DatabaseOpenError(
			'damaged',
			damagedMessage(damaged, message, file, options.backupDir)
		);
	}
	return new DatabaseOpenError('other', `Cannot open the database ${file}: ${message}`);
}

/** Cases DuckDB would "handle" by discarding the WAL: refused before it gets the chance. */
function checkWalBeforeOpen(options: DatabaseOptions): void {
	const wal = `${options.path}.wal`;
	const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
	if (size === 0) return;
	if (!fs.existsSync(options.path)) {
		throw new DatabaseOpenError(
			'damaged',
			damagedMessage(
				wal,
				`The write-ahead log exists but the database file ${options.path} does not; DuckDB would discard the log.`,
				options.path,
				options.backupDir
			)
		);
	}
	// Fewer than 8 bytes is a WAL torn while it was being created: nothing in it was committed.
	if (size < WAL_HEADER.length) return;
	const head = Buffer.alloc(WAL_HEADER.length);
	const fd = fs.openSync(wal, 'r');
	try {
		fs.readSync(fd, head, 0, head.length, 0);
	} finally {
		fs.closeSync(fd);
	}
	if (!head.equals(WAL_HEADER)) {
		throw new DatabaseOpenError(
			'damaged',
			damagedMessage(
				wal,
				`The write-ahead log does not start with DuckDB's WAL header (found ${head.toString('hex')}); DuckDB would ignore it and then overwrite it.`,
				options.path,
				options.backupDir
			)
		);
	}
}

function readLedgerOrRefuse(options: DatabaseOptions, ledgerPath: string): LedgerState {
	try {
		return readLedger(ledgerPath);
	} catch (error) {
		if (!(error instanceof LedgerError)) throw error;
		throw new DatabaseOpenError(
			'damaged',
			damagedMessage(ledgerPath, error.message, options.path, options.backupDir)
		);
	}
}

/** What the ledger has and the database lacks: refused, naming the WAL when there is one. */
function refuseLost(options: DatabaseOptions, ledgerPath: string, lost: string[]): never {
	const wal = `${options.path}.wal`;
	const file = fs.existsSync(wal) && fs.statSync(wal).size > 0 ? wal : options.path;
	const shown =
		lost.slice(0, 5).join('; ') + (lost.length > 5 ? `; and ${lost.length - 5} more` : '');
	throw new DatabaseOpenError(
		'damaged',
		damagedMessage(
			file,
			`The ledger ${ledgerPath} records committed data the database lacks: ${shown}.`,
			options.path,
			options.backupDir
		)
	);
}

/** A ledger that expects versions, beside a database file that is not there. */
function checkLedgerWithoutDatabase(options: DatabaseOptions, ledgerPath: string): void {
	const ledger = readLedgerOrRefuse(options, ledgerPath);
	const live = [...ledger.expected.values()];
	if (live.length > 0)
		refuseLost(options, ledgerPath, [
			`the database file is missing, and ${live.length} committed version(s) are recorded`
		]);
}

/**
 * Reads every table through a read-only instance, which replays the WAL in memory only. A damaged
 * block is found here, before the writable open would fold the WAL into the file (DuckDB
 * checkpoints after replaying it); so is a committed version the WAL silently lost, by the
 * ledger.
 */
async function verifyReadOnly(options: DatabaseOptions, ledgerPath: string | null): Promise<void> {
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(options.path, {
			access_mode: 'READ_ONLY',
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false'
		});
	} catch (error) {
		throw explainOpenFailure(options, error);
	}
	try {
		const connection = await instance.connect();
		let lost: string[] = [];
		try {
			await tableSignatures(connection);
			if (ledgerPath) {
				const ledger = readLedgerOrRefuse(options, ledgerPath);
				lost = compareWithLedger(ledger, await readStoredVersions(connection)).lost;
			}
		} finally {
			connection.closeSync();
		}
		if (lost.length > 0) refuseLost(options, ledgerPath!, lost);
	} catch (error) {
		if (error instanceof DatabaseOpenError) throw error;
		throw explainOpenFailure(options, error);
	} finally {
		instance.closeSync();
	}
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	const inMemory = options.path === ':memory:';
	if (!inMemory) {
		fs.mkdirSync(path.dirname(options.path), { recursive: true });
		checkWalBeforeOpen(options);
		const ledgerPath = options.ledgerPath ?? ledgerPathOf(options.path);
		if (fs.existsSync(options.path)) await verifyReadOnly(options, ledgerPath);
		else checkLedgerWithoutDatabase(options, ledgerPath);
	}
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(options.path, {
			threads: String(options.threads),
			memory_limit: options.memoryLimit,
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			allow_community_extensions: 'false'
		});
	} catch (error) {
		throw explainOpenFailure(options, error);
	}

	const gate = new Semaphore(options.maxConcurrent);
	// Connections are kept between calls (at most one per gate slot) so that the statements
	// prepared on them stay prepared. One whose work failed is closed instead: it may still be
	// inside a transaction.
	const idle: DuckDBConnection[] = [];
	let closed = false;
	// Set up now: lockDown() forbids changing a setting later, even for one connection. Closed if
	// its work ever fails (like a pooled one); uploads then use ordinary connections, slower.
	let bulkLoad: DuckDBConnection | null = await instance.connect();
	await bulkLoad.run('SET SESSION preserve_insertion_order = false');
	const bulkLoadFree = new Semaphore(1);
	let bulkLoadBusy = false;

	/** Runs `work`, then gives the connection back: fit for reuse only if the work succeeded. */
	async function lend<T>(
		connection: DuckDBConnection,
		work: (connection: DuckDBConnection) => Promise<T>,
		giveBack: (reusable: boolean) => void
	): Promise<T> {
		let reusable = false;
		try {
			const result = await work(connection);
			reusable = true;
			return result;
		} finally {
			giveBack(reusable && !closed);
		}
	}

	async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
		if (closed) throw new Error('The database is closed');
		const release = await gate.acquire();
		try {
			const connection = idle.pop() ?? (await instance.connect());
			return await lend(connection, work, (reusable) => {
				if (reusable) idle.push(connection);
				else connection.closeSync();
			});
		} finally {
			release();
		}
	}

	return {
		path: options.path,
		ledgerPath: inMemory ? null : (options.ledgerPath ?? ledgerPathOf(options.path)),
		async withBulkLoadConnection(work) {
			if (closed) throw new Error('The database is closed');
			const release = await bulkLoadFree.acquire();
			try {
				if (!bulkLoad) return await withConnection(work);
				const releaseSlot = await gate.acquire();
				const connection = bulkLoad;
				bulkLoadBusy = true;
				try {
					return await lend(connection, work, (reusable) => {
						bulkLoadBusy = false;
						if (reusable) return;
						connection.closeSync();
						bulkLoad = null;
					});
				} finally {
					releaseSlot();
				}
			} finally {
				release();
			}
		},
		withConnection,
		async lockDown() {
			const connection = await instance.connect();
			try {
				if (!inMemory) {
					const folders = [path.dirname(options.path), ...(options.writableDirectories ?? [])];
					await connection.run(`SET allowed_directories = $1`, [
						listValue(folders.map((folder) => path.resolve(folder) + path.sep))
					]);
				}
				await connection.run(`SET enable_external_access = false`);
				await connection.run(`SET lock_configuration = true`);
			} finally {
				connection.closeSync();
			}
		},
		close() {
			if (closed) return;
			closed = true;
			for (const connection of idle.splice(0)) connection.closeSync();
			// A connection at work is closed when its work ends.
			if (!bulkLoadBusy) {
				bulkLoad?.closeSync();
				bulkLoad = null;
			}
			instance.closeSync();
		}
	};
}
