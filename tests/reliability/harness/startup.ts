import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { npmRun } from '../support/cli';
import { cooperativeFile, emptyRegions, upload } from '../support/files';
import { dataBlockOffset, inspect } from '../support/inspect';
import {
	copyDatabase,
	seedDatabase,
	startServer,
	tempDir,
	type SeededDatabase
} from '../support/server';

let seed: SeededDatabase;
const dirs: string[] = [];
test.beforeAll(() => {
	const dir = tempDir('startup-seed');
	dirs.push(dir);
	seed = seedDatabase(dir, { accounts: ['admin:admin', 'analis:analyst'] });
});
test.afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): SeededDatabase {
	const dir = tempDir(name);
	dirs.push(dir);
	return copyDatabase(seed, dir);
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const STACK = /\n\s+at \S+ \(?[^\s()]+:\d+:\d+/;

test.describe('start-up', () => {
	test('a second server on the same file exits within 5 s naming the lock; the first keeps serving', async () => {
		const db = fresh('two');
		const first = await startServer({ databasePath: db.databasePath });
		try {
			const began = Date.now();
			const second = await startServer({
				databasePath: db.databasePath,
				expectExit: true,
				timeoutMs: 10_000
			});
			const exit = await second.exited;
			expect(Date.now() - began).toBeLessThan(5_000);
			expect(exit.code).toBe(1);
			expect(second.output()).toContain(
				`The database ${db.databasePath} is already open in another process`
			);
			expect(second.output()).not.toMatch(STACK);
			expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
		} finally {
			await first.stop();
		}
	});

	test('a damaged WAL stops the start with the file and the restore command; the WAL is kept; the restore brings the server back', async () => {
		const db = fresh('wal');
		const env = { DATABASE_PATH: db.databasePath };
		let server = await startServer({ databasePath: db.databasePath });
		const admin = db.accounts.admin!.token;
		const backup = await npmRun('backup', [], {
			...env,
			KOPERASI_URL: server.url,
			KOPERASI_TOKEN: admin
		});
		expect(backup.code, backup.stderr).toBe(0);
		const backupDir = backup.stdout.trim().split('\n').at(-1)!;
		// A committed upload that exists only in the WAL, then a crash.
		const file = cooperativeFile({
			regions: emptyRegions(5),
			perRegionYear: 5,
			k: 1,
			tag: 'wal-1'
		});
		const stored = await upload(server.url, db.accounts.analis!.token, file, { source: file.tag });
		expect(stored.status).toBe(201);
		await server.kill();
		const wal = `${db.databasePath}.wal`;
		const bytes = fs.readFileSync(wal);
		bytes[100]! ^= 0xff;
		fs.writeFileSync(wal, bytes);
		const before = { db: sha(db.databasePath), wal: sha(wal) };

		const refused = await startServer({ databasePath: db.databasePath, expectExit: true });
		const exit = await refused.exited;
		expect(exit.code).toBe(1);
		const output = refused.output();
		expect(output).toContain(`${wal} is damaged`);
		expect(output).toContain('Corrupt WAL file');
		expect(output).toContain(`npm run restore -- ${backupDir}`);
		expect(output).not.toMatch(STACK);
		expect({ db: sha(db.databasePath), wal: sha(wal) }).toEqual(before);

		const restored = await npmRun('restore', [backupDir], env);
		expect(restored.code, restored.stderr).toBe(0);
		const aside = fs.readdirSync(db.dir).filter((f) => f.includes('.before-restore-'));
		expect(
			aside
				.sort()
				.map((f) => sha(path.join(db.dir, f)))
				.sort()
		).toEqual([before.db, before.wal].sort());

		server = await startServer({ databasePath: db.databasePath });
		try {
			expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		} finally {
			await server.stop();
		}
		// The backup predates the upload, so the restored database does not have it.
		const found = await inspect(db.databasePath, emptyRegions(5), 'wal-');
		expect(found.versions).toEqual([]);
	});

	test('a WAL damaged where DuckDB alone would drop a committed upload: the server never starts without it', async () => {
		// The same scan as tests/reliability/damaged-wal-ledger.spec.ts (every offset: npm run stress),
		// here against the built server at offsets the probe of issue 14 found losing the upload.
		const db = fresh('ledger');
		const server = await startServer({ databasePath: db.databasePath });
		const file = cooperativeFile({
			regions: emptyRegions(2),
			perRegionYear: 2,
			k: 3,
			tag: 'led-1'
		});
		const token = db.accounts.analis!.token;
		const stored = await upload(server.url, token, file, { source: file.tag });
		expect(stored.status).toBe(201);
		const version = ((await stored.json()) as { version: { id: number } }).version.id;
		await server.kill();
		const names = [db.databasePath, `${db.databasePath}.wal`, `${db.databasePath}.ledger`];
		const originals = names.map((f) => fs.readFileSync(f));
		const uploads = path.join(db.dir, 'uploads');
		const kept = fs.readdirSync(uploads).filter((f) => f.endsWith('.csv'));
		expect(kept).toHaveLength(1);
		let refusedByLedger = 0;
		for (const offset of [9, 12, 15, 55, 58, 61, 94, 97, 100, 452]) {
			if (offset >= originals[1]!.length) continue;
			names.forEach((f, i) => fs.writeFileSync(f, originals[i]!));
			const wal = Buffer.from(originals[1]!);
			wal[offset]! ^= 0xff;
			fs.writeFileSync(names[1]!, wal);
			const before = names.map(sha);
			const started = await startServer({ databasePath: db.databasePath }).catch(
				(error: Error) => error
			);
			if (started instanceof Error) {
				expect(started.message, `offset ${offset}`).toContain('is damaged');
				expect(started.message).toContain('npm run restore -- ');
				expect(started.message).not.toMatch(STACK);
				if (started.message.includes('records committed data the database lacks'))
					refusedByLedger += 1;
				expect(names.map(sha), `offset ${offset}: files changed`).toEqual(before);
				continue;
			}
			try {
				const listed = await fetch(`${started.url}/api/datasets`, {
					headers: { Authorization: `Bearer ${token}` }
				});
				const versions = (await listed.json()) as {
					versions: { id: number; rows: number; reverted_at: string | null }[];
				};
				expect(
					versions.versions.find((v) => v.id === version),
					`offset ${offset}: started without the upload`
				).toMatchObject({ rows: file.rows, reverted_at: null });
			} finally {
				await started.kill();
			}
		}
		expect(refusedByLedger).toBeGreaterThan(0);
		expect(fs.readdirSync(uploads).filter((f) => f.endsWith('.csv'))).toEqual(kept);
		expect(fs.existsSync(path.join(uploads, '.unreferenced'))).toBe(false);
	});

	test('a damaged data block stops the start, naming the database file; nothing is changed', async () => {
		const db = fresh('block');
		const offset = await dataBlockOffset(db.databasePath, 'koperasi');
		const bytes = fs.readFileSync(db.databasePath);
		bytes[offset]! ^= 0xff;
		fs.writeFileSync(db.databasePath, bytes);
		const before = sha(db.databasePath);
		const refused = await startServer({ databasePath: db.databasePath, expectExit: true });
		expect((await refused.exited).code).toBe(1);
		expect(refused.output()).toContain(`${db.databasePath} is damaged`);
		expect(refused.output()).toMatch(/checksum/);
		expect(refused.output()).toContain('npm run restore -- ');
		expect(sha(db.databasePath)).toBe(before);
		expect(fs.existsSync(`${db.databasePath}.wal`)).toBe(false);
	});
});
