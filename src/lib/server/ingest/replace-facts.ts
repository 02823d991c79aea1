/**
 * Replace works per fact: for the region–years of the file, the facts the file has a column for
 * are replaced, and every other stored fact of those region–years stays as it was.
 *
 * Rows are never edited in place, so that undo stays exact. A stored row that holds a replaced
 * fact steps aside (`diganti_oleh`); if it also holds facts the file does not carry, the
 * replacing version writes it again without the replaced facts (same key, status, source and
 * line, `dibawa_dari` naming the version its figures came from). Undo deletes the version's rows,
 * carried ones included, and clears the marker: the previous rows return exactly. Readers and the
 * summary tables keep reading `diganti_oleh IS NULL`, one row per key and fact as before.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, type DatasetKind, type FactId } from '$lib/catalogue/datasets';
import type { Changes, FactChange } from '$lib/upload/api';
import { dimensionColumn, quoteIdentifier, tableOf } from '../duckdb/schema';

/** Rows the version read from its own file (not the ones it carried forward). */
export const OWN_ROWS = 'versi = $1 AND dibawa_dari IS NULL';

function factIds(kind: DatasetKind): string[] {
	return DATASETS[kind].facts.map((f) => f.id);
}

function keyColumns(kind: DatasetKind): string[] {
	const dimension = dimensionColumn(kind);
	return [
		'kode_wilayah',
		'tahun',
		...(dimension ? [quoteIdentifier(dimension)] : []),
		...(DATASETS[kind].perCooperative ? ['id_koperasi'] : [])
	];
}

/**
 * Stored rows of the file's region–years that step aside: those holding a replaced fact, and
 * those holding no fact at all (as a whole-row replace always retired them).
 */
function retiredSql(kind: DatasetKind, inFile: readonly string[]): string {
	const table = tableOf(kind);
	const any = (facts: readonly string[]) =>
		facts.map((f) => `${quoteIdentifier(f)} IS NOT NULL`).join(' OR ') || 'FALSE';
	return `diganti_oleh IS NULL AND versi <> $1
    AND (kode_wilayah, tahun) IN (SELECT DISTINCT kode_wilayah, tahun FROM ${table} WHERE ${OWN_ROWS})
    AND ((${any(inFile)}) OR NOT (${any(factIds(kind))}))`;
}

/** Replace mode, in the upload's transaction, after its own rows are loaded. */
export async function replaceFacts(
	c: DuckDBConnection,
	kind: DatasetKind,
	versionId: number,
	inFile: readonly FactId[]
): Promise<void> {
	const table = tableOf(kind);
	const kept = factIds(kind).filter((f) => !inFile.includes(f as FactId));
	if (kept.length > 0) {
		const cleared = inFile.map((f) => `NULL::BIGINT AS ${quoteIdentifier(f)}`);
		const holdsKept = kept.map((f) => `${quoteIdentifier(f)} IS NOT NULL`).join(' OR ');
		await c.run(
			`INSERT INTO ${table}
       SELECT * REPLACE ($1::INTEGER AS versi, coalesce(dibawa_dari, versi) AS dibawa_dari, ${cleared.join(', ')})
       FROM ${table} WHERE ${retiredSql(kind, inFile)} AND (${holdsKept})`,
			[versionId]
		);
	}
	// The carried rows have versi = $1 and so are not retired themselves.
	await c.run(`UPDATE ${table} SET diganti_oleh = $1 WHERE ${retiredSql(kind, inFile)}`, [
		versionId
	]);
}

/**
 * Per fact, what the version does at its region–years: the values of the facts in the file
 * compared key by key with the values they retired (a value counts as changed when the figure,
 * its status or its source differs), and the values of the other facts there, kept.
 */
async function changesByFact(
	c: DuckDBConnection,
	kind: DatasetKind,
	versionId: number,
	inFile: readonly FactId[]
): Promise<FactChange[]> {
	const table = tableOf(kind);
	const keys = keyColumns(kind);
	const facts = factIds(kind);
	const onFacts = facts.map(quoteIdentifier).join(', ');
	const fileFacts = inFile.map((f) => `'${f}'`).join(', ') || 'NULL';
	const reader = await c.runAndReadAll(
		`WITH touched AS (
        SELECT ${keys.join(', ')}, coalesce(diganti_oleh = $1, false) AS old, status_data || chr(31) || sumber AS about, ${onFacts}
        FROM ${table} WHERE ${OWN_ROWS} OR diganti_oleh = $1
      ),
      per_key AS (
        SELECT fact,
          any_value(value) FILTER (old) AS old_value, any_value(about) FILTER (old) AS old_about,
          any_value(value) FILTER (NOT old) AS new_value, any_value(about) FILTER (NOT old) AS new_about
        FROM (UNPIVOT touched ON ${onFacts} INTO NAME fact VALUE value)
        WHERE fact IN (${fileFacts})
        GROUP BY fact, ${keys.join(', ')}
      ),
      replaced AS (
        SELECT fact,
          count(*) FILTER (old_value IS NULL)::INTEGER AS added,
          count(*) FILTER (new_value IS NULL)::INTEGER AS cleared,
          count(*) FILTER (old_value <> new_value OR old_about <> new_about)::INTEGER AS changed,
          count(*) FILTER (old_value = new_value AND old_about = new_about)::INTEGER AS unchanged
        FROM per_key GROUP BY fact
      ),
      live AS (
        SELECT ${onFacts} FROM ${table}
        WHERE diganti_oleh IS NULL
          AND (kode_wilayah, tahun) IN (SELECT DISTINCT kode_wilayah, tahun FROM ${table} WHERE ${OWN_ROWS})
      ),
      kept AS (
        SELECT fact, count(*)::INTEGER AS kept
        FROM (UNPIVOT live ON ${onFacts} INTO NAME fact VALUE value)
        WHERE fact NOT IN (${fileFacts})
        GROUP BY fact
      )
      SELECT fact, coalesce(r.added, 0) AS added, coalesce(r.changed, 0) AS changed,
        coalesce(r.cleared, 0) AS cleared, coalesce(r.unchanged, 0) AS unchanged,
        coalesce(k.kept, 0) AS kept
      FROM replaced r FULL JOIN kept k USING (fact)`,
		[versionId]
	);
	const found = new Map(reader.getRowObjectsJS().map((r) => [String(r.fact), r]));
	return facts.flatMap((fact): FactChange[] => {
		const row = found.get(fact);
		const here = inFile.includes(fact as FactId);
		if (!row && !here) return [];
		return [
			{
				fact,
				in_file: here,
				added: Number(row?.added ?? 0),
				changed: Number(row?.changed ?? 0),
				cleared: Number(row?.cleared ?? 0),
				unchanged: Number(row?.unchanged ?? 0),
				kept: Number(row?.kept ?? 0)
			}
		];
	});
}

/** The change plan of a version, read in its (still open) transaction. */
export async function summariseChanges(
	c: DuckDBConnection,
	kind: DatasetKind,
	versionId: number,
	inFile: readonly FactId[]
): Promise<Changes> {
	const table = tableOf(kind);
	const reader = await c.runAndReadAll(
		`SELECT kode_wilayah, tahun::INTEGER AS tahun,
        count(*) FILTER (WHERE ${OWN_ROWS})::INTEGER AS added,
        count(*) FILTER (WHERE diganti_oleh = $1)::INTEGER AS replaced
     FROM ${table} WHERE ${OWN_ROWS} OR diganti_oleh = $1
     GROUP BY ALL ORDER BY kode_wilayah, tahun`,
		[versionId]
	);
	const byRegionYear = reader.getRowObjectsJS().map((r) => ({
		region_code: String(r.kode_wilayah),
		year: Number(r.tahun),
		added: Number(r.added),
		replaced: Number(r.replaced)
	}));
	return {
		added: byRegionYear.reduce((s, r) => s + r.added, 0),
		replaced: byRegionYear.reduce((s, r) => s + r.replaced, 0),
		by_region_year: byRegionYear,
		by_fact: await changesByFact(c, kind, versionId, inFile)
	};
}
