/**
 * Validated records → one new version of a dataset, in the caller's transaction. The appender
 * writes inside the connection's open transaction, so a failure rolls back every row.
 */
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import type { DatasetRecord } from '$lib/csv/validate-dataset';
import type { DuckDBConnection } from '@duckdb/node-api';
import { dimensionColumn, tableOf } from '../duckdb/schema';
import { stagedColumns } from './staged-records';

export interface NewVersion {
	kind: DatasetKind;
	mode: 'bundled' | 'append' | 'replace';
	fileName: string | null;
	sha256: string | null;
	by: string;
	sourceNote: string | null;
}

/** `id`: one from reserveVersionId; without it the sequence's next value (fine for one-shot loads). */
export async function insertVersion(
	connection: DuckDBConnection,
	version: NewVersion,
	rowCount: number,
	id?: number
): Promise<number> {
	const reader = await connection.runAndReadAll(
		`INSERT INTO versi_data (id, jenis_data, mode, nama_berkas, sha256, jumlah_baris, oleh, catatan_sumber)
     VALUES (${id === undefined ? "nextval('versi_id')" : '$8'}, $1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		[
			version.kind,
			version.mode,
			version.fileName,
			version.sha256,
			rowCount,
			version.by,
			version.sourceNote,
			...(id === undefined ? [] : [id])
		]
	);
	return Number(reader.getRows()[0]?.[0]);
}

export async function appendRecords(
	connection: DuckDBConnection,
	kind: DatasetKind,
	versionId: number,
	records: readonly DatasetRecord[]
): Promise<void> {
	const dataset = DATASETS[kind];
	const hasDimension = dimensionColumn(kind) !== null;
	const appender = await connection.createAppender(kind);
	try {
		for (const record of records) {
			appender.appendInteger(versionId);
			appender.appendNull();
			appender.appendInteger(record.line);
			appender.appendVarchar(record.kode_wilayah);
			appender.appendSmallInt(record.tahun);
			if (hasDimension) appender.appendVarchar(record.dimensi);
			if (dataset.perCooperative) {
				if (record.id_koperasi === null) appender.appendNull();
				else appender.appendVarchar(record.id_koperasi);
				if (record.nama_koperasi === null) appender.appendNull();
				else appender.appendVarchar(record.nama_koperasi);
			}
			for (const fact of dataset.facts) {
				const value = record.facts[fact.id as keyof DatasetRecord['facts']];
				if (value === null || value === undefined) appender.appendNull();
				else appender.appendBigInt(BigInt(value));
			}
			appender.appendVarchar(record.status_data);
			appender.appendVarchar(record.sumber);
			appender.appendNull(); // dibawa_dari: the row comes from this version's own file
			appender.endRow();
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
}

/**
 * Reads a staged records file (see staged-records.ts) into the fact table as one new version, in
 * the caller's transaction. The column types are given, nothing is sniffed.
 */
export async function loadStagedRecords(
	connection: DuckDBConnection,
	kind: DatasetKind,
	versionId: number,
	file: string
): Promise<void> {
	// Column names and types come from the catalogue, never from the uploaded file.
	const columns = stagedColumns(kind)
		.map((c) => `'${c.name}': '${c.type}'`)
		.join(', ');
	await connection.run(
		`INSERT INTO ${tableOf(kind)} BY NAME
     SELECT $1::INTEGER AS versi, *
     FROM read_csv($2, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                   nullstr = '', allow_quoted_nulls = false, columns = {${columns}})`,
		[versionId, file]
	);
}
