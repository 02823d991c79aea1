/**
 * The damaged-WAL scan: a small database whose last committed upload lives only in its WAL (as a
 * SIGKILL right after the commit leaves it), then, for each byte offset asked for, a copy with
 * that byte of the WAL flipped, opened as the server opens it. Every start must either be
 * refused (leaving every file byte for byte as it was) or hold the upload: a start without it is
 * the silent loss the ledger exists to prevent.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '$lib/server/duckdb/database';
import { reconcileLedger } from '$lib/server/duckdb/ledger';
import { migrate } from '$lib/server/duckdb/schema';
import { ingestUpload } from '$lib/server/ingest/ingest-upload';
import { loadBundledIfEmpty } from '$lib/server/ingest/load-bundled';
import { readRegions } from '$lib/server/regions';

const DATASETS: Record<string, string> = {
	'wilayah.csv': [
		'kode_wilayah,kode_bps,nama_wilayah,nama_pendek,tingkat,jenis,kode_provinsi,nama_provinsi,penduduk_2025,luas_km2',
		'32,32,Jawa Barat,Jawa Barat,provinsi,Provinsi,32,Jawa Barat,50000000,35377.8',
		'32.16,3216,Kabupaten Bekasi,Bekasi,kabkota,Kabupaten,32,Jawa Barat,3387601,1255.001'
	].join('\n'),
	'koperasi.csv':
		'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber\n32.16,2020,semua,1500,700,estimasi,Seed',
	'pembiayaan.csv': 'kode_wilayah,tahun,aset,status_data,sumber\n32.16,2020,1000,sintetis,Seed',
	'jangkauan_pasar.csv':
		'kode_wilayah,tahun,kategori_usaha,jumlah_umkm,status_data,sumber\n32.16,2020,semua,373482,sintetis,Seed',
	'kdkmp.csv':
		'kode_wilayah,tahun,kdkmp_koperasi,desa_kelurahan,status_data,sumber\n32.16,2026,187,187,resmi,Seed',
	'penduduk.csv':
		'kode_wilayah,tahun,jumlah_penduduk,status_data,sumber\n32.16,2025,3387601,resmi,Seed'
};

const UPLOAD =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber\n' +
	'32.16,2021,semua,1528,704,resmi,Dinas Koperasi Kabupaten Bekasi\n' +
	'32.16,2022,semua,1540,710,resmi,Dinas Koperasi Kabupaten Bekasi\n';

export interface WalFixture {
	dir: string;
	walBytes: number;
	version: number;
	rows: number;
}

const FILES = ['k.duckdb', 'k.duckdb.wal', 'k.duckdb.ledger'];

const openOptions = (file: string) => ({
	path: file,
	threads: 1,
	memoryLimit: '256MB',
	maxConcurrent: 1,
	backupDir: path.join(path.dirname(file), 'backups')
});

/** The database, WAL and ledger as a SIGKILL right after the upload's commit leaves them. */
export async function makeWalFixture(root: string): Promise<WalFixture> {
	const live = path.join(root, 'live');
	const datasets = path.join(root, 'datasets');
	fs.mkdirSync(live, { recursive: true });
	fs.mkdirSync(datasets, { recursive: true });
	for (const [name, text] of Object.entries(DATASETS))
		fs.writeFileSync(path.join(datasets, name), `${text}\n`);
	const file = path.join(live, 'k.duckdb');
	const db = await openDatabase(openOptions(file));
	try {
		const regions = await db.withConnection(async (c) => {
			await migrate(c);
			await loadBundledIfEmpty(c, datasets);
			await reconcileLedger(c, db.ledgerPath!);
			await c.run('CHECKPOINT');
			return readRegions(c);
		});
		const outcome = await db.withConnection((c) =>
			ingestUpload(
				c,
				{
					kind: 'koperasi',
					mode: 'append',
					bytes: new Uint8Array(Buffer.from(UPLOAD)),
					fileName: 'bekasi.csv',
					by: 'analis',
					sourceNote: null,
					dryRun: false
				},
				{ regions, uploadsDir: path.join(live, 'uploads'), ledgerPath: db.ledgerPath }
			)
		);
		if (outcome.kind !== 'stored') throw new Error(`fixture upload: ${JSON.stringify(outcome)}`);
		// Copied while the database is still open: what a kill leaves (the WAL is not folded in).
		const dir = path.join(root, 'fixture');
		fs.mkdirSync(dir);
		for (const name of FILES) fs.copyFileSync(path.join(live, name), path.join(dir, name));
		return {
			dir,
			walBytes: fs.statSync(path.join(dir, 'k.duckdb.wal')).size,
			version: outcome.versionId!,
			rows: outcome.rows
		};
	} finally {
		db.close();
	}
}

const sha = (file: string) =>
	fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null;

export type StartOutcome = 'refused' | 'kept' | 'lost';

export interface ScanResult {
	offsets: number;
	refused: number;
	kept: number;
	/** Offsets where the server would have started without the upload. */
	lost: number[];
	/** Offsets where a refusal changed a file. */
	touched: number[];
}

/** Opens a copy with one WAL byte flipped (no flip for a negative offset). */
export async function startWithFlippedByte(
	fixture: WalFixture,
	offset: number
): Promise<{ outcome: StartOutcome; touched: boolean; message: string }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-walscan-'));
	try {
		for (const name of FILES) fs.copyFileSync(path.join(fixture.dir, name), path.join(dir, name));
		const file = path.join(dir, 'k.duckdb');
		if (offset >= 0) {
			const wal = fs.readFileSync(`${file}.wal`);
			wal[offset]! ^= 0xff;
			fs.writeFileSync(`${file}.wal`, wal);
		}
		const before = FILES.map((name) => sha(path.join(dir, name)));
		let db;
		try {
			db = await openDatabase(openOptions(file));
		} catch (error) {
			const after = FILES.map((name) => sha(path.join(dir, name)));
			return {
				outcome: 'refused',
				touched: JSON.stringify(after) !== JSON.stringify(before),
				message: (error as Error).message
			};
		}
		try {
			const rows = await db.withConnection(async (c) => {
				const reader = await c.runAndReadAll(
					`SELECT count(*)::INTEGER FROM koperasi WHERE versi = $1 AND diganti_oleh IS NULL`,
					[fixture.version]
				);
				return Number(reader.getRows()[0]?.[0]);
			});
			return { outcome: rows === fixture.rows ? 'kept' : 'lost', touched: false, message: '' };
		} finally {
			db.close();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

export async function scanDamagedWal(
	fixture: WalFixture,
	offsets: readonly number[],
	log: (line: string) => void = () => {}
): Promise<ScanResult> {
	const result: ScanResult = { offsets: 0, refused: 0, kept: 0, lost: [], touched: [] };
	for (const offset of offsets) {
		if (offset >= fixture.walBytes) continue;
		const { outcome, touched } = await startWithFlippedByte(fixture, offset);
		result.offsets += 1;
		if (outcome === 'refused') result.refused += 1;
		else if (outcome === 'kept') result.kept += 1;
		else result.lost.push(offset);
		if (touched) result.touched.push(offset);
		if (result.offsets % 100 === 0)
			log(`wal scan: ${result.offsets} offsets, ${result.lost.length} lost`);
	}
	return result;
}
