/**
 * Summary tables: for every region and year, each fact's sum over the live rows, the worst status
 * and the sources behind it — exactly what an indicator query computed from the fact tables, done
 * once per data version instead of on every request. A per-cooperative register of a million rows
 * becomes one row per region and year.
 *
 * They live in an in-memory database attached to the instance (`ringkasan`): visible to every
 * connection, never in the file, its backups or its checksums, and rebuilt from the facts after a
 * restart.
 *
 * A fact's sources are kept as the id of a source set (`SOURCE_SETS`: one row per distinct sorted
 * list of sources), not as the list: a query then returns small integers instead of merging,
 * sorting and joining lists of text for every row, and the caller turns ids into text once per
 * distinct combination (`source-sets.ts`). Ids come from a sequence that outlives rebuilds, so an
 * id never names two different sets: a query that raced a rebuild cannot be given the wrong text.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATA_STATUSES, DATASETS, FACT_DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import { YEAR_BOUNDS } from '$lib/query/indicator-query';
import { quoteIdentifier, tableOf } from '../duckdb/schema';

export const SUMMARY_DATABASE = 'ringkasan';

/**
 * A figure's status as a rank (resmi 0, estimasi 1, sintetis 2) and back: a value derived from
 * several figures carries the worst of their statuses, which is the largest rank.
 */
export const STATUS_RANK_SQL = `CASE status_data ${DATA_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

export function statusOfRankSql(rank: string): string {
	return `CASE ${rank} ${DATA_STATUSES.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END`;
}

/** The summary of a dataset, as a qualified table name. */
export function summaryTable(kind: DatasetKind): string {
	return `${SUMMARY_DATABASE}.${tableOf(kind)}`;
}

/** Column names of a fact's worst status (0 resmi … 2 sintetis) and its sources in a summary. */
export function statusColumn(fact: string): string {
	return quoteIdentifier(`${fact}__status`);
}
/** The id of the fact's source set (`SOURCE_SETS`), null where the fact has no figure. */
export function sourcesColumn(fact: string): string {
	return quoteIdentifier(`${fact}__sources`);
}

/**
 * Population keeps only rows with a figure, so that a region-year with a population row but no
 * number counts as unknown (the nearest year with a figure is used instead).
 */
function summarySelect(kind: DatasetKind): string {
	const facts = factsOf(kind);
	const columns = facts.flatMap((fact) => {
		const f = quoteIdentifier(fact);
		return [
			`SUM(${f})::DOUBLE AS ${f}`,
			`max(${STATUS_RANK_SQL}) FILTER (WHERE ${f} IS NOT NULL) AS ${statusColumn(fact)}`,
			`list_sort(list(DISTINCT sumber) FILTER (WHERE ${f} IS NOT NULL)) AS ${sourcesColumn(fact)}`
		];
	});
	const withFigure = kind === 'penduduk' ? ' AND jumlah_penduduk IS NOT NULL' : '';
	return `SELECT kode_wilayah, tahun::INTEGER AS tahun, ${columns.join(', ')}
    FROM ${tableOf(kind)}
    WHERE diganti_oleh IS NULL${withFigure}
    GROUP BY kode_wilayah, tahun
    ORDER BY kode_wilayah, tahun`;
}

export const SUMMARY_KINDS: readonly DatasetKind[] = [...FACT_DATASETS, 'penduduk'];

/** Every distinct sorted list of sources in the summaries: `id INTEGER, sumber VARCHAR[]`. */
export const SOURCE_SETS = `${SUMMARY_DATABASE}.sumber_set`;
const SOURCE_SET_IDS = `${SUMMARY_DATABASE}.sumber_set_id`;

/** A summary with source lists, as built before they are replaced by set ids. */
function listsTable(kind: DatasetKind): string {
	return `${SUMMARY_DATABASE}.${quoteIdentifier(`daftar_${kind}`)}`;
}

function factsOf(kind: DatasetKind): string[] {
	return DATASETS[kind].facts.map((f) => f.id);
}

const SOURCE_SETS_SELECT = `SELECT nextval('${SOURCE_SET_IDS}')::INTEGER AS id, sumber FROM (
    SELECT DISTINCT sumber FROM (${SUMMARY_KINDS.flatMap((kind) =>
			factsOf(kind).map(
				(fact) => `SELECT ${sourcesColumn(fact)} AS sumber FROM ${listsTable(kind)}`
			)
		).join(' UNION ALL ')}) WHERE sumber IS NOT NULL)`;

/**
 * The summary of `kind` with each source list replaced by the id of its set, looked up in one map
 * of all sets: one join per fact made a star of up to 16 tables, whose join order DuckDB spent
 * longer planning than the whole rebuild takes otherwise.
 */
function withSourceSetIds(kind: DatasetKind): string {
	const replaced = factsOf(kind)
		.map((fact) => `ids.m[l.${sourcesColumn(fact)}] AS ${sourcesColumn(fact)}`)
		.join(', ');
	return `SELECT l.* REPLACE (${replaced}) FROM ${listsTable(kind)} l
    CROSS JOIN (SELECT map_from_entries(list(struct_pack(k := sumber, v := id))) AS m FROM ${SOURCE_SETS}) ids
    ORDER BY l.kode_wilayah, l.tahun`;
}

/**
 * For every region with a population figure and every year a query may ask for, the population
 * of that year, else of the nearest year with a figure (the later one on a tie): two ASOF joins,
 * once per version, instead of a window over regions × years × population years in every query.
 */
export const NEAREST_POPULATION = `${SUMMARY_DATABASE}.penduduk_terdekat`;

const NEAREST_POPULATION_SELECT = `WITH g AS (
    SELECT r.kode_wilayah, t.tahun::INTEGER AS tahun
    FROM (SELECT DISTINCT kode_wilayah FROM ${summaryTable('penduduk')}) r
    CROSS JOIN range(${YEAR_BOUNDS.min}, ${YEAR_BOUNDS.max + 1}) AS t(tahun)
  ),
  below AS (
    SELECT g.kode_wilayah, g.tahun, p.tahun AS year FROM g ASOF JOIN ${summaryTable('penduduk')} p
      ON p.kode_wilayah = g.kode_wilayah AND g.tahun >= p.tahun
  ),
  above AS (
    SELECT g.kode_wilayah, g.tahun, p.tahun AS year FROM g ASOF JOIN ${summaryTable('penduduk')} p
      ON p.kode_wilayah = g.kode_wilayah AND g.tahun <= p.tahun
  ),
  nearest AS (
    SELECT g.kode_wilayah, g.tahun, CASE
        WHEN a.year IS NULL THEN b.year
        WHEN b.year IS NULL THEN a.year
        WHEN a.year - g.tahun <= g.tahun - b.year THEN a.year
        ELSE b.year END AS year
    FROM g LEFT JOIN below b USING (kode_wilayah, tahun) LEFT JOIN above a USING (kode_wilayah, tahun)
  )
  SELECT n.kode_wilayah, n.tahun, p.jumlah_penduduk, p.tahun AS population_year,
    p.${statusColumn('jumlah_penduduk')}, p.${sourcesColumn('jumlah_penduduk')}
  FROM nearest n JOIN ${summaryTable('penduduk')} p ON p.kode_wilayah = n.kode_wilayah AND p.tahun = n.year
  ORDER BY n.kode_wilayah, n.tahun`;

/**
 * What identifies the stored data: every upload adds a version and every undo marks one, so any
 * change to the facts changes this text. Read in the caller's transaction.
 */
export async function readDataVersion(connection: DuckDBConnection): Promise<string> {
	const reader = await connection.runAndReadAll(
		`SELECT count(*)::INTEGER, coalesce(max(id), 0)::INTEGER, count(dibatalkan_pada)::INTEGER FROM versi_data`
	);
	const [count, latest, undone] = reader.getRows()[0] ?? [0, 0, 0];
	return `${count}.${latest}.${undone}`;
}

export interface YearSpan {
	from: number;
	to: number;
}

export interface SummaryBuild {
	version: string;
	/** First and last year of any fact dataset's live rows. */
	years: YearSpan | null;
	/**
	 * The same per fact dataset: an indicator's default range is the span of the datasets it reads,
	 * so a programme snapshot of a later year (kdkmp, 2026) adds no empty year to every other chart.
	 */
	yearsByKind: Partial<Record<DatasetKind, YearSpan>>;
}

/**
 * Rebuilds every summary table in one transaction and returns the data version they reflect.
 * `current` skips the work when that version is already built.
 */
export async function buildSummaries(
	connection: DuckDBConnection,
	current: string | null
): Promise<SummaryBuild | null> {
	await connection.run(`ATTACH IF NOT EXISTS ':memory:' AS ${SUMMARY_DATABASE}`);
	await connection.run('BEGIN TRANSACTION');
	try {
		const version = await readDataVersion(connection);
		if (version === current) {
			await connection.run('COMMIT');
			return null;
		}
		await connection.run(`CREATE SEQUENCE IF NOT EXISTS ${SOURCE_SET_IDS}`);
		for (const kind of SUMMARY_KINDS) {
			await connection.run(`CREATE OR REPLACE TABLE ${listsTable(kind)} AS ${summarySelect(kind)}`);
		}
		await connection.run(`CREATE OR REPLACE TABLE ${SOURCE_SETS} AS ${SOURCE_SETS_SELECT}`);
		for (const kind of SUMMARY_KINDS) {
			await connection.run(
				`CREATE OR REPLACE TABLE ${summaryTable(kind)} AS ${withSourceSetIds(kind)}`
			);
			await connection.run(`DROP TABLE ${listsTable(kind)}`);
		}
		await connection.run(
			`CREATE OR REPLACE TABLE ${NEAREST_POPULATION} AS ${NEAREST_POPULATION_SELECT}`
		);
		const reader = await connection.runAndReadAll(
			`SELECT kind, min(tahun)::INTEGER, max(tahun)::INTEGER FROM (${FACT_DATASETS.map(
				(kind) => `SELECT '${kind}' AS kind, tahun FROM ${summaryTable(kind)}`
			).join(' UNION ALL ')}) GROUP BY kind`
		);
		await connection.run('COMMIT');
		const yearsByKind: Partial<Record<DatasetKind, YearSpan>> = {};
		for (const [kind, from, to] of reader.getRows())
			yearsByKind[String(kind) as DatasetKind] = { from: Number(from), to: Number(to) };
		return { version, years: spanOf(Object.values(yearsByKind)), yearsByKind };
	} catch (error) {
		await connection.run('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

/** The span covering all of these, null for none. */
export function spanOf(spans: readonly YearSpan[]): YearSpan | null {
	if (spans.length === 0) return null;
	return {
		from: Math.min(...spans.map((s) => s.from)),
		to: Math.max(...spans.map((s) => s.to))
	};
}
