/**
 * Runs indicator queries against the summary tables, brought up to the current data version
 * first, and keeps the answers (rows, and their Arrow encoding once asked for) for that version.
 *
 * The version is read from `versi_data` (every upload and undo changes it). Reading it is a
 * DuckDB call, so it is read again only when the database files changed since the last read:
 * DuckDB cannot commit without writing its WAL or its file, so unchanged files mean unchanged
 * data. A repeated question is then answered without DuckDB at all.
 */
import fs from 'node:fs';
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DatasetKind } from '$lib/catalogue/datasets';
import type { IndicatorQuery, QueryRow } from '$lib/query/indicator-query';
import type { Database } from '../duckdb/database';
import { Semaphore } from '../duckdb/semaphore';
import { ANSWER_LEADING_COLUMNS, compileIndicatorQuery } from './compile-indicator-sql';
import {
	encodeCodedAnswer,
	rowsOfCodedAnswer,
	type AnswerRegion,
	type CodedAnswer
} from './encode-arrow';
import { ResultCache } from './result-cache';
import { SourceSets } from './source-sets';
import {
	buildSummaries,
	readDataVersion,
	spanOf,
	type SummaryBuild,
	type YearSpan
} from './summary-tables';

/** About 100 MB: a few thousand typical answers, or every region × year of 45 indicators. */
const DEFAULT_CACHE_ROWS = 400_000;

/** One answer, coded as the query gave it; rows and Arrow are made from it when first asked. */
interface Answer {
	length: number;
	coded: CodedAnswer;
	rows?: readonly QueryRow[];
	arrow?: Uint8Array<ArrayBuffer>;
}

interface QueryState {
	/** The data version last read, and the state of the database files before that read. */
	version: string | null;
	stamp: string | null;
	built: SummaryBuild | null;
	builds: number;
	versionReads: number;
	/** One rebuild at a time: DuckDB refuses two transactions replacing the same table. */
	building: Semaphore;
	/** Indicator answers, and other answers kept with `rememberForVersion` (keys never collide). */
	cache: ResultCache<{ length: number }>;
	/** Name and level of every region, read once: the regions never change after the first start. */
	regions: Map<string, AnswerRegion> | null;
	/** Text of the source sets the summaries name. */
	sources: SourceSets;
}

const states = new WeakMap<Database, QueryState>();

function stateOf(db: Database, cacheRows = DEFAULT_CACHE_ROWS): QueryState {
	let state = states.get(db);
	if (!state) {
		state = {
			version: null,
			stamp: null,
			built: null,
			builds: 0,
			versionReads: 0,
			building: new Semaphore(1),
			cache: new ResultCache<{ length: number }>(cacheRows, (answer) => answer.length),
			regions: null,
			sources: new SourceSets()
		};
		states.set(db, state);
	}
	return state;
}

/** Sets how many rows of answers are kept (0: none); call before the first query. */
export function configureQueryCache(db: Database, rows: number): void {
	states.delete(db);
	stateOf(db, rows);
}

/** File times are coarse (a kernel tick): a file changed this recently may change again unseen. */
const SETTLED_MS = 100;

/**
 * Size and modification time of the database file and its WAL, or null when they cannot vouch for
 * the data: an in-memory database, or a file modified within the last moments.
 */
function fileStamp(file: string): string | null {
	if (file === ':memory:') return null;
	const now = Date.now();
	const parts: string[] = [];
	for (const f of [file, `${file}.wal`]) {
		const stat = fs.statSync(f, { bigint: true, throwIfNoEntry: false });
		if (stat && now - Number(stat.mtimeMs) < SETTLED_MS) return null;
		parts.push(stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : '-');
	}
	return parts.join('|');
}

async function readVersion(db: Database, state: QueryState, connection: DuckDBConnection) {
	// Stamped before reading: a commit in between changes the files again, so it is not missed.
	const stamp = fileStamp(db.path);
	state.version = await readDataVersion(connection);
	state.stamp = stamp;
	state.versionReads += 1;
	return state.version;
}

/** The current data version, without a DuckDB call when the database files have not changed. */
async function currentVersion(db: Database, state: QueryState): Promise<string> {
	const stamp = fileStamp(db.path);
	if (stamp !== null && stamp === state.stamp && state.version !== null) return state.version;
	return db.withConnection((connection) => readVersion(db, state, connection));
}

/** Summary tables at `version` or newer. */
async function freshSummaries(
	db: Database,
	state: QueryState,
	connection: DuckDBConnection,
	version: string
): Promise<SummaryBuild> {
	if (state.built?.version !== version) {
		const release = await state.building.acquire();
		try {
			const rebuilt = await buildSummaries(connection, state.built?.version ?? null);
			if (rebuilt) {
				await state.sources.load(connection);
				state.built = rebuilt;
				state.builds += 1;
			}
		} finally {
			release();
		}
	}
	return state.built!;
}

/** Statements prepared per (pooled) connection: DuckDB then skips parsing and planning. */
const statements = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();
/** Every indicator × normalisation is one statement; regions and years are parameters. */
const STATEMENTS_PER_CONNECTION = 200;

async function prepared(connection: DuckDBConnection, sql: string) {
	let prepared = statements.get(connection);
	if (!prepared) statements.set(connection, (prepared = new Map()));
	let statement = prepared.get(sql);
	if (!statement) {
		statement = await connection.prepare(sql);
		prepared.set(sql, statement);
		if (prepared.size > STATEMENTS_PER_CONNECTION) {
			const [oldest, old] = prepared.entries().next().value!;
			prepared.delete(oldest);
			old.destroySync();
		}
	}
	return statement;
}

async function regionsOf(state: QueryState, connection: DuckDBConnection) {
	if (!state.regions) {
		const reader = await connection.runAndReadAll(
			'SELECT kode_wilayah, nama_wilayah, tingkat FROM wilayah'
		);
		state.regions = new Map(
			reader.getRows().map(([code, name, level]) => {
				const region = { code: String(code), name: String(name), level: String(level) };
				return [region.code, region];
			})
		);
	}
	return state.regions;
}

function cacheKey(query: IndicatorQuery): string {
	const { indicator, per, from, to, regions } = query;
	return `indicator|${indicator.id}|${per}|${from}|${to}|${regions.join(',')}`;
}

/**
 * The coded answer from the query's columns (see `compileIndicatorQuery`), or null when a source
 * set id is not among the sets read so far.
 */
function decodeAnswer(
	columns: (number | null)[][],
	sourceSetCount: number,
	regions: readonly AnswerRegion[],
	sets: SourceSets
): CodedAnswer | null {
	const [region = [], year = [], value = [], status = []] = columns;
	const leading = ANSWER_LEADING_COLUMNS.length;
	const sourceSets = columns.slice(leading, leading + sourceSetCount);
	const populationYear = columns[leading + sourceSetCount] ?? [];
	const length = region.length;
	const sourceTexts: string[] = [];
	const sourceIndex = new Map<string, number>();
	const source: (number | null)[] = new Array(length);
	const ids: (number | null)[] = new Array(sourceSetCount);
	for (let i = 0; i < length; i++) {
		for (let s = 0; s < sourceSetCount; s++) ids[s] = sourceSets[s]![i]!;
		const text = sets.text(ids);
		if (text === undefined) return null;
		if (text === null) {
			source[i] = null;
			continue;
		}
		let index = sourceIndex.get(text);
		if (index === undefined) {
			index = sourceTexts.push(text) - 1;
			sourceIndex.set(text, index);
		}
		source[i] = index;
	}
	return {
		length,
		region: Int32Array.from(region as number[]),
		regions,
		year: Int32Array.from(year as number[]),
		value,
		status,
		source,
		sourceTexts,
		populationYear
	};
}

async function answer(db: Database, query: IndicatorQuery): Promise<Answer> {
	const state = stateOf(db);
	const key = cacheKey(query);
	const version = await currentVersion(db, state);
	const cached = state.cache.get(version, key) as Answer | undefined;
	if (cached) return cached;
	return db.withConnection(async (connection) => {
		const built = await freshSummaries(db, state, connection, version);
		const { sql, params, sourceSets } = compileIndicatorQuery(query);
		const statement = await prepared(connection, sql);
		statement.bind(
			{ regions: listValue(params.regions), from: params.from, to: params.to },
			{ regions: LIST(VARCHAR), from: INTEGER, to: INTEGER }
		);
		const reader = await statement.runAndReadAll();
		// Every column is a number, and DuckDB's numbers are JavaScript's: no conversion needed.
		const columns = reader.getColumns() as (number | null)[][];
		const known = await regionsOf(state, connection);
		const regions = params.regions.map((code) => known.get(code)!);
		let coded = decodeAnswer(columns, sourceSets, regions, state.sources);
		if (!coded) {
			// The summaries were rebuilt by another caller since the sets were read.
			await state.sources.load(connection);
			coded = decodeAnswer(columns, sourceSets, regions, state.sources);
			if (!coded) throw new Error('The answer names a source set that was never built');
		}
		const fresh: Answer = { length: coded.length, coded };
		state.cache.set(built.version, key, fresh);
		return fresh;
	});
}

function rowsOf(found: Answer): readonly QueryRow[] {
	found.rows ??= rowsOfCodedAnswer(found.coded);
	return found.rows;
}

export async function runIndicatorQuery(db: Database, query: IndicatorQuery): Promise<QueryRow[]> {
	// Cached rows are shared between requests: callers get their own array, the rows are read-only.
	return rowsOf(await answer(db, query)).slice();
}

/** The answer as an Arrow IPC stream (the `$lib/arrow/codec` format), encoded once per answer. */
export async function runIndicatorQueryArrow(
	db: Database,
	query: IndicatorQuery
): Promise<Uint8Array<ArrayBuffer>> {
	const found = await answer(db, query);
	// tableToIPC allocates a fresh ArrayBuffer, never a SharedArrayBuffer.
	found.arrow ??= encodeCodedAnswer(found.coded) as Uint8Array<ArrayBuffer>;
	return found.arrow;
}

/**
 * `work`'s answer for the current data version: run once, then kept like indicator answers (same
 * invalidation, same bound). `key` must name the question completely, with a prefix of its own.
 */
export async function rememberForVersion<T extends { length: number }>(
	db: Database,
	key: string,
	work: (connection: DuckDBConnection) => Promise<T>
): Promise<T> {
	const state = stateOf(db);
	const version = await currentVersion(db, state);
	const cached = state.cache.get(version, key) as T | undefined;
	if (cached) return cached;
	const fresh = await db.withConnection(work);
	state.cache.set(version, key, fresh);
	return fresh;
}

/**
 * First and last year that any of `kinds` holds (every fact dataset when not given), for the
 * current data version; when none of them has rows, the span of all of them.
 */
export async function readDataYears(
	db: Database,
	kinds?: readonly DatasetKind[]
): Promise<YearSpan | null> {
	const state = stateOf(db);
	const version = await currentVersion(db, state);
	const built =
		state.built?.version === version
			? state.built
			: await db.withConnection((connection) => freshSummaries(db, state, connection, version));
	if (!kinds) return built.years;
	const spans = kinds.flatMap((kind) => built.yearsByKind[kind] ?? []);
	return spanOf(spans) ?? built.years;
}

/** Counters for specs and the benchmark. */
export function queryStats(db: Database): {
	version: string | null;
	builds: number;
	versionReads: number;
	hits: number;
	misses: number;
	cached: number;
} {
	const state = stateOf(db);
	return {
		version: state.built?.version ?? null,
		builds: state.builds,
		versionReads: state.versionReads,
		hits: state.cache.hits,
		misses: state.cache.misses,
		cached: state.cache.size
	};
}
