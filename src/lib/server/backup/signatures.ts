/**
 * A table's signature: its row count and an order-independent checksum of every value in it.
 * Computing it reads every block of the table, so DuckDB verifies each block's checksum on the way:
 * the start-up check and the backup manifest are the same query.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface TableSignature {
	table: string;
	rows: number;
	/** `sum(hash(row))` as decimal text: equal for equal contents, whatever the row order. */
	checksum: string;
}

export function quoteName(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

export function quoteText(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** The tables of the main schema, by name. */
export async function listTables(connection: DuckDBConnection): Promise<string[]> {
	const reader = await connection.runAndReadAll(
		`SELECT table_name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
     ORDER BY table_name`
	);
	return reader.getRows().map(([name]) => String(name));
}

/** The signature of one relation: a table name (quoted) or a table function such as read_parquet. */
export async function signatureOf(
	connection: DuckDBConnection,
	table: string,
	relation: string
): Promise<TableSignature> {
	const reader = await connection.runAndReadAll(
		`SELECT count(*)::BIGINT, coalesce(sum(hash(t)), 0)::VARCHAR FROM ${relation} t`
	);
	const [rows, checksum] = reader.getRows()[0] ?? [0, '0'];
	return { table, rows: Number(rows), checksum: String(checksum) };
}

export async function tableSignatures(connection: DuckDBConnection): Promise<TableSignature[]> {
	const signatures: TableSignature[] = [];
	for (const table of await listTables(connection))
		signatures.push(await signatureOf(connection, table, quoteName(table)));
	return signatures;
}
