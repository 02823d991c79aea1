/**
 * One ingest of the register, in a process of its own so that its peak memory is its own:
 *   ours DATABASE REGISTER    the upload pipeline (decode → parse → validate → stage in the
 *                             worker thread, then read_csv of the staged rows, conflict check and
 *                             commit in one transaction), replacing the regional koperasi rows;
 *                             its step timings come back with it
 *   duckdb DATABASE REGISTER [unordered]
 *                             DuckDB's read_csv into the same table, same columns and conventions;
 *                             `unordered` with preserve_insertion_order off, as ours stores rows
 * Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASETS } from '$lib/catalogue/datasets';
import { openDatabase } from '$lib/server/duckdb/database';
import { ingestUpload } from '$lib/server/ingest/ingest-upload';
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
	const before = rssMb();
	const began = performance.now();
	// The file's own buffer, as a server has its upload's: handed to the worker without a copy.
	const bytes = fs.readFileSync(register);
	const outcome = await db.withBulkLoadConnection((c) =>
		ingestUpload(
			c,
			{
				kind: 'koperasi',
				mode: 'replace',
				bytes,
				fileName: path.basename(register),
				by: 'bench',
				sourceNote: 'bench',
				dryRun: false
			},
			{ regions, uploadsDir: path.join(path.dirname(databasePath), 'uploads') }
		)
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
