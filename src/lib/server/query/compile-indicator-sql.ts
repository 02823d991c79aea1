/**
 * An indicator question → SQL text and bound parameters. The SQL text comes only from the
 * catalogue (identifiers are checked and quoted); everything a user chose is a parameter.
 *
 * The answer has no text, only numbers the caller turns into text (`runIndicatorQuery`), which
 * spares DuckDB building and JavaScript decoding strings for every row: the region as its
 * position in the question, the status as its rank, and the sources as one source set id per fact
 * behind the value (`source-sets.ts` makes the text).
 *
 * The query reads the summary tables (one row per region and year, see `summary-tables.ts`), so
 * its cost depends on the regions and years asked for, not on how many rows were uploaded.
 */
import {
	DATA_STATUSES,
	datasetOfFact,
	type DatasetKind,
	type FactId
} from '$lib/catalogue/datasets';
import { factsNeeded, NORMALISER } from '$lib/catalogue/indicators';
import type { IndicatorQuery } from '$lib/query/indicator-query';
import { quoteIdentifier } from '../duckdb/schema';
import { NEAREST_POPULATION, sourcesColumn, statusColumn, summaryTable } from './summary-tables';

const ESTIMASI_RANK = DATA_STATUSES.indexOf('estimasi');

export interface CompiledQuery {
	sql: string;
	params: { regions: string[]; from: number; to: number };
	/** Columns `source_set_0` … of the answer: one per fact behind the value. */
	sourceSets: number;
}

/**
 * The answer's columns, in order: `region_index` (0-based, into the asked regions), `year`,
 * `value`, `status_rank` (into DATA_STATUSES), `source_set_*`, `population_year`. Everything but
 * the first two is null where the value is.
 */
export const ANSWER_LEADING_COLUMNS = ['region_index', 'year', 'value', 'status_rank'] as const;

function sumExpression(facts: readonly FactId[]): string {
	return facts.map((f) => quoteIdentifier(f)).join(' + ');
}

export function compileIndicatorQuery(query: IndicatorQuery): CompiledQuery {
	const { indicator, per } = query;
	const facts = factsNeeded(indicator, per);
	const kinds = new Set<DatasetKind>();
	for (const fact of facts) {
		const kind = datasetOfFact(fact).kind;
		if (kind !== 'penduduk') kinds.add(kind);
	}
	const usesPopulation = per === 'population';
	const ctes = [
		`grid AS (
    SELECT w.kode_wilayah, t.tahun::INTEGER AS tahun
    FROM wilayah w CROSS JOIN range($from, $to + 1) AS t(tahun)
    WHERE list_contains($regions, w.kode_wilayah)
  )`
	];
	const joins = [...kinds].map(
		(kind) => `LEFT JOIN ${summaryTable(kind)} USING (kode_wilayah, tahun)`
	);
	// Population of that year, else of the nearest year with a figure (later on ties).
	if (usesPopulation) joins.push(`LEFT JOIN ${NEAREST_POPULATION} USING (kode_wilayah, tahun)`);

	const { numerator, denominator, scale } = indicator.formula;
	let value = `(${sumExpression(numerator)})`;
	if (denominator) value = `${value} / NULLIF(${sumExpression(denominator)}, 0)`;
	if (scale && scale !== 1) value = `${value} * ${Number(scale)}`;
	if (per !== 'total') {
		const normaliser = NORMALISER[per];
		value = `(${value}) * ${Number(normaliser.per)} / NULLIF(${quoteIdentifier(normaliser.fact)}, 0)`;
	}
	const statuses = facts.map((f) => statusColumn(f)).join(', ');
	// A population of another year than the value's is itself a stand-in for that year's: a value
	// divided by it is at best estimasi, whatever the standing of the two figures.
	const statusRank = usesPopulation
		? `CASE WHEN population_year <> tahun THEN greatest(list_max([${statuses}]), ${ESTIMASI_RANK})
        ELSE list_max([${statuses}]) END`
		: `list_max([${statuses}])`;
	const sourceSets = facts.map(
		(f, i) => `CASE WHEN isfinite(value) THEN ${sourcesColumn(f)} END AS source_set_${i}`
	);
	const sql = `WITH ${ctes.join(',\n  ')},
  computed AS (
    SELECT kode_wilayah, tahun, (${value})::DOUBLE AS value,
      ${statusRank} AS status_rank,
      ${facts.map((f) => sourcesColumn(f)).join(', ')},
      ${usesPopulation ? 'population_year' : 'NULL::INTEGER AS population_year'}
    FROM grid ${joins.join(' ')}
  )
SELECT (list_position($regions, kode_wilayah) - 1)::INTEGER AS region_index, tahun AS year,
  CASE WHEN isfinite(value) THEN value END AS value,
  CASE WHEN isfinite(value) THEN status_rank::INTEGER END AS status_rank,
  ${sourceSets.join(',\n  ')},
  CASE WHEN isfinite(value) THEN population_year::INTEGER END AS population_year
FROM computed
ORDER BY region_index, tahun`;
	return {
		sql,
		params: { regions: query.regions, from: query.from, to: query.to },
		sourceSets: facts.length
	};
}
