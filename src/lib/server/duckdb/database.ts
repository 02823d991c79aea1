/**
 * The one DuckDB instance of this process. Work borrows a short-lived connection; the number of
 * concurrent calls is capped because each holds a libuv thread shared with file and crypto work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { Semaphore } from './semaphore';

export interface DatabaseOptions {
	path: string;
	threads: number;
	memoryLimit: string;
	maxConcurrent: number;
}

export interface Database {
	withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
	/**
	 * After start-up no query may touch files outside the database's folder, install or load
	 * extensions, or change a setting: SQL is built from our catalogue, but defence in depth.
	 */
	lockDown(): Promise<void>;
	close(): void;
	readonly path: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.path !== ':memory:') fs.mkdirSync(path.dirname(options.path), { recursive: true });
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(options.path, {
			threads: String(options.threads),
			memory_limit: options.memoryLimit,
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false'
		});
	} catch (error) {
		throw new Error(explainOpenFailure(options.path, error));
	}
	const gate = new Semaphore(options.maxConcurrent);
	let closed = false;
	return {
		path: options.path,
		async withConnection(work) {
			if (closed) throw new Error('The database is closed');
			const release = await gate.acquire();
			const connection = await instance.connect();
			try {
				return await work(connection);
			} finally {
				connection.closeSync();
				release();
			}
		},
		async lockDown() {
			const connection = await instance.connect();
			try {
				if (options.path !== ':memory:') {
					await connection.run(`SET allowed_directories = $1`, [
						listValue([path.dirname(options.path) + path.sep])
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
			instance.closeSync();
		}
	};
}

function explainOpenFailure(file: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/lock/i.test(message)) {
		return `The database ${file} is already open in another process (DuckDB allows one writer). Stop the other server or set DATABASE_PATH to another file. (${message})`;
	}
	return `Cannot open the database ${file}: ${message}`;
}
