/**
 * The wire format of query results: an Arrow IPC stream with an explicit schema, so the browser
 * sees the same types whatever the values (Arrow's inference would turn an all-null column into
 * Null). Repetitive text (names, statuses, long source notes) is dictionary-encoded: each distinct
 * string travels once, which keeps a 27-region × 8-year answer small.
 */
import {
	Dictionary,
	Field,
	Float64,
	Int32,
	Schema,
	Table,
	Utf8,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	makeData,
	RecordBatch,
	Struct,
	type DataType
} from 'apache-arrow';
import type { QueryRow } from '$lib/query/indicator-query';

export const ARROW_MIME = 'application/vnd.apache.arrow.stream';

const text = () => new Dictionary(new Utf8(), new Int32());

const FIELDS: readonly Field<DataType>[] = [
	new Field('region_code', new Utf8(), false),
	new Field('region_name', text(), false),
	new Field('region_level', text(), false),
	new Field('year', new Int32(), false),
	new Field('value', new Float64(), true),
	new Field('status', text(), true),
	new Field('sources', text(), true),
	new Field('population_year', new Int32(), true)
];

export const QUERY_SCHEMA = new Schema([...FIELDS]);

export function encodeQueryRows(rows: readonly QueryRow[]): Uint8Array {
	// One batch whose columns follow the declared schema exactly (Table would infer nullability).
	const children = FIELDS.map((field) => {
		const vector = vectorFromArray(
			rows.map((row) => row[field.name as keyof QueryRow]),
			field.type
		);
		// vectorFromArray builds a single chunk (its builder has no high-water mark).
		return vector.data[0]!;
	});
	const data = makeData({
		type: new Struct([...FIELDS]),
		length: rows.length,
		nullCount: 0,
		children
	});
	return tableToIPC(new Table(QUERY_SCHEMA, [new RecordBatch(QUERY_SCHEMA, data)]), 'stream');
}

export function decodeQueryRows(bytes: Uint8Array | ArrayBuffer): QueryRow[] {
	const table = tableFromIPC(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
	const columns = FIELDS.map((field) => table.getChild(field.name));
	const rows: QueryRow[] = [];
	for (let i = 0; i < table.numRows; i++) {
		const get = (c: number) => columns[c]?.get(i) ?? null;
		rows.push({
			region_code: String(get(0)),
			region_name: String(get(1)),
			region_level: String(get(2)),
			year: Number(get(3)),
			value: get(4) === null ? null : Number(get(4)),
			status: get(5) as QueryRow['status'],
			sources: get(6) as string | null,
			population_year: get(7) === null ? null : Number(get(7))
		});
	}
	return rows;
}
