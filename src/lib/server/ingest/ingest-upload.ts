/**
 * An uploaded CSV → a new dataset version, all or nothing. The file is decoded, parsed, validated
 * and staged in a worker thread (prepare-upload.ts); the staged rows are then read into the fact
 * table inside one transaction, conflicts with stored data are found in SQL, and any problem (or a
 * dry run) rolls the whole transaction back. Other connections never see the half-written state.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import type { TextEncoding } from '$lib/csv/decode-text';
import type { Delimiter } from '$lib/csv/parse-csv';
import type { NumberConvention } from '$lib/csv/parse-number';
import type { Problem } from '$lib/csv/problem';
import type { ReadingChoices } from '$lib/csv/validate-dataset';
import type { Region } from '$lib/regions/region';
import type { Changes, UploadMode } from '$lib/upload/api';
import { recordInLedger } from '../duckdb/ledger';
import { dimensionColumn, quoteIdentifier, tableOf } from '../duckdb/schema';
import {
	discardStaged,
	type PreparedUpload,
	type RefusedFile,
	type PrepareTimings
} from './prepare-upload';
import { stopwatch } from './stopwatch';
import { replaceFacts, summariseChanges } from './replace-facts';
import { stagingDirOf } from './uploads-folder';
import { insertVersion, loadStagedRecords } from './write-records';
import { reserveVersionId } from './versions';

export interface UploadRequest {
	kind: DatasetKind;
	mode: UploadMode;
	/** Handed over to the worker thread (transferred): do not read it after the call. */
	bytes: Uint8Array;
	fileName: string;
	by: string;
	sourceNote: string | null;
	conventions?: Record<string, NumberConvention>;
	/** The column mapping, file-wide status, source and year, and the period rule. */
	reading?: ReadingChoices;
	/** Keep every problem, in this language, in a report file for a client that asks for the CSV answer. */
	reportLocale?: 'id' | 'en';
	dryRun: boolean;
}

export type UploadOutcome =
	| RefusedFile
	| {
			kind: 'planned' | 'stored';
			versionId: number | null;
			changes: Changes;
			rows: number;
			sha256: string;
			encoding: TextEncoding;
			delimiter: Delimiter;
			/** Milliseconds per step, for the server log and the benchmark. */
			timings: UploadTimings;
	  };

export type UploadTimings = PrepareTimings & {
	/** Staged rows read into the fact table. */
	load: number;
	/** Replaced facts retired, conflicts looked for, changes summarised. */
	check: number;
	/** The original kept and the transaction committed (or rolled back for a dry run). */
	finish: number;
};

export interface IngestContext {
	regions: readonly Region[];
	uploadsDir: string;
	/** Where a commit is recorded (database.ledgerPath); without one, the next start records it. */
	ledgerPath?: string | null;
}

/** Decodes, parses, validates and stages the file in a worker thread; no database needed. */
export async function prepareForIngest(
	request: UploadRequest,
	context: IngestContext
): Promise<PreparedUpload> {
	// A dynamic import keeps the worker's module a chunk of its own in the built server.
	const { prepareInWorker } = await import('./prepare-in-worker');
	return prepareInWorker({
		kind: request.kind,
		bytes: request.bytes,
		conventions: request.conventions,
		reading: request.reading,
		reportLocale: request.reportLocale,
		regions: context.regions,
		stagingDir: stagingDirOf(context.uploadsDir),
		keepOriginal: !request.dryRun
	});
}

/** Both halves on one connection: for callers that hold nothing else (tests, CLI, benchmark). */
export async function ingestUpload(
	connection: DuckDBConnection,
	request: UploadRequest,
	context: IngestContext
): Promise<UploadOutcome> {
	return storePrepared(connection, request, await prepareForIngest(request, context), context);
}

/**
 * Stores a prepared upload in one transaction, or rolls it back with the conflicts found. The
 * staged files are gone afterwards: the original is kept under the uploads folder on commit.
 */
export async function storePrepared(
	connection: DuckDBConnection,
	request: UploadRequest,
	prepared: PreparedUpload,
	context: IngestContext
): Promise<UploadOutcome> {
	if (prepared.kind !== 'ready') return prepared;
	const { rows, sha256, recordsFiles, originalFile } = prepared;
	const base = { encoding: prepared.encoding, delimiter: prepared.delimiter };
	let storedFile: string | null = null;
	const lap = stopwatch();
	try {
		const reservedId = await reserveVersionId(connection);
		await connection.run('BEGIN TRANSACTION');
		try {
			const versionId = await insertVersion(
				connection,
				{
					kind: request.kind,
					mode: request.mode,
					fileName: request.fileName,
					sha256,
					by: request.by,
					sourceNote: request.sourceNote
				},
				rows,
				reservedId
			);
			for (const file of recordsFiles)
				await loadStagedRecords(connection, request.kind, versionId, file);
			const load = lap();
			if (request.mode === 'replace')
				await replaceFacts(connection, request.kind, versionId, prepared.facts);
			const conflicts = await findConflicts(connection, request.kind, versionId);
			if (conflicts.length > 0) {
				await connection.run('ROLLBACK');
				return { kind: 'problems', problems: conflicts, problemCount: conflicts.length, ...base };
			}
			const changes = await summariseChanges(connection, request.kind, versionId, prepared.facts);
			const check = lap();
			const timings = () => ({ ...prepared.timings, load, check, finish: lap() });
			if (request.dryRun || !originalFile) {
				await connection.run('ROLLBACK');
				return {
					kind: 'planned',
					versionId: null,
					changes,
					rows,
					sha256,
					...base,
					timings: timings()
				};
			}
			fs.mkdirSync(context.uploadsDir, { recursive: true });
			const storedName = `${versionId}-${randomUUID()}.csv`;
			storedFile = path.join(context.uploadsDir, storedName);
			fs.renameSync(originalFile, storedFile);
			await connection.run(
				`UPDATE versi_data SET berkas_tersimpan = $1, ringkasan = $2 WHERE id = $3`,
				[storedName, JSON.stringify(changes), versionId]
			);
			await connection.run('COMMIT');
			// After COMMIT returns and before the client hears of it (ledger.ts: why this order).
			recordInLedger(context.ledgerPath ?? undefined, [
				{
					op: 'commit',
					version: versionId,
					kind: request.kind,
					mode: request.mode,
					rows,
					checksum: sha256,
					file: storedName,
					at: new Date().toISOString()
				}
			]);
			return { kind: 'stored', versionId, changes, rows, sha256, ...base, timings: timings() };
		} catch (error) {
			await connection.run('ROLLBACK').catch(() => undefined);
			if (storedFile) fs.rmSync(storedFile, { force: true });
			throw error;
		}
	} finally {
		discardStaged(...recordsFiles, originalFile);
	}
}

/**
 * New rows that give a fact already stored for the same region and year: at the same key
 * (a duplicate), or at another grain (total vs breakdown, region vs per cooperative).
 */
async function findConflicts(
	c: DuckDBConnection,
	kind: DatasetKind,
	versionId: number
): Promise<Problem[]> {
	const dataset = DATASETS[kind];
	const table = tableOf(kind);
	const dimension = dimensionColumn(kind);
	const sameKey = [
		...(dimension ? [`n.${quoteIdentifier(dimension)} = o.${quoteIdentifier(dimension)}`] : []),
		...(dataset.perCooperative ? ['n.id_koperasi IS NOT DISTINCT FROM o.id_koperasi'] : [])
	];
	const sameKeySql = sameKey.length ? sameKey.join(' AND ') : 'TRUE';
	const grainSql = [
		...(dimension
			? [
					`((n.${quoteIdentifier(dimension)} = 'semua') <> (o.${quoteIdentifier(dimension)} = 'semua'))`
				]
			: []),
		...(dataset.perCooperative ? ['((n.id_koperasi IS NULL) <> (o.id_koperasi IS NULL))'] : [])
	];
	const overlapSql = grainSql.length ? `(${sameKeySql}) OR ${grainSql.join(' OR ')}` : sameKeySql;
	const factChecks = dataset.facts.map((f) => {
		const col = quoteIdentifier(f.id);
		return `SELECT n.baris AS line, '${f.id}' AS fact, n.kode_wilayah, n.tahun, n.${col}::VARCHAR AS value,
        o.versi AS stored_version, (${sameKeySql}) AS same_key
      FROM ${table} n JOIN ${table} o
        ON o.kode_wilayah = n.kode_wilayah AND o.tahun = n.tahun
       AND o.diganti_oleh IS NULL AND o.versi <> $1
      WHERE n.versi = $1 AND n.dibawa_dari IS NULL AND n.${col} IS NOT NULL AND o.${col} IS NOT NULL AND (${overlapSql})`;
	});
	const reader = await c.runAndReadAll(
		`SELECT * FROM (${factChecks.join(' UNION ALL ')}) ORDER BY line, fact LIMIT 10000`,
		[versionId]
	);
	return reader.getRowObjectsJS().map((row) => {
		const fact = String(row.fact);
		const where = `${row.kode_wilayah} tahun ${row.tahun}`;
		const whereEn = `${row.kode_wilayah} in ${row.tahun}`;
		return {
			line: Number(row.line),
			column: fact,
			value: String(row.value),
			message: row.same_key
				? {
						id: `${fact} untuk ${where} sudah tersimpan (versi ${row.stored_version}).`,
						en: `${fact} for ${whereEn} is already stored (version ${row.stored_version}).`
					}
				: {
						id: `${fact} untuk ${where} sudah tersimpan pada tingkat rincian lain (versi ${row.stored_version}); angkanya akan terhitung dua kali.`,
						en: `${fact} for ${whereEn} is already stored at another grain (version ${row.stored_version}); it would be counted twice.`
					},
			fix: {
				id: 'Pilih mode "replace" (ganti) untuk mengganti data wilayah dan tahun ini, atau hapus baris ini.',
				en: 'Choose "replace" to replace this region and year, or remove the line.'
			}
		};
	});
}
