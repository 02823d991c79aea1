/**
 * Reads a database file the way a checker should after a crash: read-only, so DuckDB replays the
 * WAL in memory and changes no file; the server's own restart then does the real recovery.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { HEADER } from './files';

export interface HarnessVersion {
	id: number;
	tag: string;
	rows: number;
	reverted: boolean;
	storedFile: string | null;
	sha256: string | null;
	/** Rows carrying this version, replaced or not, and their digest. */
	actualRows: number;
	digest: string;
	/** Rows this version retired (diganti_oleh = id). */
	replacedRows: number;
}

export interface Inspection {
	versions: HarnessVersion[];
	/** The rows readers see in the harness regions. */
	live: { rows: number; digest: string; versions: number[] };
	/** Fact rows whose version is not in the history. */
	orphans: number;
	/** Rows marked replaced by a version that is missing or undone. */
	dangling: number;
	/** Everything outside the harness regions: must never change. */
	untouched: string;
	tables: Record<string, number>;
}

const DIGEST = `md5(coalesce(string_agg(concat_ws('|', ${HEADER.join(', ')}), chr(10)
  ORDER BY kode_wilayah, tahun, id_koperasi), ''))`;

async function rows(c: DuckDBConnection, sql: string) {
	return (await c.runAndReadAll(sql)).getRowsJS();
}

/** The first row of a query that always returns one. */
async function row(c: DuckDBConnection, sql: string) {
	const [first] = await rows(c, sql);
	if (!first) throw new Error(`No row from ${sql}`);
	return first;
}

export async function withReadOnly<T>(
	file: string,
	work: (c: DuckDBConnection) => Promise<T>
): Promise<T> {
	const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
	const connection = await instance.connect();
	try {
		return await work(connection);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

export function inspect(file: string, regions: readonly string[], tagPrefix: string) {
	if (!regions.every((r) => /^[\d.]+$/.test(r))) throw new Error('Region codes only');
	if (!/^[a-z0-9-]+$/.test(tagPrefix)) throw new Error('Plain tag prefix only');
	const inRegions = `kode_wilayah IN (${regions.map((r) => `'${r}'`).join(', ')})`;
	return withReadOnly(file, async (c): Promise<Inspection> => {
		const versionRows = await rows(
			c,
			`SELECT v.id, v.catatan_sumber, v.jumlah_baris, v.dibatalkan_pada IS NOT NULL, v.berkas_tersimpan, v.sha256,
         (SELECT count(*)::INTEGER FROM koperasi k WHERE k.versi = v.id),
         (SELECT ${DIGEST} FROM koperasi k WHERE k.versi = v.id),
         (SELECT count(*)::INTEGER FROM koperasi k WHERE k.diganti_oleh = v.id)
       FROM versi_data v WHERE v.catatan_sumber LIKE '${tagPrefix}%' ORDER BY v.id`
		);
		const live = await row(
			c,
			`SELECT count(*)::INTEGER, ${DIGEST}, list(DISTINCT versi ORDER BY versi)
       FROM koperasi WHERE diganti_oleh IS NULL AND ${inRegions}`
		);
		const [orphans] = await row(
			c,
			`SELECT count(*)::INTEGER FROM koperasi k WHERE NOT EXISTS (SELECT 1 FROM versi_data v WHERE v.id = k.versi)`
		);
		const [dangling] = await row(
			c,
			`SELECT count(*)::INTEGER FROM koperasi k WHERE k.diganti_oleh IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM versi_data v WHERE v.id = k.diganti_oleh AND v.dibatalkan_pada IS NULL)`
		);
		const [untouched] = await row(
			c,
			`SELECT concat(count(*), '/', coalesce(sum(hash(k)), 0)) FROM koperasi k WHERE NOT ${inRegions}`
		);
		const tables: Record<string, number> = {};
		for (const [name] of await rows(
			c,
			`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1`
		))
			tables[String(name)] = Number(
				(await row(c, `SELECT count(*)::INTEGER FROM "${String(name)}"`))[0]
			);
		return {
			versions: versionRows.map(
				([id, tag, count, reverted, storedFile, sha256, actualRows, digest, replaced]) => ({
					id: Number(id),
					tag: String(tag),
					rows: Number(count),
					reverted: Boolean(reverted),
					storedFile: storedFile === null ? null : String(storedFile),
					sha256: sha256 === null ? null : String(sha256),
					actualRows: Number(actualRows),
					digest: String(digest),
					replacedRows: Number(replaced)
				})
			),
			live: {
				rows: Number(live[0]),
				digest: String(live[1]),
				versions: ((live[2] as number[] | null) ?? []).map(Number)
			},
			orphans: Number(orphans),
			dangling: Number(dangling),
			untouched: String(untouched),
			tables
		};
	});
}

/**
 * The byte offset of a data block holding `table` (DuckDB 1.5: 3 × 4 KiB of headers, then
 * 256 KiB blocks), for tests that damage exactly a block the start-up check must read.
 */
export function dataBlockOffset(file: string, table: string): Promise<number> {
	if (!/^[a-z_]+$/.test(table)) throw new Error('Plain table name only');
	return withReadOnly(file, async (c) => {
		const [blockId, blockSize] = await row(
			c,
			`SELECT min(block_id), (SELECT block_size FROM pragma_database_size())
       FROM pragma_storage_info('${table}') WHERE block_id >= 0`
		);
		if (blockId === null) throw new Error(`${table} has no data block`);
		return 3 * 4096 + Number(blockId) * Number(blockSize) + 100;
	});
}
