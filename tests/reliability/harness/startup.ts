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
