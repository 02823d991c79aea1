/**
 * A damaged database file or WAL at start-up: opening refuses with a message naming the damaged
 * file and the restore command, and leaves every file byte for byte as it was. The fixture is a
 * database whose last transactions live only in the WAL, made by a process that kills itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '$lib/server/duckdb/database';
import { dataBlockOffset } from './support/inspect';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-damaged-'));
const fixture = path.join(root, 'fixture');
const BACKUP = 'koperasi-20250101T000000Z-abc123';

/** 100,000 rows checkpointed into the file, then 2 × 1,000 rows committed to the WAL only. */
function makeFixture(dir: string) {
	const api = pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;
	const script = `
		const { DuckDBInstance } = await import(${JSON.stringify(api)});
		const instance = await DuckDBInstance.create(process.env.FILE, {});
		const c = await instance.connect();
		await c.run('CREATE TABLE t (id INTEGER, v VARCHAR)');
		await c.run("INSERT INTO t SELECT i, 'v' || i FROM range(100000) r(i)");
		await c.run('CHECKPOINT');
		await c.run("INSERT INTO t SELECT i, 'w' || i FROM range(100000, 101000) r(i)");
		await c.run("INSERT INTO t SELECT i, 'z' || i FROM range(101000, 102000) r(i)");
		process.kill(process.pid, 'SIGKILL');`;
	fs.mkdirSync(dir, { recursive: true });
	try {
		execFileSync(process.execPath, ['--input-type=module', '-e', script], {
			env: { ...process.env, FILE: path.join(dir, 'k.duckdb') },
			stdio: 'pipe'
		});
	} catch {
		// Killed by its own SIGKILL, as intended.
	}
	// A finished backup, so the message can name the newest one.
	fs.mkdirSync(path.join(dir, 'backups', BACKUP), { recursive: true });
	fs.writeFileSync(path.join(dir, 'backups', BACKUP, 'manifest.json'), '{}');
}

function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of fs.readdirSync(dir).sort()) {
		const file = path.join(dir, name);
		if (fs.statSync(file).isFile())
			files[name] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
	}
	return files;
}

let n = 0;
function damagedCopy(damage: (db: string, wal: string) => void) {
	const dir = path.join(root, `case-${++n}`);
	fs.cpSync(fixture, dir, { recursive: true });
	const db = path.join(dir, 'k.duckdb');
	damage(db, `${db}.wal`);
	return { dir, db, wal: `${db}.wal`, before: snapshot(dir) };
}

function flip(file: string, offset: number) {
	const bytes = fs.readFileSync(file);
	bytes[offset]! ^= 0xff;
	fs.writeFileSync(file, bytes);
}

const open = (file: string, dir: string) =>
	openDatabase({
		path: file,
		threads: 1,
		memoryLimit: '256MB',
		maxConcurrent: 1,
		backupDir: path.join(dir, 'backups')
	});

async function count(file: string, dir: string): Promise<number> {
	const db = await open(file, dir);
	try {
		return await db.withConnection(
			async (c) =>
				(await c.runAndReadAll('SELECT count(*)::INTEGER FROM t')).getRows()[0]![0] as number
		);
	} finally {
		db.close();
	}
}

let blockOffset = 0;
beforeAll(async () => {
	makeFixture(fixture);
	blockOffset = await dataBlockOffset(path.join(fixture, 'k.duckdb'), 't');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('opening a damaged database', () => {
	it('the intact fixture holds 102,000 rows, 2,000 of them only in the WAL', async () => {
		expect(fs.statSync(path.join(fixture, 'k.duckdb.wal')).size).toBeGreaterThan(1000);
		const { dir, db } = damagedCopy(() => {});
		expect(await count(db, dir)).toBe(102_000);
		expect(fs.existsSync(`${db}.wal`)).toBe(false);
	});

	const cases: [string, (db: string, wal: string) => void, 'db' | 'wal', RegExp][] = [
		['a WAL entry whose checksum fails', (_db, wal) => flip(wal, 100), 'wal', /Corrupt WAL file/],
		[
			'a WAL whose header is damaged (DuckDB alone would ignore it and later overwrite it)',
			(_db, wal) => flip(wal, 0),
			'wal',
			/WAL header/
		],
		[
			'a WAL whose database file is missing (DuckDB alone would discard the log)',
			(db) => fs.rmSync(db),
			'wal',
			/database file .* does not/
		],
		['a database file with a damaged header', (db) => flip(db, 8), 'db', /not a valid DuckDB/],
		[
			'a damaged data block (found by reading every table at start)',
			(db) => flip(db, blockOffset),
			'db',
			/checksum/
		],
		['a truncated database file', (db) => fs.truncateSync(db, 100_000), 'db', /Could not read/]
	];

	it.each(cases)(
		'refuses %s, names the file and the restore command, and changes no file',
		async (_what, damage, which, detail) => {
			const { dir, db, wal, before } = damagedCopy(damage);
			const failure = await open(db, dir).then(
				() => null,
				(error: unknown) => error
			);
			expect(failure).toBeInstanceOf(DatabaseOpenError);
			const { failure: kind, message } = failure as DatabaseOpenError;
			expect(kind).toBe('damaged');
			expect(message).toContain(`${which === 'wal' ? wal : db} is damaged`);
			expect(message).toMatch(detail);
			expect(message).toContain(`npm run restore -- ${path.join(dir, 'backups', BACKUP)}`);
			expect(message).toContain('Nothing was deleted or repaired');
			expect(snapshot(dir)).toEqual(before);
		}
	);

	it('opens a WAL with a torn last transaction, keeping every complete one', async () => {
		const { dir, db } = damagedCopy((_db, wal) => fs.truncateSync(wal, fs.statSync(wal).size - 37));
		expect(await count(db, dir)).toBe(101_000);
	});

	it('opens a WAL whose only transaction is torn (a crash during the commit) with the checkpointed rows', async () => {
		const { dir, db } = damagedCopy((_db, wal) => fs.truncateSync(wal, 1000));
		expect(await count(db, dir)).toBe(100_000);
	});
});
