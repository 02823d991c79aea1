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
}

/** The fact table's columns after `versi` and `diganti_oleh`, in the table's order. */
export function stagedColumns(kind: DatasetKind): StagedColumn[] {
	const dataset = DATASETS[kind];
	const dimension = dimensionColumn(kind);
	return [
		{ name: 'baris', type: 'INTEGER' },
		{ name: 'kode_wilayah', type: 'VARCHAR' },
		{ name: 'tahun', type: 'SMALLINT' },
		...(dimension ? [{ name: dimension, type: 'VARCHAR' as const }] : []),
		...(dataset.perCooperative
			? [
					{ name: 'id_koperasi', type: 'VARCHAR' as const },
					{ name: 'nama_koperasi', type: 'VARCHAR' as const }
				]
			: []),
		...dataset.facts.map((f) => ({ name: f.id, type: 'BIGINT' as const })),
		{ name: 'status_data', type: 'VARCHAR' },
		{ name: 'sumber', type: 'VARCHAR' }
	];
}

const text = (value: string | null): string =>
	value === null ? '' : `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;

/** Facts are whole numbers (counts, full Rupiah); BigInt refuses anything else, as BIGINT would. */
const whole = (value: number | null | undefined): string =>
	value === null || value === undefined
		? ''
		: Number.isSafeInteger(value)
			? String(value)
			: BigInt(value).toString();

const LINES_PER_WRITE = 8192;

/**
 * One line per record, in stagedColumns' order. Written out by hand rather than through a list
 * of per-column functions: this runs a million times per register.
 */
export function writeStagedRecords(
	file: string,
	kind: DatasetKind,
	records: readonly DatasetRecord[]
): void {
	const dataset = DATASETS[kind];
	const hasDimension = dimensionColumn(kind) !== null;
	const perCooperative = dataset.perCooperative;
	const factIds = dataset.facts.map((f) => f.id as FactId);
	const fd = fs.openSync(file, 'wx');
	try {
		fs.writeSync(
			fd,
			`${stagedColumns(kind)
				.map((c) => c.name)
				.join(',')}\n`
		);
		let chunk = '';
		for (let i = 0; i < records.length; i++) {
			const r = records[i]!;
			let line = `${r.line},${text(r.kode_wilayah)},${r.tahun}`;
			if (hasDimension) line += `,${text(r.dimensi)}`;
			if (perCooperative) line += `,${text(r.id_koperasi)},${text(r.nama_koperasi)}`;
			for (const fact of factIds) line += `,${whole(r.facts[fact])}`;
			chunk += `${line},${text(r.status_data)},${text(r.sumber)}\n`;
			if ((i + 1) % LINES_PER_WRITE === 0) {
				fs.writeSync(fd, chunk);
				chunk = '';
			}
		}
		if (chunk) fs.writeSync(fd, chunk);
	} finally {
		fs.closeSync(fd);
	}
}
