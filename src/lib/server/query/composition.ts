/**
 * A fact split by its dataset's breakdown column (cooperative type, business category): SUMs per
 * region, year and category, the `semua` (whole-region) rows left out. The figures are the same
 * sums the indicator SQL makes; only the grouping differs. Identifiers come from the dataset
 * catalogue; everything a user chose is a bound parameter.
 */
import { INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import {
	DATASETS,
	type DatasetDefinition,
	type DatasetKind,
	type FactId
} from '$lib/catalogue/datasets';
import { parameterProblem, parseRegionsAndYears } from '$lib/query/indicator-query';
import type { Database } from '../duckdb/database';
import { dimensionColumn, quoteIdentifier, tableOf } from '../duckdb/schema';
import { rememberForVersion } from './run-indicator-query';
import { STATUS_RANK_SQL, statusOfRankSql } from './summary-tables';

/** The breakdown value of rows that cover the whole region. */
const ALL_VALUE = 'semua' satisfies NonNullable<DatasetDefinition['dimension']>['allValue'];

/** The datasets that have a breakdown column. */
export const COMPOSITION_DATASETS = (Object.keys(DATASETS) as DatasetKind[]).filter(
	(kind) => dimensionColumn(kind) !== null
);

export interface CompositionQuery {
	dataset: DatasetKind;
	dimension: string;
	fact: FactId;
	regions: string[];
	from: number;
	to: number;
}

export interface CompositionRow {
	region_code: string;
	year: number;
	category: string;
	value: number | null;
	status: 'resmi' | 'estimasi' | 'sintetis' | null;
	sources: string | null;
}

export type ParsedComposition =
	{ ok: true; query: CompositionQuery } | { ok: false; error: string };

const KNOWN = new Set(['dataset', 'fact', 'regions', 'from', 'to', 'lang']);

/** Checks every parameter; the caller checks that the regions exist. */
export function parseCompositionQuery(
	params: URLSearchParams,
	defaults: { from: number; to: number }
): ParsedComposition {
	const wrong = parameterProblem(params, KNOWN);
	if (wrong) return { ok: false, error: wrong };
	const dataset = params.get('dataset') ?? '';
	if (!(COMPOSITION_DATASETS as string[]).includes(dataset))
		return {
			ok: false,
			error: `Parameter "dataset" must be one of ${COMPOSITION_DATASETS.join(', ')}`
		};
	const kind = dataset as DatasetKind;
	const dimension = dimensionColumn(kind)!;
	const fact = params.get('fact') ?? '';
	const facts: readonly { id: string }[] = DATASETS[kind].facts;
	if (!facts.some((f) => f.id === fact))
		return { ok: false, error: `Unknown fact "${fact}" for dataset "${kind}"` };

	const place = parseRegionsAndYears(params, defaults);
	if (!place.ok) return place;
	const { regions, from, to } = place;

	return { ok: true, query: { dataset: kind, dimension, fact: fact as FactId, regions, from, to } };
}

export function compileCompositionQuery(query: CompositionQuery): string {
	const fact = quoteIdentifier(query.fact);
	const dimension = quoteIdentifier(query.dimension);
	return `SELECT kode_wilayah AS region_code, tahun::INTEGER AS year, ${dimension} AS category,
  SUM(${fact})::DOUBLE AS value,
  ${statusOfRankSql(`max(${STATUS_RANK_SQL})`)} AS status,
  nullif(array_to_string(list_sort(list(DISTINCT sumber)), ' | '), '') AS sources
FROM ${tableOf(query.dataset)}
WHERE diganti_oleh IS NULL AND list_contains($regions, kode_wilayah)
  AND tahun BETWEEN $from AND $to AND ${fact} IS NOT NULL AND ${dimension} <> $all
GROUP BY kode_wilayah, tahun, ${dimension}
ORDER BY list_position($regions, kode_wilayah), year, value DESC, category`;
}

export async function runCompositionQuery(
	db: Database,
	query: CompositionQuery
): Promise<CompositionRow[]> {
	const { dataset, fact, from, to, regions } = query;
	const key = `composition|${dataset}|${fact}|${from}|${to}|${regions.join(',')}`;
	const rows = await rememberForVersion(db, key, async (connection) => {
		const reader = await connection.runAndReadAll(
			compileCompositionQuery(query),
			{ regions: listValue(query.regions), from: query.from, to: query.to, all: ALL_VALUE },
			{ regions: LIST(VARCHAR), from: INTEGER, to: INTEGER, all: VARCHAR }
		);
		return reader.getRowObjectsJS().map((row) => ({
			region_code: String(row.region_code),
			year: Number(row.year),
			category: String(row.category),
			value: row.value === null ? null : Number(row.value),
			status: row.status as CompositionRow['status'],
			sources: row.sources === null ? null : String(row.sources)
		}));
	});
	// Kept answers are shared: each caller gets its own array.
	return rows.slice();
}
