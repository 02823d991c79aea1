/**
 * One ingest of the register, in a process of its own so that its peak memory is its own:
 *   ours DATABASE REGISTER    the upload pipeline as the upload route runs it: prepareInWorker
 *                             from the built server (the worker chunk `npm run build` makes, so
 *                             the thread boots as in production and not through tsx), then
 *                             storePrepared: read_csv of the staged rows, conflict check and
 *                             commit in one transaction, replacing the regional koperasi rows;
 *                             its step timings come back with it
 *   duckdb DATABASE REGISTER [unordered]
 *                             DuckDB's read_csv into the same table, same columns and conventions;
 *                             `unordered` with preserve_insertion_order off, as ours stores rows
 * Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASETS } from '$lib/catalogue/datasets';
import { openDatabase } from '$lib/server/duckdb/database';
import { storePrepared, type UploadRequest } from '$lib/server/ingest/ingest-upload';
import type { prepareInWorker as PrepareInWorker } from '$lib/server/ingest/prepare-in-worker';
import { stagingDirOf } from '$lib/server/ingest/uploads-folder';
import { readRegions } from '$lib/server/regions';

const [mode, ...args] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** The register's columns as DuckDB should read them: what validation decides, stated up front. */
const REGISTER_COLUMNS = {
	id_koperasi: 'VARCHAR',
	nama_koperasi: 'VARCHAR',
	kode_wilayah: 'VARCHAR',
	nama_wilayah: 'VARCHAR',
	tahun: 'SMALLINT',
	jenis_koperasi: 'VARCHAR',
	...Object.fromEntries(DATASETS.koperasi.facts.map((f) => [f.id, 'BIGINT'])),
	status_data: 'VARCHAR',
	sumber: 'VARCHAR'
};

async function ours(databasePath: string, register: string) {
	const db = await openDatabase({
		path: databasePath,
		threads: 2,
		memoryLimit: '2GB',
		maxConcurrent: 1
	});
	const regions = await db.withConnection(readRegions);
	const { prepareInWorker } = await builtWorkerModule();
	const context = { regions, uploadsDir: path.join(path.dirname(databasePath), 'uploads') };
	const before = rssMb();
	const began = performance.now();
	// The file's own buffer, as a server has its upload's: handed to the worker without a copy.
	const bytes = fs.readFileSync(register);
	const request: UploadRequest = {
		kind: 'koperasi',
		mode: 'replace',
		bytes,
		fileName: path.basename(register),
		by: 'bench',
		sourceNote: 'bench',
		dryRun: false
	};
	// What the upload route does: prepare in the worker, then store on the bulk-load connection.
	const prepared = await prepareInWorker({
		kind: request.kind,
		bytes: request.bytes,
		regions,
		stagingDir: stagingDirOf(context.uploadsDir),
		keepOriginal: true
	});
	const outcome = await db.withBulkLoadConnection((c) =>
		storePrepared(c, request, prepared, context)
	);
	const ms = performance.now() - began;
	db.close();
	if (outcome.kind !== 'stored')
		throw new Error(`The register was not stored: ${JSON.stringify(outcome).slice(0, 2000)}`);
	return {
		ms,
		rows: outcome.rows,
		rssBeforeMb: before,
		peakMb: peakMb(),
		timings: outcome.timings
	};
}

/** The upload worker's module in the built server; the newest, if old builds are left over. */
async function builtWorkerModule(): Promise<{ prepareInWorker: typeof PrepareInWorker }> {
	const dir = path.resolve('build/server/chunks/chunks');
	const chunks = fs.existsSync(dir)
		? fs
				.readdirSync(dir)
				.filter((name) => /^prepare-in-worker\.js-.*\.js$/.test(name))
				.map((name) => path.join(dir, name))
				.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
		: [];
	if (!chunks[0]) throw new Error(`No built upload worker in ${dir}: run npm run build first.`);
	return (await import(pathToFileURL(chunks[0]).href)) as {
		prepareInWorker: typeof PrepareInWorker;
	};
}

async function duckdb(databasePath: string, register: string, order?: string) {
	const instance = await DuckDBInstance.create(databasePath, { threads: '2', memory_limit: '2GB' });
	const connection = await instance.connect();
	if (order === 'unordered') await connection.run('SET SESSION preserve_insertion_order = false');
	const before = rssMb();
	const facts = DATASETS.koperasi.facts.map((f) => f.id).join(', ');
	const began = performance.now();
	await connection.run('BEGIN TRANSACTION');
	const reader = await connection.runAndReadAll(
		`INSERT INTO koperasi (versi, kode_wilayah, tahun, jenis_koperasi, id_koperasi, nama_koperasi, ${facts}, status_data, sumber)
     SELECT 999999, kode_wilayah, tahun, jenis_koperasi, id_koperasi, nama_koperasi, ${facts}, status_data, sumber
     FROM read_csv($file, header = true, delim = ';', quote = '"', escape = '"', columns = ${JSON.stringify(REGISTER_COLUMNS).replaceAll('"', "'")})`,
		{ file: register }
	);
	await connection.run('COMMIT');
	const ms = performance.now() - began;
	const rows = Number(reader.getRows()[0]?.[0]);
	connection.closeSync();
	instance.closeSync();
	return { ms, rows, rssBeforeMb: before, peakMb: peakMb() };
}

const tasks: Record<string, () => Promise<object>> = {
	ours: () => ours(args[0]!, args[1]!),
	duckdb: () => duckdb(args[0]!, args[1]!, args[2])
};
const task = tasks[mode ?? ''];
if (!task) throw new Error('Usage: ingest.ts ours|duckdb DATABASE REGISTER');
console.log(JSON.stringify(await task()));
