/**
 * The database schema, derived from the dataset definitions. Fact tables keep every upload's rows
 * with the version that added them and, once replaced, the version that replaced them: undo is
 * then a matter of flipping those markers, and readers filter on `diganti_oleh IS NULL`.
 *
 * A replace works per fact: a stored row that also holds facts the file does not carry is
 * retired and written again by the replacing version without the replaced facts, `dibawa_dari`
 * naming the version its figures came from (NULL for a row read from the version's own file).
 */
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import type { DuckDBConnection } from '@duckdb/node-api';

export const SCHEMA_VERSION = 2;

export function quoteIdentifier(name: string): string {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing identifier ${name}`);
	return `"${name}"`;
}

export function tableOf(kind: DatasetKind): string {
	return quoteIdentifier(kind);
}

export function dimensionColumn(kind: DatasetKind): string | null {
	const dataset = DATASETS[kind];
	return 'dimension' in dataset ? dataset.dimension.id : null;
}

function factTableDdl(kind: DatasetKind): string {
	const dataset = DATASETS[kind];
	const dimension = dimensionColumn(kind);
	const columns = [
		'versi INTEGER NOT NULL',
		'diganti_oleh INTEGER',
		'baris INTEGER',
		'kode_wilayah VARCHAR NOT NULL',
		'tahun SMALLINT NOT NULL',
		...(dimension ? [`${quoteIdentifier(dimension)} VARCHAR NOT NULL`] : []),
		...(dataset.perCooperative ? ['id_koperasi VARCHAR', 'nama_koperasi VARCHAR'] : []),
		...dataset.facts.map((f) => `${quoteIdentifier(f.id)} BIGINT`),
		"status_data VARCHAR NOT NULL CHECK (status_data IN ('resmi', 'estimasi', 'sintetis'))",
		'sumber VARCHAR NOT NULL',
		// Last, where ALTER TABLE puts it in a file made by schema version 1.
		'dibawa_dari INTEGER'
	];
	return `CREATE TABLE IF NOT EXISTS ${tableOf(kind)} (\n  ${columns.join(',\n  ')}\n)`;
}

export const SCHEMA_STATEMENTS: string[] = [
	`CREATE TABLE IF NOT EXISTS meta (kunci VARCHAR PRIMARY KEY, nilai VARCHAR NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS wilayah (
  kode_wilayah VARCHAR PRIMARY KEY,
  kode_bps VARCHAR,
  nama_wilayah VARCHAR NOT NULL,
  nama_pendek VARCHAR NOT NULL,
  tingkat VARCHAR NOT NULL CHECK (tingkat IN ('provinsi', 'kabkota')),
  jenis VARCHAR NOT NULL,
  kode_provinsi VARCHAR NOT NULL,
  nama_provinsi VARCHAR NOT NULL,
  penduduk_2025 BIGINT,
  luas_km2 DOUBLE
)`,
	`CREATE SEQUENCE IF NOT EXISTS versi_id START 1`,
	`CREATE TABLE IF NOT EXISTS versi_data (
  id INTEGER PRIMARY KEY,
  jenis_data VARCHAR NOT NULL,
  mode VARCHAR NOT NULL,
  nama_berkas VARCHAR,
  sha256 VARCHAR,
  jumlah_baris INTEGER NOT NULL,
  oleh VARCHAR NOT NULL,
  waktu TIMESTAMPTZ NOT NULL DEFAULT now(),
  catatan_sumber VARCHAR,
  berkas_tersimpan VARCHAR,
  ringkasan VARCHAR,
  dibatalkan_pada TIMESTAMPTZ
)`,
	`CREATE TABLE IF NOT EXISTS pengguna (
  nama VARCHAR PRIMARY KEY,
  peran VARCHAR NOT NULL CHECK (peran IN ('viewer', 'analyst', 'admin')),
  hash_sandi VARCHAR,
  dibuat TIMESTAMPTZ NOT NULL DEFAULT now()
)`,
	`CREATE TABLE IF NOT EXISTS token_api (
  hash VARCHAR PRIMARY KEY,
  nama VARCHAR NOT NULL,
  dibuat TIMESTAMPTZ NOT NULL DEFAULT now(),
  dicabut TIMESTAMPTZ
)`,
	// Added after the first release: databases made before it get the column here.
	`ALTER TABLE token_api ADD COLUMN IF NOT EXISTS berlaku_sampai TIMESTAMPTZ`,
	`CREATE TABLE IF NOT EXISTS sesi (
  hash VARCHAR PRIMARY KEY,
  nama VARCHAR NOT NULL,
  dibuat TIMESTAMPTZ NOT NULL,
  terakhir TIMESTAMPTZ NOT NULL
)`,
	...(Object.keys(DATASETS) as DatasetKind[]).map(factTableDdl),
	...(Object.keys(DATASETS) as DatasetKind[]).map(
		(kind) => `ALTER TABLE ${tableOf(kind)} ADD COLUMN IF NOT EXISTS dibawa_dari INTEGER`
	)
];

export async function migrate(connection: DuckDBConnection): Promise<void> {
	for (const statement of SCHEMA_STATEMENTS) await connection.run(statement);
	await connection.run(
		`INSERT INTO meta VALUES ('schema_version', $1) ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai`,
		[String(SCHEMA_VERSION)]
	);
}
