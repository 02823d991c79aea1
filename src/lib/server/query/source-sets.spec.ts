import { describe, expect, it } from 'vitest';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { compareAsDuckDB, SourceSets } from './source-sets';
import { SOURCE_SETS, SUMMARY_DATABASE } from './summary-tables';

async function inMemory(work: (connection: DuckDBConnection) => Promise<void>) {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const connection = await instance.connect();
	try {
		await work(connection);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

describe('compareAsDuckDB', () => {
	it('orders text as DuckDB does, by code point, also beyond U+FFFF', async () => {
		const texts = ['b', 'a', 'Z', 'é', '\u{1F9EA} uji', '\uFF21 lebar', 'ab', '', 'a b'];
		await inMemory(async (connection) => {
			const reader = await connection.runAndReadAll(
				`SELECT list_sort(list(t)) FROM unnest($texts::VARCHAR[]) AS u(t)`,
				{ texts: listValue(texts) }
			);
			const sorted = reader.getRowsJS()[0]![0] as string[];
			expect([...texts].sort(compareAsDuckDB)).toEqual(sorted);
			// JavaScript's own order puts the astral character before U+FF21, DuckDB after.
			expect([...texts].sort()).not.toEqual(sorted);
		});
	});
});

describe('SourceSets', () => {
	async function withSets(
		rows: [number, string[]][],
		work: (sets: SourceSets, load: () => Promise<void>) => Promise<void>
	) {
		await inMemory(async (connection) => {
			await connection.run(`ATTACH IF NOT EXISTS ':memory:' AS ${SUMMARY_DATABASE}`);
			const sets = new SourceSets();
			const load = async () => {
				await connection.run(
					`CREATE OR REPLACE TABLE ${SOURCE_SETS} (id INTEGER, sumber VARCHAR[])`
				);
				for (const [id, sumber] of rows) {
					await connection.run(`INSERT INTO ${SOURCE_SETS} VALUES ($id, $sumber::VARCHAR[])`, {
						id,
						sumber: listValue(sumber)
					});
				}
				await sets.load(connection);
			};
			await work(sets, load);
		});
	}

	it('joins the sets behind a value in the order of the facts, each sorted, each source once', async () => {
		await withSets(
			[
				[1, ['BPS', 'Kemenkop']],
				[2, ['Dinas Koperasi', 'Kemenkop']]
			],
			async (sets, load) => {
				await load();
				expect(sets.text([1])).toBe('BPS | Kemenkop');
				expect(sets.text([2, 1])).toBe('Dinas Koperasi | Kemenkop | BPS');
				expect(sets.text([1, 2])).toBe('BPS | Kemenkop | Dinas Koperasi');
				expect(sets.text([null, 2])).toBe('Dinas Koperasi | Kemenkop');
				expect(sets.text([null, null])).toBeNull();
				expect(sets.text([])).toBeNull();
			}
		);
	});

	it('answers undefined for an id it has not read, never a wrong text', async () => {
		await withSets([[7, ['BPS']]], async (sets, load) => {
			expect(sets.text([7])).toBeUndefined();
			await load();
			expect(sets.text([7, 8])).toBeUndefined();
			expect(sets.text([7])).toBe('BPS');
		});
	});
});
