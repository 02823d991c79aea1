/**
 * The short way through an upload, for the commonest large file: UTF-8, one line per row, figures
 * written as plain digits, nothing wrong. One pass over the bytes checks each row and writes its
 * staged line, with no string per cell. The full way (decode, parse with PapaParse, validate,
 * stage) makes a string of every cell and an object of every row, and on a million-row register
 * took three times as long as DuckDB's own load.
 *
 * This path never decides that a file is wrong. When a file is anything but plainly clean (a quote
 * where it expects none, a figure with separators, a region the resolver does not find, a key seen
 * twice, …) it gives up, and the full way runs: the only author of problems and their messages.
 * What it keeps, it decides with the validator's own functions (region resolver, status, breakdown
 * names, checkFactValue, PAIR_LIMITS, the column mapping); what it checks by itself is stricter
 * than the validator. stage-plain-file.spec.ts holds it to that: for every file, either the staged
 * bytes are the full way's, byte for byte, or this path gave up.
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import {
	DATA_STATUSES,
	DATASETS,
	type DatasetDefinition,
	type DatasetKind,
	type FactId
} from '$lib/catalogue/datasets';
import { looksBinary, looksLikeMarkup, type TextEncoding } from '$lib/csv/decode-text';
import { mapColumns } from '$lib/csv/map-columns';
import type { NumberConvention } from '$lib/csv/parse-number';
import { parseCsv, type Delimiter } from '$lib/csv/parse-csv';
import {
	MAX_TEXT_LENGTH,
	PAIR_LIMITS,
	breakdownValue,
	checkFactValue,
	unitMultiplier,
	validateDataset,
	yearRangeOf,
	type ReadingChoices
} from '$lib/csv/validate-dataset';
import type { Region } from '$lib/regions/region';
import type { RegionResolver } from '$lib/regions/resolve-region';
import {
	COMMA,
	NEWLINE,
	StagedFileWriter,
	copyInto,
	copyWords,
	encodeQuoted,
	stagedHeaderLine,
	writeDigits
} from './staged-records';
import { stopwatch } from './stopwatch';

export interface PlainFileOptions {
	kind: DatasetKind;
	/** The regions `resolveRegion` knows: a region's place in this list is its identity in keys. */
	regions: readonly Region[];
	resolveRegion: RegionResolver;
	conventions?: Record<string, NumberConvention>;
	/** The analyst's mapping and file-wide values, read exactly as the full way reads them. */
	reading?: ReadingChoices;
	yearRange?: { min: number; max: number };
}

export type PlainStaging =
	| {
			kind: 'staged';
			rows: number;
			/** The dataset's facts the file has a column for (what a replace replaces). */
			facts: FactId[];
			encoding: TextEncoding;
			delimiter: Delimiter;
			/** Milliseconds: the encoding and header check, the pass over the rows, the last write. */
			timings: { decode: number; scan: number; stage: number };
	  }
	| PlainUnsure;

/** Not plainly clean: nothing is staged, and the full way must decide. */
export interface PlainUnsure {
	kind: 'unsure';
	reason: string;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const ZERO = 0x30;
const NINE = 0x39;
/** Region–year groups that KeyHashes can tell apart exactly. */
const MAX_GROUPS = 2 ** 21;
/** Digits that a double holds exactly whatever they are; longer figures take the full way. */
const MAX_PLAIN_DIGITS = 15;
/** Distinct spellings of a region, status or breakdown; a file with more is not plain. */
const MAX_SPELLINGS = 100_000;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

class Unsure extends Error {}
function unsure(reason: string): never {
	throw new Unsure(reason);
}

/**
 * Stages `bytes` into `file` if the file is plainly clean; otherwise leaves no file behind and
 * says why not.
 */
export function stagePlainFile(
	bytes: Uint8Array,
	options: PlainFileOptions,
	file: string
): PlainStaging {
	const part = stagePlainPart(bytes, options, file);
	if (part.kind === 'unsure') return part;
	if (!partsAgree([part])) {
		fs.rmSync(file, { force: true });
		return { kind: 'unsure', reason: part.rows === 0 ? 'no data rows' : 'a key may repeat' };
	}
	return part;
}

/**
 * What a pass over one part of a file found, for partsAgree: the key of every row (see
 * KeyHashes) and the grain of every region and year (see `grains` in stage).
 */
export interface PlainPart extends Extract<PlainStaging, { kind: 'staged' }> {
	keys: Float64Array;
	grains: Uint8Array;
}

/**
 * The plain pass over a whole file or over one part of it: a part is the header line and a run
 * of whole lines, the first of which is line `lineOffset + 2` of the file. Checks every row on
 * its own; whether a key repeats or grains mix, within the part or across parts, is partsAgree's.
 */
export function stagePlainPart(
	bytes: Uint8Array,
	options: PlainFileOptions,
	file: string,
	lineOffset = 0
): PlainPart | PlainUnsure {
	const fd = fs.openSync(file, 'wx');
	let staged = false;
	try {
		const result = stage(bytes, options, fd, lineOffset);
		staged = true;
		return result;
	} catch (error) {
		if (error instanceof Unsure) return { kind: 'unsure', reason: error.message };
		throw error;
	} finally {
		fs.closeSync(fd);
		if (!staged) fs.rmSync(file, { force: true });
	}
}

/** Files smaller than this are read in one pass: a second thread would not pay for itself. */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;

/**
 * A large file as two parts for stagePlainPart, split at a line break near the middle: the first
 * part is the head of the file itself (no copy); the second is a copy of the header line and the
 * rest, with the line offset that numbers its rows as the file does. Null for a small file.
 */
export function splitInTwo(bytes: Uint8Array): SplitFile | null {
	return bytes.length < SPLIT_MIN_BYTES ? null : splitAtLineBreak(bytes, bytes.length >> 1);
}

export interface SplitFile {
	first: Uint8Array;
	second: Uint8Array;
	secondLineOffset: number;
}

/** splitInTwo at the first line break from `from` on (past the header); null if there is none. */
export function splitAtLineBreak(bytes: Uint8Array, from: number): SplitFile | null {
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const headerEnd = bytes.indexOf(LF, bom);
	if (headerEnd < 0) return null;
	const split = bytes.indexOf(LF, Math.max(headerEnd + 1, from));
	if (split < 0 || split === bytes.length - 1) return null;
	// Lines end at LF in both dialects the plain pass takes (LF, CRLF); a file with other line
	// breaks is left to the full way by the pass over either part.
	let breaks = 0;
	for (let at = headerEnd; at >= 0 && at <= split; at = bytes.indexOf(LF, at + 1)) breaks += 1;
	const header = bytes.subarray(bom, headerEnd + 1);
	const second = new Uint8Array(header.length + bytes.length - split - 1);
	second.set(header);
	second.set(bytes.subarray(split + 1), header.length);
	// The row after the split is line breaks + 1 of the file, and line 2 of the second part.
	return { first: bytes.subarray(0, split + 1), second, secondLineOffset: breaks - 1 };
}

/**
 * Whether the parts of one file, staged apart, make a file the plain way takes: some rows, no key
 * twice, one grain per region and year. (A part alone may have no rows.)
 */
export function partsAgree(parts: readonly PlainPart[]): boolean {
	if (parts.every((part) => part.rows === 0)) return false;
	const grains = parts[0]?.grains;
	for (const part of parts.slice(1)) {
		if (part.grains.length !== grains!.length) return false;
		for (let slot = 0; slot < grains!.length; slot++) {
			const a = grains![slot]!;
			const b = part.grains[slot]!;
			if (a !== 0 && b !== 0 && a !== b) return false;
		}
	}
	const keys = new Float64Array(parts.reduce((sum, part) => sum + part.keys.length, 0));
	let at = 0;
	for (const part of parts) {
		keys.set(part.keys, at);
		at += part.keys.length;
	}
	keys.sort();
	for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) return false;
	return true;
}

function stage(
	bytes: Uint8Array,
	options: PlainFileOptions,
	fd: number,
	lineOffset: number
): PlainPart {
	const lap = stopwatch();
	const dataset: DatasetDefinition = DATASETS[options.kind];
	if (looksBinary(bytes)) unsure('binary content');
	if (!isUtf8(bytes)) unsure('not UTF-8');
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;

	// The header, through the full way's own parser and column checks.
	const headerEnd = bytes.indexOf(LF, bom);
	if (headerEnd < 0) unsure('no line after the header');
	const crlf = headerEnd > bom && bytes[headerEnd - 1] === CR;
	const headerBytes = bytes.subarray(bom, crlf ? headerEnd - 1 : headerEnd);
	if (headerBytes.includes(QUOTE) || headerBytes.includes(CR)) unsure('header quotes or CR');
	const headerText = decoder.decode(headerBytes);
	if (looksLikeMarkup(headerText)) unsure('markup');
	const csv = parseCsv(headerText);
	if (csv.problems.length > 0) unsure('header unreadable');
	const headerCheck = validateDataset(
		{ ...csv, rows: [], lines: [] },
		{
			dataset,
			resolveRegion: options.resolveRegion,
			conventions: options.conventions,
			...options.reading
		}
	);
	if (headerCheck.problemCount > 0) unsure('header problems');
	const targets = mapColumns(csv.header, dataset, options.reading?.columns).targets;
	const columnOf = (id: string) => targets.indexOf(id);
	const columns = csv.header.length;
	const delimiter = csv.delimiter.charCodeAt(0);
	/** 1 for the bytes that end an unquoted cell (or, a quote, make the pass give up). */
	const stops = new Uint8Array(256);
	for (const stop of [delimiter, LF, CR, QUOTE]) stops[stop] = 1;
	const highestStop = Math.max(delimiter, LF, CR, QUOTE);

	const regionAt = columnOf('kode_wilayah');
	const yearAt = columnOf('tahun');
	const statusAt = columnOf('status_data');
	const sourceAt = columnOf('sumber');
	const dimensionAt = dataset.dimension ? columnOf(dataset.dimension.id) : -1;
	const idAt = dataset.perCooperative ? columnOf('id_koperasi') : -1;
	const nameAt = dataset.perCooperative ? columnOf('nama_koperasi') : -1;
	// A year, status or source set for the whole file stands in for a column: the full way's.
	if (yearAt < 0 || statusAt < 0 || sourceAt < 0) unsure('a column given for the whole file');
	const facts = dataset.facts;
	/** Per fact of the dataset: its column, or -1 when the file does not give it. */
	const factAt = Int32Array.from(facts, (f) => columnOf(f.id));
	const factMultiplier = Float64Array.from(facts, (_, j) =>
		factAt[j]! >= 0 ? unitMultiplier(csv.header[factAt[j]!]!) : 1
	);
	const pairs = PAIR_LIMITS.map(([part, whole]) => [
		facts.findIndex((f) => f.id === part),
		facts.findIndex((f) => f.id === whole)
	]).filter(([a, b]) => a! >= 0 && b! >= 0 && factAt[a!]! >= 0 && factAt[b!]! >= 0) as [
		number,
		number
	][];
	const yearRange = yearRangeOf(options);
	const allValue = dataset.dimension?.allValue ?? 'semua';

	// Cells of the current row: where each starts and ends, and whether it was quoted.
	const start = new Int32Array(columns);
	const end = new Int32Array(columns);
	const quoted = new Uint8Array(columns);
	const cellText = (i: number): string => {
		const text = decoder.decode(bytes.subarray(start[i], end[i]));
		return quoted[i] ? text.replaceAll('""', '"') : text;
	};

	// Repeated columns are looked up by their bytes; each spelling is decided once, by the
	// validator's own rules, and everything after that is a table lookup.
	const regionSpellings = new ByteInterner(bytes, MAX_SPELLINGS);
	/** Spelling → the region's place in options.regions (two spellings may name one region). */
	const regionOfSpelling: number[] = [];
	const regionBytes: Uint8Array[] = [];
	const regionByCode = new Map(options.regions.map((r, i) => [r.code, i]));
	const statusSpellings = new ByteInterner(bytes, MAX_SPELLINGS);
	const statusBytes: Uint8Array[] = [];
	const breakdownSpellings = new ByteInterner(bytes, MAX_SPELLINGS);
	const breakdownOfSpelling: number[] = [];
	const breakdownBytes: Uint8Array[] = [];
	const breakdownIsAll: boolean[] = [];
	/** A breakdown's part in a row's key: a hash of its stored value, the same in every part. */
	const breakdownSeed: number[] = [];
	const breakdownByValue = new Map<string, number>();
	const allBreakdown = encodeQuoted(allValue);

	/** A stored text cell the validator keeps as it is: no space to trim, not too long. */
	const checkPlainText = (i: number): void => {
		const s = start[i]!;
		const e = end[i]!;
		if (s === e) return;
		const first = bytes[s]!;
		const last = bytes[e - 1]!;
		if (first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80) {
			const text = cellText(i);
			if (text !== text.trim()) unsure('space around a text');
		}
		// UTF-8 takes at least one byte per UTF-16 unit, so only long byte runs need a count.
		if (e - s > MAX_TEXT_LENGTH && cellText(i).length > MAX_TEXT_LENGTH) unsure('long text');
	};

	const keys = new KeyHashes();
	/** Per region and year: the grain of its first row (1 breakdown, 2 per cooperative), plus 4. */
	const yearSpan = yearRange.max - yearRange.min + 1;
	if (options.regions.length * yearSpan > MAX_GROUPS) unsure('too many regions and years');
	const grains = new Uint8Array(options.regions.length * yearSpan);
	const values = new Float64Array(facts.length);
	const present = new Uint8Array(facts.length);

	const out = new StagedFileWriter(fd);
	out.ascii(stagedHeaderLine(options.kind));
	const decode = lap();

	// The loop reads the file through a name no closure shares, so that it stays in a register.
	const data = bytes;
	const n = data.length;
	const bytesView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let pos = headerEnd + 1;
	let line = 1 + lineOffset;
	let rows = 0;
	while (pos < n) {
		line += 1;
		// An empty line is a blank row, which the full way skips too.
		if (bytes[pos] === LF) {
			if (crlf) unsure('line ending');
			pos += 1;
			continue;
		}
		if (bytes[pos] === CR) {
			if (!crlf || bytes[pos + 1] !== LF) unsure('line ending');
			pos += 2;
			continue;
		}

		// Split the line into cells.
		const rowStart = pos;
		let field = 0;
		let p = pos;
		for (;;) {
			if (field === columns) unsure('more fields than the header');
			let b: number;
			if (data[p] === QUOTE) {
				p += 1;
				start[field] = p;
				for (;;) {
					if (p >= n) unsure('unclosed quote');
					const c = data[p]!;
					if (c === QUOTE) {
						if (data[p + 1] === QUOTE) {
							p += 2;
							continue;
						}
						break;
					}
					if (c === LF || c === CR) unsure('line break inside quotes');
					p += 1;
				}
				end[field] = p;
				quoted[field] = 1;
				p += 1;
				b = p < n ? data[p]! : -1;
				if (b !== delimiter && b !== LF && b !== CR && b !== -1) unsure('text after a quote');
			} else {
				start[field] = p;
				// Letters, the bulk of any text, are above every byte that stops a cell.
				while (p < n) {
					const c = data[p]!;
					if (c <= highestStop && stops[c] !== 0) break;
					p += 1;
				}
				b = p < n ? data[p]! : -1;
				if (b === QUOTE) unsure('quote inside a cell');
				end[field] = p;
				quoted[field] = 0;
			}
			field += 1;
			if (b === delimiter) {
				p += 1;
				continue;
			}
			if (b === CR) {
				if (!crlf || data[p + 1] !== LF) unsure('line ending');
				p += 2;
			} else if (b === LF) {
				if (crlf) unsure('line ending');
				p += 1;
			}
			break;
		}
		pos = p;
		if (field !== columns) unsure('fewer fields than the header');

		// Region.
		let spelling = regionSpellings.find(start[regionAt]!, end[regionAt]!);
		if (spelling < 0) {
			const match = options.resolveRegion(cellText(regionAt).trim());
			if (match.kind !== 'found') unsure('region not found');
			const region = regionByCode.get(match.region.code);
			if (region === undefined) unsure('region outside the list');
			regionBytes[region] ??= encodeQuoted(match.region.code);
			spelling = regionSpellings.add(start[regionAt]!, end[regionAt]!);
			if (spelling < 0) unsure('too many spellings of regions');
			regionOfSpelling[spelling] = region;
		}
		const region = regionOfSpelling[spelling]!;

		// Year: four digits within range.
		const ys = start[yearAt]!;
		if (end[yearAt]! - ys !== 4) unsure('year');
		let year = 0;
		for (let k = ys; k < ys + 4; k++) {
			const d = bytes[k]!;
			if (d < ZERO || d > NINE) unsure('year');
			year = year * 10 + d - ZERO;
		}
		if (year < yearRange.min || year > yearRange.max) unsure('year out of range');

		// Status.
		let status = statusSpellings.find(start[statusAt]!, end[statusAt]!);
		if (status < 0) {
			const value = cellText(statusAt).trim().toLowerCase();
			if (!(DATA_STATUSES as readonly string[]).includes(value)) unsure('status');
			status = statusSpellings.add(start[statusAt]!, end[statusAt]!);
			if (status < 0) unsure('too many spellings of statuses');
			statusBytes[status] = encodeQuoted(value);
		}

		// Source: not empty, no space to trim, not too long.
		if (start[sourceAt] === end[sourceAt]) unsure('empty source');
		checkPlainText(sourceAt);

		// Breakdown.
		let breakdown = -1;
		if (dimensionAt >= 0) {
			spelling = breakdownSpellings.find(start[dimensionAt]!, end[dimensionAt]!);
			if (spelling < 0) {
				const raw = cellText(dimensionAt).trim();
				if (raw.length > MAX_TEXT_LENGTH) unsure('long breakdown');
				const value = breakdownValue(raw, dataset);
				let known = breakdownByValue.get(value);
				if (known === undefined) {
					known = breakdownBytes.length;
					breakdownByValue.set(value, known);
					const encoded = encodeQuoted(value);
					breakdownBytes.push(encoded);
					breakdownIsAll.push(value === allValue);
					breakdownSeed.push(hashBytes(encoded, 0, encoded.length));
				}
				spelling = breakdownSpellings.add(start[dimensionAt]!, end[dimensionAt]!);
				if (spelling < 0) unsure('too many spellings of breakdowns');
				breakdownOfSpelling[spelling] = known;
			}
			breakdown = breakdownOfSpelling[spelling]!;
		}

		// Cooperative id and name.
		let idStart = 0;
		let idEnd = 0;
		if (idAt >= 0) {
			checkPlainText(idAt);
			idStart = start[idAt]!;
			idEnd = end[idAt]!;
		}
		if (nameAt >= 0) checkPlainText(nameAt);

		// Figures: empty, or plain digits.
		for (let j = 0; j < facts.length; j++) {
			present[j] = 0;
			const i = factAt[j]!;
			if (i < 0) continue;
			const s = start[i]!;
			const e = end[i]!;
			if (s === e) continue;
			if (e - s > MAX_PLAIN_DIGITS) unsure('long figure');
			let value = 0;
			for (let k = s; k < e; k++) {
				const d = bytes[k]!;
				if (d < ZERO || d > NINE) unsure('figure is not plain digits');
				value = value * 10 + d - ZERO;
			}
			const checked = checkFactValue(facts[j]!, value * factMultiplier[j]!, line, '', '');
			if (typeof checked !== 'number') unsure('figure refused');
			values[j] = checked as number;
			present[j] = 1;
		}
		for (const [part, whole] of pairs) {
			if (present[part] && present[whole] && values[part]! > values[whole]!) unsure('pair limit');
		}

		// One row per key, and one grain per region and year.
		const isBreakdown = breakdown >= 0 && !breakdownIsAll[breakdown];
		const slot = region * yearSpan + (year - yearRange.min);
		keys.add(slot, hashBytes(bytes, idStart, idEnd, breakdown >= 0 ? breakdownSeed[breakdown] : 0));
		const grain = 4 | (isBreakdown ? 1 : 0) | (idEnd > idStart ? 2 : 0);
		if (grains[slot] === 0) grains[slot] = grain;
		else if (grains[slot] !== grain) unsure('grains mixed');

		// The staged line, as writeStagedRecords writes it, into room made once for the whole
		// line: it is at most three times the row (a breakdown may grow when lower-cased) plus
		// figures written in full (a cell of 15 digits times a unit of 10^9 is 25 of them).
		const buf = out.reserve(3 * (pos - rowStart) + 512);
		const bufView = out.view;
		let at = writeDigits(buf, out.position, line);
		buf[at++] = COMMA;
		at = copyInto(buf, at, regionBytes[region]!, 0, regionBytes[region]!.length);
		buf[at++] = COMMA;
		if (bytes[ys] !== ZERO) at = copyInto(buf, at, bytes, ys, ys + 4);
		else at = writeDigits(buf, at, year);
		if (dataset.dimension) {
			const value = breakdown >= 0 ? breakdownBytes[breakdown]! : allBreakdown;
			buf[at++] = COMMA;
			at = copyInto(buf, at, value, 0, value.length);
		}
		if (dataset.perCooperative) {
			buf[at++] = COMMA;
			if (idEnd > idStart) {
				buf[at++] = QUOTE;
				at = copyWords(buf, bufView, at, bytes, bytesView, idStart, idEnd);
				buf[at++] = QUOTE;
			}
			buf[at++] = COMMA;
			if (nameAt >= 0 && end[nameAt]! > start[nameAt]!) {
				buf[at++] = QUOTE;
				at = copyWords(buf, bufView, at, bytes, bytesView, start[nameAt]!, end[nameAt]!);
				buf[at++] = QUOTE;
			}
		}
		for (let j = 0; j < facts.length; j++) {
			buf[at++] = COMMA;
			if (!present[j]) continue;
			const i = factAt[j]!;
			const s = start[i]!;
			// Digits without a leading zero already are the number the full way writes.
			if (factMultiplier[j] === 1 && (bytes[s] !== ZERO || end[i]! - s === 1))
				at = copyInto(buf, at, bytes, s, end[i]!);
			else if (Number.isSafeInteger(values[j]!)) at = writeDigits(buf, at, values[j]!);
			else {
				// Rupiah times a unit past 2^53, written in full as BIGINT reads it.
				const text = BigInt(values[j]!).toString();
				for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
			}
		}
		buf[at++] = COMMA;
		at = copyInto(buf, at, statusBytes[status]!, 0, statusBytes[status]!.length);
		buf[at++] = COMMA;
		buf[at++] = QUOTE;
		at = copyWords(buf, bufView, at, bytes, bytesView, start[sourceAt]!, end[sourceAt]!);
		buf[at++] = QUOTE;
		buf[at++] = NEWLINE;
		// A typed array drops writes past its end without a word: never let that pass.
		if (at > buf.length) throw new Error('A staged line outgrew the room made for it');
		out.advance(at);
		rows += 1;
	}
	const scan = lap();
	out.flush();
	return {
		kind: 'staged',
		rows,
		facts: facts.filter((_, j) => factAt[j]! >= 0).map((f) => f.id as FactId),
		encoding: bom ? 'utf-8-bom' : 'utf-8',
		delimiter: csv.delimiter,
		timings: { decode, scan, stage: lap() },
		keys: keys.all(),
		grains
	};
}

/** FNV-1a over bytes[start, end). */
function hashBytes(bytes: Uint8Array, start: number, end: number, seed = 0x811c9dc5): number {
	let h = seed;
	for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
	return h >>> 0;
}

function sameBytes(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
	if (aEnd - a !== bEnd - b) return false;
	for (let k = 0; k < aEnd - a; k++) if (bytes[a + k] !== bytes[b + k]) return false;
	return true;
}

/** Distinct byte runs of the file → 0, 1, 2, … in order of first sight, without strings. */
class ByteInterner {
	private slots = new Int32Array(1024).fill(-1);
	private starts: number[] = [];
	private ends: number[] = [];
	private lastHash = 0;
	private lastId = -1;

	constructor(
		private readonly bytes: Uint8Array,
		private readonly limit: number
	) {}

	/** The run's number, or -1 if it was not seen (or the limit was reached). */
	find(start: number, end: number): number {
		// Rows of a register come in runs of one cooperative: most cells repeat the row above.
		const last = this.lastId;
		if (last >= 0 && sameBytes(this.bytes, this.starts[last]!, this.ends[last]!, start, end))
			return last;
		const id = this.lookUp(start, end);
		if (id >= 0) this.lastId = id;
		return id;
	}

	private lookUp(start: number, end: number): number {
		const mask = this.slots.length - 1;
		const hash = hashBytes(this.bytes, start, end);
		this.lastHash = hash;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const id = this.slots[slot]!;
			if (id < 0) return -1;
			if (sameBytes(this.bytes, this.starts[id]!, this.ends[id]!, start, end)) return id;
		}
	}

	/** Numbers the run `find` just missed; -1 once `limit` runs are numbered. */
	add(start: number, end: number): number {
		const id = this.starts.length;
		if (id >= this.limit) return -1;
		this.starts.push(start);
		this.ends.push(end);
		if ((id + 1) * 2 > this.slots.length) this.rehash();
		else this.place(this.lastHash, id);
		this.lastId = id;
		return id;
	}

	private place(hash: number, id: number): void {
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
		this.slots[slot] = id;
	}

	private rehash(): void {
		this.slots = new Int32Array(this.slots.length * 2).fill(-1);
		for (let id = 0; id < this.starts.length; id++)
			this.place(hashBytes(this.bytes, this.starts[id]!, this.ends[id]!), id);
	}
}

/**
 * The keys of the rows, to find whether one repeats: the region and year exactly, the breakdown
 * and the cooperative id as a 32-bit hash of them. Sorting one number per row touches memory in
 * order; a hash table of a million keys missed the cache on every row. Two equal numbers mean
 * the same key or, rarely, a collision: either way this path is unsure, and the full way, which
 * compares keys exactly, decides. (The full way allows a repeated key when the two rows give
 * different figures; this path does not.)
 */
class KeyHashes {
	private keys = new Float64Array(1 << 16);
	private size = 0;

	/** `group` is the row's region and year as one number below 2^21. */
	add(group: number, hash: number): void {
		if (this.size === this.keys.length) {
			const grown = new Float64Array(this.keys.length * 2);
			grown.set(this.keys);
			this.keys = grown;
		}
		this.keys[this.size++] = group * 2 ** 32 + hash;
	}

	/** Every key added, in the order added. */
	all(): Float64Array {
		return this.keys.subarray(0, this.size);
	}
}
