import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';

const keepsOrder = (c: DuckDBConnection) =>
	c
		.runAndReadAll(`SELECT current_setting('preserve_insertion_order')`)
		.then((reader) => reader.getRows()[0]?.[0]);

describe('the bulk-load connection', () => {
	let dir: string;
	let db: Database;

	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-db-'));
		db = await openDatabase({
			path: path.join(dir, 'k.duckdb'),
			threads: 1,
			memoryLimit: '256MB',
			maxConcurrent: 2
		});
		// As the server runs: settings are locked after start-up.
		await db.lockDown();
	});

	afterEach(() => {
		db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('does not keep insertion order, after lock-down too; every other connection does', async () => {
		expect(await db.withBulkLoadConnection(keepsOrder)).toBe(false);
		expect(await db.withConnection(keepsOrder)).toBe(true);
		expect(await db.withBulkLoadConnection(keepsOrder)).toBe(false);
	});

	it('is given up when its work fails, and loads then run on an ordinary connection', async () => {
		await expect(
			db.withBulkLoadConnection(async (c) => {
				await c.run('BEGIN TRANSACTION');
				throw new Error('the upload failed half-way');
			})
		).rejects.toThrow('half-way');
		// Never handed out again inside the transaction it was left in.
		expect(await db.withBulkLoadConnection(keepsOrder)).toBe(true);
		expect(
			await db.withBulkLoadConnection(async (c) => {
				await c.run('CREATE TABLE t AS SELECT 1 AS x');
				return (await c.runAndReadAll('SELECT count(*)::INTEGER FROM t')).getRows()[0]?.[0];
			})
		).toBe(1);
	});

	it('serves one load at a time', async () => {
		let running = 0;
		let most = 0;
		const load = () =>
			db.withBulkLoadConnection(async () => {
				running += 1;
				most = Math.max(most, running);
				await new Promise((resolve) => setTimeout(resolve, 20));
				running -= 1;
			});
		await Promise.all([load(), load(), load()]);
		expect(most).toBe(1);
	});
});
