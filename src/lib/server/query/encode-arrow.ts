/**
 * Query answers into the wire format of `$lib/arrow/codec` (same schema, same dictionary
 * encoding), straight from the coded answer the query gives: regions, statuses and sources are
 * already indices into small lists, so they become Arrow dictionaries without a string per row.
 */
import {
	Float64,
	Int32,
	RecordBatch,
	Struct,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Data,
	type Dictionary
} from 'apache-arrow';
import { DATA_STATUSES } from '$lib/catalogue/datasets';
import { QUERY_SCHEMA } from '$lib/arrow/codec';
import type { QueryRow } from '$lib/query/indicator-query';

export interface AnswerRegion {
	code: string;
	name: string;
	level: string;
}

/** An indicator answer as numbers, with the short lists its indices point into. */
export interface CodedAnswer {
	length: number;
	/** Per row, the index into `regions` (the regions asked for, in the order asked). */
	region: Int32Array;
	regions: readonly AnswerRegion[];
	year: Int32Array;
	value: (number | null)[];
	/** Per row, the index into DATA_STATUSES. */
	status: (number | null)[];
	/** Per row, the index into `sourceTexts`. */
	source: (number | null)[];
	sourceTexts: readonly string[];
	populationYear: (number | null)[];
}

const encoder = new TextEncoder();

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
	const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null) nullCount += 1;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	}
	return { nullBitmap, nullCount };
}

/** Region codes and names, statuses, sources: the same few texts in answer after answer. */
const ENCODED_TEXTS = new Map<string, Uint8Array>();
const MAX_ENCODED_TEXTS = 10_000;

function encodedText(text: string): Uint8Array {
	let bytes = ENCODED_TEXTS.get(text);
	if (!bytes) {
		bytes = encoder.encode(text);
		if (ENCODED_TEXTS.size >= MAX_ENCODED_TEXTS) ENCODED_TEXTS.clear();
		ENCODED_TEXTS.set(text, bytes);
	}
	return bytes;
}

/** Text column, row i being `texts[index[i]]`: each distinct text is encoded once. */
function utf8(index: ArrayLike<number>, texts: readonly string[]): Data<Utf8> {
	const encoded = texts.map(encodedText);
	const valueOffsets = new Int32Array(index.length + 1);
	let size = 0;
	for (let i = 0; i < index.length; i++) {
		size += encoded[index[i]!]!.length;
		valueOffsets[i + 1] = size;
	}
	const bytes = new Uint8Array(size);
	for (let i = 0; i < index.length; i++) bytes.set(encoded[index[i]!]!, valueOffsets[i]!);
	return makeData({
		type: new Utf8(),
		length: index.length,
		nullCount: 0,
		valueOffsets,
		data: bytes
	});
}

function identity(n: number): Int32Array {
	const indices = new Int32Array(n);
	for (let i = 0; i < n; i++) indices[i] = i;
	return indices;
}

/** Nulls as 0: the validity bitmap says which entries count. */
function int32Values(values: readonly (number | null)[]): Int32Array {
	const out = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = values[i] ?? 0;
	return out;
}

function float64Values(values: readonly (number | null)[]): Float64Array {
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = values[i] ?? 0;
	return out;
}

/** The schema's own type: Arrow writes a dictionary under the id of the type it was given. */
function typeOf(name: keyof QueryRow): Dictionary<Utf8, Int32> {
	return QUERY_SCHEMA.fields.find((field) => field.name === name)!.type as Dictionary<Utf8, Int32>;
}

function dictionary(
	name: keyof QueryRow,
	indices: readonly (number | null)[] | Int32Array,
	texts: readonly string[]
) {
	const nullable = !(indices instanceof Int32Array);
	return makeData({
		type: typeOf(name),
		length: indices.length,
		...(nullable ? validity(indices) : { nullCount: 0 }),
		data: nullable ? int32Values(indices) : indices,
		dictionary: makeVector(utf8(identity(texts.length), texts))
	});
}

function int32(values: readonly (number | null)[] | Int32Array) {
	const nullable = !(values instanceof Int32Array);
	return makeData({
		type: new Int32(),
		length: values.length,
		...(nullable ? validity(values) : { nullCount: 0 }),
		data: nullable ? int32Values(values) : values
	});
}

export function encodeCodedAnswer(answer: CodedAnswer): Uint8Array {
	const { regions } = answer;
	const levels = [...new Set(regions.map((r) => r.level))];
	const levelOf = Int32Array.from(regions, (r) => levels.indexOf(r.level));
	const children: Record<keyof QueryRow, Data> = {
		region_code: utf8(
			answer.region,
			regions.map((r) => r.code)
		),
		region_name: dictionary(
			'region_name',
			answer.region,
			regions.map((r) => r.name)
		),
		region_level: dictionary(
			'region_level',
			answer.region.map((r) => levelOf[r]!),
			levels
		),
		year: int32(answer.year),
		value: makeData({
			type: new Float64(),
			length: answer.length,
			...validity(answer.value),
			data: float64Values(answer.value)
		}),
		status: dictionary('status', answer.status, DATA_STATUSES),
		sources: dictionary('sources', answer.source, answer.sourceTexts),
		population_year: int32(answer.populationYear)
	};
	const data = makeData({
		type: new Struct(QUERY_SCHEMA.fields),
		length: answer.length,
		nullCount: 0,
		children: QUERY_SCHEMA.fields.map((field) => children[field.name as keyof QueryRow])
	});
	return tableToIPC(new Table(QUERY_SCHEMA, [new RecordBatch(QUERY_SCHEMA, data)]), 'stream');
}

/** The answer as rows (JSON and CSV), the same values the Arrow encoding carries. */
export function rowsOfCodedAnswer(answer: CodedAnswer): QueryRow[] {
	const rows: QueryRow[] = new Array(answer.length);
	for (let i = 0; i < answer.length; i++) {
		const region = answer.regions[answer.region[i]!]!;
		const status = answer.status[i];
		const source = answer.source[i];
		rows[i] = {
			region_code: region.code,
			region_name: region.name,
			region_level: region.level,
			year: answer.year[i]!,
			value: answer.value[i] ?? null,
			status: status == null ? null : DATA_STATUSES[status]!,
			sources: source == null ? null : answer.sourceTexts[source]!,
			population_year: answer.populationYear[i] ?? null
		};
	}
	return rows;
}
