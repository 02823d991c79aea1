import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../duckdb/database';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { setAsideUnreferenced, stagingDirOf, unreferencedDirOf } from './uploads-folder';

describe('the uploads folder at start-up', () => {
	let opened: SpecDatabase;
	let uploads: string;
	let db: Database;

	beforeEach(async () => {
		opened = await openSpecDatabase('uploads-folder');
		db = opened.db;
		uploads = path.join(opened.dir, 'uploads');
		await db.withConnection(async (c) => {
			await c.run(
				`INSERT INTO versi_data (id, jenis_data, mode, jumlah_baris, oleh, berkas_tersimpan)
         VALUES (1, 'koperasi', 'append', 3, 'analis', '1-aaaa.csv'), (2, 'koperasi', 'append', 3, 'analis', NULL)`
			);
		});
	});

	afterEach(() => opened.dispose());

	it('moves originals that no version names aside, byte for byte, and keeps the named ones', async () => {
		fs.mkdirSync(stagingDirOf(uploads), { recursive: true });
		fs.writeFileSync(path.join(uploads, '1-aaaa.csv'), 'disimpan');
		fs.writeFileSync(path.join(uploads, '2-bbbb.csv'), 'terputus sebelum commit');
		fs.writeFileSync(path.join(stagingDirOf(uploads), 'x.records.csv'), 'staged');

		const moved = await db.withConnection((c) => setAsideUnreferenced(c, uploads));

		expect(moved).toEqual(['2-bbbb.csv']);
		expect(fs.readdirSync(uploads).sort()).toEqual(['.staging', '.unreferenced', '1-aaaa.csv']);
		expect(fs.readFileSync(path.join(uploads, '1-aaaa.csv'), 'utf8')).toBe('disimpan');
		expect(fs.readFileSync(path.join(unreferencedDirOf(uploads), '2-bbbb.csv'), 'utf8')).toBe(
			'terputus sebelum commit'
		);
	});

	it('never sets aside the original of a version the ledger records as committed, even one the database lacks', async () => {
		fs.mkdirSync(uploads, { recursive: true });
		fs.writeFileSync(path.join(uploads, '7-cccc.csv'), 'tersimpan, lalu hilang dari WAL');
		fs.writeFileSync(path.join(uploads, '8-dddd.csv'), 'terputus sebelum commit');

		const moved = await db.withConnection((c) =>
			setAsideUnreferenced(c, uploads, new Set(['7-cccc.csv']))
		);

		expect(moved).toEqual(['8-dddd.csv']);
		expect(fs.readFileSync(path.join(uploads, '7-cccc.csv'), 'utf8')).toBe(
			'tersimpan, lalu hilang dari WAL'
		);
	});

	it('changes nothing when every file is named, or when there is no uploads folder yet', async () => {
		expect(await db.withConnection((c) => setAsideUnreferenced(c, uploads))).toEqual([]);
		expect(fs.existsSync(uploads)).toBe(false);
		fs.mkdirSync(uploads);
		fs.writeFileSync(path.join(uploads, '1-aaaa.csv'), 'disimpan');
		expect(await db.withConnection((c) => setAsideUnreferenced(c, uploads))).toEqual([]);
		expect(fs.readdirSync(uploads)).toEqual(['1-aaaa.csv']);
	});
});
