/**
 * An indicator question → SQL text and bound parameters. The SQL text comes only from the
 * catalogue (identifiers are checked and quoted); everything a user chose is a parameter.
 *
 * Region names and levels are not selected: the caller fills them in from the regions it holds
 * (runIndicatorQuery), which spares decoding two text columns per row.
 *
 * The query reads the summary tables (one row per region and year, see `summary-tables.ts`), so
 * its cost depends on the regions and years asked for, not on how many rows were uploaded.
 */
import { datasetOfFact, type DatasetKind, type FactId } from '$lib/catalogue/datasets';
import { factsNeeded, NORMALISER } from '$lib/catalogue/indicators';
import type { IndicatorQuery } from '$lib/query/indicator-query';
import { quoteIdentifier } from '../duckdb/schema';
import {
	NEAREST_POPULATION,
	sourcesColumn,
	statusColumn,
	statusOfRankSql,
	summaryTable
} from './summary-tables';

export interface CompiledQuery {
	sql: string;
	params: { regions: string[]; from: number; to: number };
}

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
	const sources = facts.map((f) => `coalesce(${sourcesColumn(f)}, [])`).join(', ');
	const sql = `WITH ${ctes.join(',\n  ')},
  computed AS (
    SELECT kode_wilayah, tahun, (${value})::DOUBLE AS value,
      list_max([${statuses}]) AS status_rank,
      list_sort(list_distinct(flatten([${sources}]))) AS sources,
      ${usesPopulation ? 'population_year' : 'NULL::INTEGER AS population_year'}
    FROM grid ${joins.join(' ')}
  )
SELECT kode_wilayah AS region_code, tahun AS year,
  CASE WHEN isfinite(value) THEN value END AS value,
  CASE WHEN isfinite(value) THEN ${statusOfRankSql('status_rank')} END AS status,
  CASE WHEN isfinite(value) THEN nullif(array_to_string(sources, ' | '), '') END AS sources,
  CASE WHEN isfinite(value) THEN population_year::INTEGER END AS population_year
FROM computed
ORDER BY list_position($regions, kode_wilayah), tahun`;
	return { sql, params: { regions: query.regions, from: query.from, to: query.to } };
}
