import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { npmRun } from '../support/cli';
import { cooperativeFile, emptyRegions, revert, upload } from '../support/files';
import { withReadOnly } from '../support/inspect';
import { seedDatabase, startServer, tempDir } from '../support/server';

interface Manifest {
	tables: { table: string; rows: number; checksum: string }[];
	datasets: { id: number; kind: string; rows: number; reverted_at: string | null }[];
}

/** Counts and checksums computed here, independently of the code under test. */
function signatures(file: string) {
	return withReadOnly(file, async (c) => {
		const names = (
			await c.runAndReadAll(
				`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1`
			)
		).getRowsJS();
		const result: { table: string; rows: number; checksum: string }[] = [];
		for (const [name] of names) {
			const [rows, checksum] = (
				await c.runAndReadAll(
					`SELECT count(*)::INTEGER, coalesce(sum(hash(t)), 0)::VARCHAR FROM "${String(name)}" t`
				)
			).getRowsJS()[0]!;
			result.push({ table: String(name), rows: Number(rows), checksum: String(checksum) });
		}
		return result;
	});
}

async function history(url: string) {
	const body = (await (await fetch(`${url}/api/datasets`)).json()) as {
		versions: { id: number; reverted_at: string | null }[];
	};
	return body.versions
		.map((v) => ({ id: v.id, reverted: v.reverted_at !== null }))
		.sort((a, b) => a.id - b.id);
}

test.describe('backup and restore drill', () => {
	test('npm run backup while uploads run, more changes, npm run restore: counts, checksums and history are the backup’s', async () => {
		test.setTimeout(120_000);
		const dir = tempDir('drill');
		try {
			const db = seedDatabase(dir, { accounts: ['admin:admin', 'analis:analyst'] });
			const env = { DATABASE_PATH: db.databasePath };
			const analyst = db.accounts.analis!.token;
			const regions = emptyRegions(30);
			let server = await startServer({ databasePath: db.databasePath });

			// Uploads in flight while the backup is taken: each is in it wholly or not at all.
			const inFlight = [1, 2, 3].map((k) =>
				upload(
					server.url,
					analyst,
					cooperativeFile({
						regions: regions.slice(k * 10 - 10, k * 10),
						perRegionYear: 20,
						k,
						tag: `drill-${k}`
					}),
					{ source: `drill-${k}`, mode: 'append' }
				)
			);
			const refusedWithoutToken = await npmRun('backup', [], { ...env, KOPERASI_URL: server.url });
			expect(refusedWithoutToken.code).toBe(3);
			expect(refusedWithoutToken.stderr).toContain('owns the database file');
			const backup = await npmRun('backup', [], {
				...env,
				KOPERASI_URL: server.url,
				KOPERASI_TOKEN: db.accounts.admin!.token
			});
			expect(backup.code, backup.stderr).toBe(0);
			const backupDir = backup.stdout.trim().split('\n').at(-1)!;
			expect(path.dirname(backupDir)).toBe(path.join(dir, 'backups'));
			for (const response of await Promise.all(inFlight)) expect(response.status).toBe(201);
			const manifest = JSON.parse(
				fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')
			) as Manifest;
			const versionsAtBackup = manifest.datasets.map((d) => ({
				id: d.id,
				reverted: d.reverted_at !== null
			}));

			// Changes after the backup: another upload and an undo.
			const later = await upload(
				server.url,
				analyst,
				cooperativeFile({ regions: regions.slice(0, 10), perRegionYear: 3, k: 9, tag: 'drill-9' }),
				{ source: 'drill-9' }
			);
			expect(later.status).toBe(201);
			const latest = ((await later.json()) as { version: { id: number } }).version.id;
			expect((await revert(server.url, analyst, latest)).status).toBe(200);
			expect(await history(server.url)).not.toEqual(versionsAtBackup);

			const whileRunning = await npmRun('restore', [backupDir], env);
			expect(whileRunning.code).toBe(1);
			expect(whileRunning.stderr).toContain('is open in another process');
			await server.stop();

			const restored = await npmRun('restore', [backupDir], env);
			expect(restored.code, restored.stderr).toBe(0);
			expect(restored.stdout).toContain('every table matches the manifest');
			expect(await signatures(db.databasePath)).toEqual(
				manifest.tables.map(({ table, rows, checksum }) => ({ table, rows, checksum }))
			);

			server = await startServer({ databasePath: db.databasePath });
			try {
				expect(await history(server.url)).toEqual(versionsAtBackup);
			} finally {
				await server.stop();
			}

			// With the server stopped the command opens the file itself.
			const offline = await npmRun('backup', [], { ...env, KOPERASI_URL: 'http://127.0.0.1:9' });
			expect(offline.code, offline.stderr).toBe(0);
			const second = JSON.parse(
				fs.readFileSync(
					path.join(offline.stdout.trim().split('\n').at(-1)!, 'manifest.json'),
					'utf8'
				)
			) as Manifest;
			expect(second.tables.map(({ table, rows, checksum }) => ({ table, rows, checksum }))).toEqual(
				manifest.tables.map(({ table, rows, checksum }) => ({ table, rows, checksum }))
			);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
