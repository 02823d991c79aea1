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

/** The fact table's columns after `versi` and `diganti_oleh` (and before `dibawa_dari`), in order. */
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

/**
 * Bytes of the staged file, gathered in one buffer and written in large blocks. Written byte by
 * byte rather than as JavaScript strings: a register has a million lines, and building each line
 * as a string, then encoding it, cost more than everything else here. Text repeated from line to
 * line (region, breakdown, status, source) is encoded once.
 */
export class StagedFileWriter {
	private buffer = new Uint8Array(1 << 22);
	private bufferView = new DataView(this.buffer.buffer);
	private at = 0;
	private readonly encoded = new Map<string, Uint8Array>();

	constructor(private readonly fd: number) {}

	private room(bytes: number): void {
		if (this.at + bytes <= this.buffer.length) return;
		this.flush();
		if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
	}

	flush(): void {
		if (this.at > 0) fs.writeSync(this.fd, this.buffer, 0, this.at);
		this.at = 0;
	}

	byte(code: number): void {
		this.room(1);
		this.buffer[this.at++] = code;
	}

	ascii(text: string): void {
		this.room(text.length);
		for (let i = 0; i < text.length; i++) this.buffer[this.at++] = text.charCodeAt(i);
	}

	/**
	 * A quoted text value (quotes doubled); a missing value is an empty, unquoted field. Text that
	 * repeats from line to line is encoded once and its bytes copied after that.
	 */
	text(value: string | null, repeats = false): void {
		if (value === null) return;
		if (repeats) {
			let bytes = this.encoded.get(value);
			if (!bytes) {
				bytes = encodeQuoted(value);
				if (this.encoded.size < MAX_REMEMBERED_TEXTS) this.encoded.set(value, bytes);
			}
			this.room(bytes.length);
			for (let i = 0; i < bytes.length; i++) this.buffer[this.at++] = bytes[i]!;
			return;
		}
		const escaped = value.includes('"') ? value.replaceAll('"', '""') : value;
		// UTF-8 takes at most three bytes per UTF-16 code unit.
		this.room(escaped.length * 3 + 2);
		const buffer = this.buffer;
		let at = this.at;
		buffer[at++] = QUOTE;
		// ASCII is copied as is (names and ids mostly are); anything else goes through the encoder.
		let i = 0;
		for (; i < escaped.length; i++) {
			const code = escaped.charCodeAt(i);
			if (code >= 0x80) break;
			buffer[at++] = code;
		}
		if (i < escaped.length) at += encoder.encodeInto(escaped.slice(i), buffer.subarray(at)).written;
		buffer[at++] = QUOTE;
		this.at = at;
	}

	/**
	 * Room for `bytes` more: the buffer to write them into from `position`, for a caller that
	 * writes a whole line itself and then calls `advance`.
	 */
	reserve(bytes: number): Uint8Array {
		this.room(bytes);
		return this.buffer;
	}

	/** The buffer `reserve` returns, as a DataView, for copyWords. */
	get view(): DataView {
		if (this.bufferView.buffer !== this.buffer.buffer)
			this.bufferView = new DataView(this.buffer.buffer);
		return this.bufferView;
	}

	get position(): number {
		return this.at;
	}

	advance(to: number): void {
		this.at = to;
	}

	/** Facts are whole numbers (counts, full Rupiah); BigInt refuses anything else, as BIGINT would. */
	whole(value: number | null | undefined): void {
		if (value === null || value === undefined) return;
		if (!Number.isSafeInteger(value)) return this.ascii(BigInt(value).toString());
		if (value < 0) {
			this.byte(MINUS);
			value = -value;
		}
		this.room(16);
		this.at = writeDigits(this.buffer, this.at, value);
	}
}

/** source[start, end) into target at `at`; returns the new end. Short runs skip subarray's object. */
export function copyInto(
	target: Uint8Array,
	at: number,
	source: Uint8Array,
	start: number,
	end: number
): number {
	if (end - start > 64) {
		target.set(source.subarray(start, end), at);
		return at + end - start;
	}
	for (let k = start; k < end; k++) target[at++] = source[k]!;
	return at;
}

/**
 * copyInto for longer runs, four bytes at a time through DataViews of both arrays (views of the
 * same bytes, from the same offset): a register's names and sources are 40-odd bytes each, and
 * this copies them three times as fast as byte by byte.
 */
export function copyWords(
	target: Uint8Array,
	targetView: DataView,
	at: number,
	source: Uint8Array,
	sourceView: DataView,
	start: number,
	end: number
): number {
	let k = start;
	for (; k + 4 <= end; k += 4, at += 4) targetView.setUint32(at, sourceView.getUint32(k));
	for (; k < end; k++) target[at++] = source[k]!;
	return at;
}

/**
 * A safe, non-negative integer's decimal digits into target at `at` (room for 16 is the caller's
 * to make); returns the new end.
 */
export function writeDigits(target: Uint8Array, at: number, value: number): number {
	let digits = 1;
	for (let power = 10; power <= value; power *= 10) digits += 1;
	// Digits from the last: exact, since a safe integer divides exactly in doubles.
	const end = at + digits;
	let k = end;
	do {
		const digit: number = value % 10;
		target[--k] = ZERO + digit;
		value = (value - digit) / 10;
	} while (value > 0);
	return end;
}

const encoder = new TextEncoder();
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A text value as the staged file holds it (quoted, quotes doubled), as UTF-8. */
export function encodeQuoted(value: string): Uint8Array {
	return encoder.encode(quote(value));
}

/** The staged file's first line. */
export function stagedHeaderLine(kind: DatasetKind): string {
	return `${stagedColumns(kind)
		.map((c) => c.name)
		.join(',')}\n`;
}
export const COMMA = 0x2c;
export const NEWLINE = 0x0a;
const QUOTE = 0x22;
const MINUS = 0x2d;
const ZERO = 0x30;
/** Distinct repeated texts kept encoded; beyond that they are encoded each time. */
const MAX_REMEMBERED_TEXTS = 100_000;

/** One line per record, in stagedColumns' order. */
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
		const out = new StagedFileWriter(fd);
		out.ascii(stagedHeaderLine(kind));
		for (let i = 0; i < records.length; i++) {
			const r = records[i]!;
			out.whole(r.line);
			out.byte(COMMA);
			out.text(r.kode_wilayah, true);
			out.byte(COMMA);
			out.whole(r.tahun);
			if (hasDimension) {
				out.byte(COMMA);
				out.text(r.dimensi, true);
			}
			if (perCooperative) {
				out.byte(COMMA);
				out.text(r.id_koperasi);
				out.byte(COMMA);
				out.text(r.nama_koperasi);
			}
			for (const fact of factIds) {
				out.byte(COMMA);
				out.whole(r.facts[fact]);
			}
			out.byte(COMMA);
			out.text(r.status_data, true);
			out.byte(COMMA);
			out.text(r.sumber, true);
			out.byte(NEWLINE);
		}
		out.flush();
	} finally {
		fs.closeSync(fd);
	}
}
