/**
 * A table as an Arrow IPC file, with its DuckDB column types kept (node-neo exposes no Arrow, so
 * the columns are read as JavaScript and written with apache-arrow).
 */
import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
	Float64,
	Int16,
	Int32,
	Int64,
	List,
	Field,
	Table,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';

function arrowType(duckdb: string): DataType {
	if (duckdb === 'VARCHAR') return new Utf8();
	if (duckdb === 'INTEGER') return new Int32();
	if (duckdb === 'SMALLINT') return new Int16();
	if (duckdb === 'BIGINT') return new Int64();
	if (duckdb === 'DOUBLE') return new Float64();
	if (duckdb === 'VARCHAR[]') return new List(new Field('item', new Utf8(), true));
	throw new Error(`No Arrow type for DuckDB ${duckdb}`);
}

export async function exportArrow(
	connection: DuckDBConnection,
	select: string,
	file: string
): Promise<number> {
	const reader = await connection.runAndReadAll(select);
	const names = reader.columnNames();
	const types = reader.columnTypes().map((t) => t.toString());
	const columns = reader.getColumnsJS();
	const vectors: Record<string, Vector> = {};
	names.forEach((name, i) => {
		vectors[name] = vectorFromArray(columns[i] as unknown[], arrowType(types[i]!));
	});
	const bytes = tableToIPC(new Table(vectors), 'stream');
	fs.writeFileSync(file, bytes);
	return bytes.length;
}
