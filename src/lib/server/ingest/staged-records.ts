/**
 * Validated records as a plain UTF-8 CSV in the staging folder: the upload's worker thread writes
 * it, and DuckDB reads it into the fact table inside the upload's transaction. DuckDB's reader is
 * several times faster than appending a million rows one value at a time from JavaScript, and it
 * runs on DuckDB's threads instead of the event loop that answers every other request.
 *
 * The file is ours, never the analyst's: every text value is quoted, a missing value is an
 * unquoted empty field, so "no name" and "an empty name" stay different.
 */
import fs from 'node:fs';
import { DATASETS, type DatasetKind, type FactId } from '$lib/catalogue/datasets';
import type { DatasetRecord } from '$lib/csv/validate-dataset';
import { dimensionColumn } from '../duckdb/schema';

export type StagedType = 'INTEGER' | 'SMALLINT' | 'VARCHAR' | 'BIGINT';

export interface StagedColumn {
	name: string;
	type: StagedType;
	cell: (record: DatasetRecord) => string;
}

const text = (value: string | null): string =>
	value === null ? '' : `"${value.replaceAll('"', '""')}"`;

/** Facts are whole numbers (counts, full Rupiah); BigInt refuses anything else, as BIGINT would. */
const whole = (value: number | null | undefined): string =>
	value === null || value === undefined ? '' : BigInt(value).toString();

/** The fact table's columns after `versi` and `diganti_oleh`, in the table's order. */
export function stagedColumns(kind: DatasetKind): StagedColumn[] {
	const dataset = DATASETS[kind];
	const dimension = dimensionColumn(kind);
	return [
		{ name: 'baris', type: 'INTEGER', cell: (r) => String(r.line) },
		{ name: 'kode_wilayah', type: 'VARCHAR', cell: (r) => text(r.kode_wilayah) },
		{ name: 'tahun', type: 'SMALLINT', cell: (r) => String(r.tahun) },
		...(dimension
			? [{ name: dimension, type: 'VARCHAR' as const, cell: (r: DatasetRecord) => text(r.dimensi) }]
			: []),
		...(dataset.perCooperative
			? [
					{
						name: 'id_koperasi',
						type: 'VARCHAR' as const,
						cell: (r: DatasetRecord) => text(r.id_koperasi)
					},
					{
						name: 'nama_koperasi',
						type: 'VARCHAR' as const,
						cell: (r: DatasetRecord) => text(r.nama_koperasi)
					}
				]
			: []),
		...dataset.facts.map((f) => ({
			name: f.id,
			type: 'BIGINT' as const,
			cell: (r: DatasetRecord) => whole(r.facts[f.id as FactId])
		})),
		{ name: 'status_data', type: 'VARCHAR', cell: (r) => text(r.status_data) },
		{ name: 'sumber', type: 'VARCHAR', cell: (r) => text(r.sumber) }
	];
}

const LINES_PER_WRITE = 8192;

export function writeStagedRecords(
	file: string,
	kind: DatasetKind,
	records: readonly DatasetRecord[]
): void {
	const columns = stagedColumns(kind);
	const fd = fs.openSync(file, 'wx');
	try {
		fs.writeSync(fd, `${columns.map((c) => c.name).join(',')}\n`);
		for (let start = 0; start < records.length; start += LINES_PER_WRITE) {
			let chunk = '';
			const end = Math.min(records.length, start + LINES_PER_WRITE);
			for (let i = start; i < end; i++) {
				const record = records[i]!;
				let line = '';
				for (let c = 0; c < columns.length; c++) {
					if (c > 0) line += ',';
					line += columns[c]!.cell(record);
				}
				chunk += `${line}\n`;
			}
			fs.writeSync(fd, chunk);
		}
	} finally {
		fs.closeSync(fd);
	}
}
