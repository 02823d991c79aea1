/**
 * After start-up the server's DuckDB may read and write only its own folders: the database's
 * folder and the backup folder. Each escape a query could try is attempted on the server's own
 * database handle (`startApp()`, exactly as the init hook starts it) and must be refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, startApp, stopApp, type AppContext } from '$lib/server/app';
import { writeBackup } from '$lib/server/backup/write-backup';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-lockdown-'));
const dbDir = path.join(root, 'data');
const backupDir = path.join(root, 'elsewhere', 'backups');
const outside = path.join(root, 'outside');
let app: AppContext;

beforeAll(async () => {
	fs.mkdirSync(outside, { recursive: true });
	fs.writeFileSync(path.join(outside, 'secret.csv'), 'a,b\n1,2\n');
	fs.mkdirSync(dbDir, { recursive: true });
	// A link inside the database folder that points out of it.
	fs.symlinkSync(outside, path.join(dbDir, 'link'));
	process.env.DATABASE_PATH = path.join(dbDir, 'koperasi.duckdb');
	process.env.BACKUP_DIR = backupDir;
	process.env.DATASETS_DIR = path.resolve('datasets');
	await startApp();
	app = await getApp();
});

afterAll(async () => {
	await stopApp();
	delete process.env.DATABASE_PATH;
	delete process.env.BACKUP_DIR;
	delete process.env.DATASETS_DIR;
	fs.rmSync(root, { recursive: true, force: true });
});

function run(sql: string) {
	return app.db.withConnection(async (c) => (await c.runAndReadAll(sql)).getRows());
}

const secret = () => path.join(outside, 'secret.csv');

describe('DuckDB after start-up', () => {
	const refused: [string, () => string, RegExp][] = [
		['read a CSV outside its folders', () => `FROM read_csv('/etc/passwd')`, /Permission Error/],
		['read any file as text', () => `FROM read_text('/etc/hostname')`, /Permission Error/],
		['list directories', () => `FROM glob('/*')`, /Permission Error/],
		['read a file by path as a table', () => `FROM '${secret()}'`, /Permission|Catalog Error/],
		[
			'read through ../ out of its folder',
			() => `FROM read_csv('${dbDir}/../outside/secret.csv')`,
			/Permission Error/
		],
		[
			'read through a symlink out of its folder',
			() => `FROM read_csv('${dbDir}/link/secret.csv')`,
			/Permission Error/
		],
		[
			'write a file outside its folders',
			() => `COPY (SELECT 1) TO '${outside}/x.csv'`,
			/Permission Error/
		],
		[
			'write next to the backup folder',
			() => `COPY (SELECT 1) TO '${path.dirname(backupDir)}/x.csv'`,
			/Permission Error/
		],
		[
			'export the database outside',
			() => `EXPORT DATABASE '${outside}/export'`,
			/Permission Error/
		],
		[
			'attach another database file',
			() => `ATTACH '${outside}/evil.duckdb' AS evil`,
			/Permission Error/
		],
		['install an extension', () => `INSTALL httpfs`, /Permission Error/],
		['load an extension', () => `LOAD httpfs`, /Permission Error|disabled/],
		[
			'load an extension file',
			() => `LOAD '${dbDir}/x.duckdb_extension'`,
			/Permission Error|disabled/
		],
		[
			'create a persistent secret',
			() => `CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')`,
			/Permission Error|Invalid/
		],
		[
			'turn external access back on',
			() => `SET enable_external_access = true`,
			/configuration has been locked/
		],
		[
			'widen allowed_directories',
			() => `SET allowed_directories = ['/']`,
			/configuration has been locked/
		],
		[
			'widen allowed_paths',
			() => `SET allowed_paths = ['/etc/passwd']`,
			/configuration has been locked/
		],
		[
			'unlock the configuration',
			() => `SET lock_configuration = false`,
			/configuration has been locked/
		],
		['reset a setting', () => `RESET enable_external_access`, /configuration has been locked/],
		['raise the memory limit', () => `SET memory_limit = '100GB'`, /configuration has been locked/],
		['change the thread count', () => `SET GLOBAL threads = 64`, /configuration has been locked/],
		[
			'move the temp directory',
			() => `SET temp_directory = '${outside}'`,
			/configuration has been locked/
		]
	];

	it.each(refused)('refuses to %s', async (_what, sql, error) => {
		await expect(run(sql())).rejects.toThrow(error);
	});

	it('left nothing behind outside its folders', () => {
		expect(fs.readdirSync(outside).sort()).toEqual(['secret.csv']);
	});

	it('still reports the locked settings as set', async () => {
		const rows = await run(
			`SELECT name, value FROM duckdb_settings()
       WHERE name IN ('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions')
       ORDER BY name`
		);
		expect(Object.fromEntries(rows.map(([n, v]) => [String(n), String(v)]))).toEqual({
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			enable_external_access: 'false',
			lock_configuration: 'true'
		});
	});

	it('still serves queries and writes backups into the backup folder outside the database folder', async () => {
		const rows = await run(`SELECT count(*)::INTEGER FROM wilayah`);
		expect(rows[0]![0]).toBe(552);
		const { dir, manifest } = await app.db.withConnection((c) =>
			writeBackup(c, { root: backupDir, databasePath: app.config.databasePath })
		);
		expect(path.dirname(dir)).toBe(backupDir);
		expect(manifest.tables.find((t) => t.table === 'wilayah')?.rows).toBe(552);
	});
});
