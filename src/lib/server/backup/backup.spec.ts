import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, type Database } from '../duckdb/database';
import { ledgerPathOf, readLedger, reconcileLedger } from '../duckdb/ledger';
import { ingestUpload } from '../ingest/ingest-upload';
import { readRegions } from '../regions';
import { migrate } from '../duckdb/schema';
import { loadBundledIfEmpty } from '../ingest/load-bundled';
import { listBackups, MANIFEST_FILE, PARTIAL_SUFFIX, readManifest } from './manifest';
import { databaseInUse, restoreBackup } from './restore-backup';
import { tableSignatures } from './signatures';
import { parseLoadSql, writeBackup } from './write-backup';

const temporary: string[] = [];
afterAll(() => {
	for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

async function bundledDatabase(): Promise<{ db: Database; file: string; dir: string }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-backup-'));
	temporary.push(dir);
	const file = path.join(dir, 'koperasi.duckdb');
	const db = await openDatabase({ path: file, threads: 1, memoryLimit: '512MB', maxConcurrent: 2 });
	await db.withConnection(async (c) => {
		await migrate(c);
		await loadBundledIfEmpty(c, path.resolve('datasets'));
	});
	return { db, file, dir };
}

async function signaturesOf(file: string) {
	const db = await openDatabase({ path: file, threads: 1, memoryLimit: '512MB', maxConcurrent: 1 });
	try {
		return await db.withConnection(tableSignatures);
	} finally {
		db.close();
	}
}

describe('backup and restore', () => {
	it('writes every table to Parquet with a manifest whose counts and checksums match the live database', async () => {
		const { db, file, dir } = await bundledDatabase();
		const live = await db.withConnection(tableSignatures);
		const { dir: backup, manifest } = await db.withConnection((c) =>
			writeBackup(c, { root: path.join(dir, 'backups'), databasePath: file })
		);
		db.close();

		expect(readManifest(backup)).toEqual(manifest);
		expect(manifest.tables.map(({ table, rows, checksum }) => ({ table, rows, checksum }))).toEqual(
			live
		);
		expect(manifest.tables.find((t) => t.table === 'koperasi')!.rows).toBeGreaterThan(500);
		expect(manifest.datasets.map((d) => d.kind).sort()).toEqual(
			['jangkauan_pasar', 'kdkmp', 'koperasi', 'pembiayaan', 'penduduk'].sort()
		);
		const names = manifest.files.map((f) => f.name);
		expect(names).toEqual(expect.arrayContaining(['schema.sql', 'load.sql', 'koperasi.parquet']));
		for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(listBackups(path.join(dir, 'backups'))).toEqual([backup]);
	});

	it('restores the backed-up state exactly after later changes, keeping the replaced file aside', async () => {
		const { db, file, dir } = await bundledDatabase();
		const { dir: backup, manifest } = await db.withConnection((c) =>
			writeBackup(c, { root: path.join(dir, 'backups'), databasePath: file })
		);
		await db.withConnection(async (c) => {
			await c.run(`DELETE FROM koperasi WHERE tahun = 2024`);
			await c.run(`UPDATE wilayah SET nama_wilayah = 'diubah' WHERE kode_wilayah = '32.16'`);
		});
		db.close();
		const backedUp = manifest.tables.map(({ table, rows, checksum }) => ({
			table,
			rows,
			checksum
		}));
		const changed = await signaturesOf(file);
		expect(changed).not.toEqual(backedUp);

		const result = await restoreBackup({ backupDir: backup, databasePath: file });
		expect(result.rows).toBe(manifest.tables.reduce((s, t) => s + t.rows, 0));
		expect(result.movedAside).toHaveLength(1);
		expect(await signaturesOf(result.movedAside[0]!)).toEqual(changed);
		expect(await signaturesOf(file)).toEqual(backedUp);
		// The sequence continues after the restored versions: no id is handed out twice.
		const reopened = await openDatabase({
			path: file,
			threads: 1,
			memoryLimit: '512MB',
			maxConcurrent: 1
		});
		const next = await reopened.withConnection(
			async (c) => (await c.runAndReadAll(`SELECT nextval('versi_id')`)).getRows()[0]![0]
		);
		reopened.close();
		expect(Number(next)).toBe(Math.max(...manifest.datasets.map((d) => d.id)) + 1);
	});

	it('restores an older backup that lacks a later upload, and the server starts: the ledger is told at restore time', async () => {
		const { db, file, dir } = await bundledDatabase();
		await db.withConnection((c) => reconcileLedger(c, db.ledgerPath!));
		const { dir: backup } = await db.withConnection((c) =>
			writeBackup(c, { root: path.join(dir, 'backups'), databasePath: file })
		);
		const regions = await db.withConnection(readRegions);
		const later = await db.withConnection((c) =>
			ingestUpload(
				c,
				{
					kind: 'koperasi',
					mode: 'append',
					bytes: new Uint8Array(
						Buffer.from(
							'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,status_data,sumber\n32.16,2009,semua,900,resmi,Dinas\n'
						)
					),
					fileName: 'bekasi-2009.csv',
					by: 'analis',
					sourceNote: null,
					dryRun: false
				},
				{ regions, uploadsDir: path.join(dir, 'uploads'), ledgerPath: db.ledgerPath }
			)
		);
		expect(later.kind).toBe('stored');
		db.close();
		const ledger = ledgerPathOf(file);
		const laterId = later.kind === 'stored' ? later.versionId! : -1;
		expect(readLedger(ledger).expected.has(laterId)).toBe(true);

		// Swapping the old file in by hand is what a lost upload looks like: refused.
		const manual = path.join(dir, 'manual');
		fs.mkdirSync(manual);
		await restoreBackup({ backupDir: backup, databasePath: path.join(manual, 'k.duckdb') });
		fs.copyFileSync(ledger, ledgerPathOf(path.join(manual, 'k.duckdb')));
		const refused = await openDatabase({
			path: path.join(manual, 'k.duckdb'),
			threads: 1,
			memoryLimit: '512MB',
			maxConcurrent: 1
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(DatabaseOpenError);
		expect((refused as Error).message).toContain(`version ${laterId} (koperasi, append, 1 rows)`);

		await restoreBackup({ backupDir: backup, databasePath: file });
		expect(readLedger(ledger).expected.has(laterId)).toBe(false);
		const reopened = await openDatabase({
			path: file,
			threads: 1,
			memoryLimit: '512MB',
			maxConcurrent: 1
		});
		reopened.close();
	}, 60_000);

	it('refuses a backup with an altered file, naming it, and leaves the database as it was', async () => {
		const { db, file, dir } = await bundledDatabase();
		const { dir: backup } = await db.withConnection((c) =>
			writeBackup(c, { root: path.join(dir, 'backups'), databasePath: file })
		);
		db.close();
		const before = fs.readFileSync(file);
		const parquet = path.join(backup, 'koperasi.parquet');
		const bytes = fs.readFileSync(parquet);
		bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
		fs.writeFileSync(parquet, bytes);

		await expect(restoreBackup({ backupDir: backup, databasePath: file })).rejects.toThrow(
			/koperasi\.parquet does not match its SHA-256/
		);
		expect(fs.readFileSync(file).equals(before)).toBe(true);
		expect(fs.existsSync(`${file}.restoring`)).toBe(false);
	});

	it('refuses an unfinished backup folder and a folder without a manifest', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-backup-'));
		temporary.push(dir);
		const partial = path.join(dir, `koperasi-20250101T000000Z-abcdef${PARTIAL_SUFFIX}`);
		fs.mkdirSync(partial);
		fs.writeFileSync(path.join(partial, MANIFEST_FILE), '{}');
		fs.mkdirSync(path.join(dir, 'empty'));
		expect(listBackups(dir)).toEqual([]);
		await expect(
			restoreBackup({ backupDir: partial, databasePath: path.join(dir, 'x.duckdb') })
		).rejects.toThrow(/unfinished backup/);
		await expect(
			restoreBackup({
				backupDir: path.join(dir, 'empty'),
				databasePath: path.join(dir, 'x.duckdb')
			})
		).rejects.toThrow(/manifest\.json is missing/);
	});

	it('refuses to restore over a database another process holds open', async () => {
		const { db, file, dir } = await bundledDatabase();
		const { dir: backup } = await db.withConnection((c) =>
			writeBackup(c, { root: path.join(dir, 'backups'), databasePath: file })
		);
		// This test process holds the file; the check runs in a child process, as another tool would.
		expect(databaseInUse(file).inUse).toBe(true);
		await expect(restoreBackup({ backupDir: backup, databasePath: file })).rejects.toThrow(
			/open in another process/
		);
		db.close();
		expect(databaseInUse(file).inUse).toBe(false);
	});

	it('reads the table-to-file list of load.sql, quoted names included', () => {
		expect(
			parseLoadSql(
				`COPY meta FROM '/b/x/meta.parquet' (FORMAT 'parquet');\nCOPY "versi_data" FROM '/b/it''s/versi_data.parquet' (FORMAT 'parquet');\n`
			)
		).toEqual([
			{ table: 'meta', file: 'meta.parquet' },
			{ table: 'versi_data', file: 'versi_data.parquet' }
		]);
	});
});
