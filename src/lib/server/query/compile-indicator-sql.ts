/**
 * An indicator question → SQL text and bound parameters. The SQL text comes only from the
 * catalogue (identifiers are checked and quoted); everything a user chose is a parameter.
 */
import { datasetOfFact, type DatasetKind, type FactId } from '$lib/catalogue/datasets';
import { factsNeeded, NORMALISER } from '$lib/catalogue/indicators';
import type { IndicatorQuery } from '$lib/query/indicator-query';
import { quoteIdentifier, tableOf } from '../duckdb/schema';

const STATUS_RANK_SQL = `CASE status_data WHEN 'resmi' THEN 0 WHEN 'estimasi' THEN 1 ELSE 2 END`;

export interface CompiledQuery {
	sql: string;
	params: { regions: string[]; from: number; to: number };
}

function factCte(kind: DatasetKind, facts: FactId[]): string {
	const columns = facts.flatMap((fact) => {
		const f = quoteIdentifier(fact);
		return [
			`SUM(${f})::DOUBLE AS ${f}`,
			`max(${STATUS_RANK_SQL}) FILTER (WHERE ${f} IS NOT NULL) AS ${quoteIdentifier(`${fact}__status`)}`,
			`list(DISTINCT sumber) FILTER (WHERE ${f} IS NOT NULL) AS ${quoteIdentifier(`${fact}__sources`)}`
		];
	});
	return `${quoteIdentifier(`f_${kind}`)} AS (
    SELECT kode_wilayah, tahun, ${columns.join(', ')}
    FROM ${tableOf(kind)}
    WHERE diganti_oleh IS NULL AND list_contains($regions, kode_wilayah) AND tahun BETWEEN $from AND $to
    GROUP BY kode_wilayah, tahun
  )`;
}

/** Population for each region-year: that year's figure, else the nearest year's (later on ties). */
const POPULATION_CTES = `p_years AS (
    SELECT kode_wilayah, tahun, SUM(jumlah_penduduk)::DOUBLE AS jumlah_penduduk,
      max(${STATUS_RANK_SQL}) AS status_rank, list(DISTINCT sumber) AS sources
    FROM penduduk
    WHERE diganti_oleh IS NULL AND jumlah_penduduk IS NOT NULL AND list_contains($regions, kode_wilayah)
    GROUP BY kode_wilayah, tahun
  ),
  f_penduduk AS (
    SELECT g.kode_wilayah, g.tahun, p.jumlah_penduduk, p.tahun AS population_year,
      p.status_rank AS "jumlah_penduduk__status", p.sources AS "jumlah_penduduk__sources"
    FROM grid g JOIN p_years p ON p.kode_wilayah = g.kode_wilayah
    QUALIFY row_number() OVER (
      PARTITION BY g.kode_wilayah, g.tahun ORDER BY abs(p.tahun - g.tahun), p.tahun DESC) = 1
  )`;

function sumExpression(facts: readonly FactId[]): string {
	return facts.map((f) => quoteIdentifier(f)).join(' + ');
}

export function compileIndicatorQuery(query: IndicatorQuery): CompiledQuery {
	const { indicator, per } = query;
	const facts = factsNeeded(indicator, per);
	const byDataset = new Map<DatasetKind, FactId[]>();
	for (const fact of facts) {
		const kind = datasetOfFact(fact).kind;
		if (kind === 'penduduk') continue;
		byDataset.set(kind, [...(byDataset.get(kind) ?? []), fact]);
	}
	const usesPopulation = per === 'population';

	const ctes = [
		`grid AS (
    SELECT w.kode_wilayah, w.nama_wilayah, w.tingkat, t.tahun::INTEGER AS tahun
    FROM wilayah w CROSS JOIN range($from, $to + 1) AS t(tahun)
    WHERE list_contains($regions, w.kode_wilayah)
  )`,
		...[...byDataset].map(([kind, list]) => factCte(kind, list)),
		...(usesPopulation ? [POPULATION_CTES] : [])
	];
	const joins = [...byDataset.keys()].map(
		(kind) => `LEFT JOIN ${quoteIdentifier(`f_${kind}`)} USING (kode_wilayah, tahun)`
	);
	if (usesPopulation) joins.push('LEFT JOIN f_penduduk USING (kode_wilayah, tahun)');

	const { numerator, denominator, scale } = indicator.formula;
	let value = `(${sumExpression(numerator)})`;
	if (denominator) value = `${value} / NULLIF(${sumExpression(denominator)}, 0)`;
	if (scale && scale !== 1) value = `${value} * ${Number(scale)}`;
	if (per !== 'total') {
		const normaliser = NORMALISER[per];
		value = `(${value}) * ${Number(normaliser.per)} / NULLIF(${quoteIdentifier(normaliser.fact)}, 0)`;
	}
	const statuses = facts.map((f) => quoteIdentifier(`${f}__status`)).join(', ');
	const sources = facts.map((f) => `coalesce(${quoteIdentifier(`${f}__sources`)}, [])`).join(', ');

	const sql = `WITH ${ctes.join(',\n  ')},
  computed AS (
    SELECT kode_wilayah, nama_wilayah, tingkat, tahun, (${value})::DOUBLE AS value,
      list_max([${statuses}]) AS status_rank,
      list_sort(list_distinct(flatten([${sources}]))) AS sources,
      ${usesPopulation ? 'population_year' : 'NULL::INTEGER AS population_year'}
    FROM grid ${joins.join(' ')}
  )
SELECT kode_wilayah AS region_code, nama_wilayah AS region_name, tingkat AS region_level,
  tahun AS year,
  CASE WHEN isfinite(value) THEN value END AS value,
  CASE WHEN isfinite(value) THEN CASE status_rank WHEN 0 THEN 'resmi' WHEN 1 THEN 'estimasi' WHEN 2 THEN 'sintetis' END END AS status,
  CASE WHEN isfinite(value) THEN nullif(array_to_string(sources, ' | '), '') END AS sources,
  CASE WHEN isfinite(value) THEN population_year::INTEGER END AS population_year
FROM computed
ORDER BY list_position($regions, kode_wilayah), tahun`;

	return { sql, params: { regions: query.regions, from: query.from, to: query.to } };
}
