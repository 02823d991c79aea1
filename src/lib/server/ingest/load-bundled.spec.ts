import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASET_KINDS, type DatasetKind } from '$lib/catalogue/datasets';
import { findIndicator } from '$lib/catalogue/indicators';
import { createRegionResolver } from '$lib/regions/resolve-region';
import { openDatabase, type Database } from '../duckdb/database';
import { migrate } from '../duckdb/schema';
import { runIndicatorQuery } from '../query/run-indicator-query';
import { BUNDLED_FILES, loadBundledIfEmpty, readRegionsCsv } from './load-bundled';
import { appendRecords, insertVersion } from './write-records';

const DATASETS_DIR = path.resolve('datasets');
const TABLES = ['meta', 'wilayah', 'versi_data', ...DATASET_KINDS];

const temporary: string[] = [];
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-load-'));
	temporary.push(dir);
	return dir;
}

async function freshDatabase(): Promise<Database> {
	const db = await openDatabase({
		path: path.join(tempDir(), 'test.duckdb'),
		threads: 1,
		memoryLimit: '512MB',
		maxConcurrent: 2
	});
	await db.withConnection(migrate);
	return db;
}

async function scalar(c: DuckDBConnection, sql: string): Promise<number> {
	return Number((await c.runAndReadAll(sql)).getRows()[0]?.[0]);
}

/** Every row of every table, as text: equal snapshots mean an unchanged database. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
	return db.withConnection(async (c) => {
		const result: Record<string, string[]> = {};
		for (const table of TABLES) {
			const reader = await c.runAndReadAll(`SELECT t::VARCHAR FROM "${table}" t ORDER BY 1`);
			result[table] = reader.getRows().map((r) => String(r[0]));
		}
		return result;
	});
}

function dataRows(file: string): number {
	const parsed = Papa.parse(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
	return parsed.data.length;
}

function copyDatasets(): string {
	const dir = tempDir();
	for (const name of fs.readdirSync(DATASETS_DIR)) {
		if (name.endsWith('.csv')) fs.copyFileSync(path.join(DATASETS_DIR, name), path.join(dir, name));
	}
	return dir;
}

afterAll(() => {
	for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('readRegionsCsv on the bundled wilayah.csv', () => {
	const regions = readRegionsCsv(path.join(DATASETS_DIR, 'wilayah.csv'));
	const resolve = createRegionResolver(regions);
	const codeOf = (text: string) => {
		const match = resolve(text);
		return match.kind === 'found' ? match.region.code : match.kind;
	};

	it('lists 38 provinces and 514 regencies and cities, each code once', () => {
		expect(regions.filter((r) => r.level === 'provinsi')).toHaveLength(38);
		expect(regions.filter((r) => r.level === 'kabkota')).toHaveLength(514);
		expect(new Set(regions.map((r) => r.code)).size).toBe(552);
	});

	it('keeps Kabupaten Bekasi and Kota Bekasi apart', () => {
		expect(codeOf('Kabupaten Bekasi')).toBe('32.16');
		expect(codeOf('Kota Bekasi')).toBe('32.75');
		expect(codeOf('3216')).toBe('32.16');
		expect(codeOf('3275')).toBe('32.75');
		expect(codeOf('Bekasi')).toBe('ambiguous');
	});

	it('maps the crossed BPS codes of Bangka Barat and Bangka Selatan', () => {
		expect(codeOf('1903')).toBe('19.05');
		expect(codeOf('1905')).toBe('19.03');
		expect(codeOf('Kabupaten Bangka Barat')).toBe('19.05');
	});
});

describe('loadBundledIfEmpty', () => {
	let db: Database;
	let first: { loaded: boolean; rows: number };

	beforeAll(async () => {
		db = await freshDatabase();
		first = await db.withConnection((c) => loadBundledIfEmpty(c, DATASETS_DIR));
	});

	afterAll(() => db.close());

	it('loads every bundled dataset as one version with all its rows', async () => {
		const versions = await db.withConnection(async (c) => {
			const reader = await c.runAndReadAll(
				`SELECT jenis_data, mode, nama_berkas, jumlah_baris FROM versi_data ORDER BY jenis_data`
			);
			return reader.getRows().map(([kind, mode, file, rows]) => ({
				kind: String(kind),
				mode: String(mode),
				file: String(file),
				rows: Number(rows)
			}));
		});
		const want = [...DATASET_KINDS].sort().map((kind) => ({
			kind,
			mode: 'bundled',
			file: BUNDLED_FILES[kind],
			rows: dataRows(path.join(DATASETS_DIR, BUNDLED_FILES[kind]))
		}));
		expect(versions).toEqual(want);
		expect(first).toEqual({ loaded: true, rows: want.reduce((n, v) => n + v.rows, 0) });
	});

	it('stores as many rows in each table as the CSV file has data rows', async () => {
		for (const kind of DATASET_KINDS) {
			const count = await db.withConnection((c) => scalar(c, `SELECT count(*) FROM "${kind}"`));
			expect(count, kind).toBe(dataRows(path.join(DATASETS_DIR, BUNDLED_FILES[kind])));
		}
		const regions = await db.withConnection((c) => scalar(c, 'SELECT count(*) FROM wilayah'));
		expect(regions).toBe(552);
	});

	it('keeps the published figures for Kabupaten Bekasi and Bangka Belitung', async () => {
		const ask = (id: string, regions: string[], year: number) =>
			runIndicatorQuery(db, {
				indicator: findIndicator(id)!,
				regions,
				from: year,
				to: year,
				per: 'total'
			});
		expect((await ask('koperasi_aktif', ['32.16'], 2023))[0]?.value).toBe(691);
		expect((await ask('jumlah_koperasi', ['19'], 2025))[0]?.value).toBe(1671);
		expect((await ask('koperasi_aktif', ['19'], 2025))[0]?.value).toBe(1248);
	});

	it('loads nothing the second time', async () => {
		const before = await snapshot(db);
		const second = await db.withConnection((c) => loadBundledIfEmpty(c, DATASETS_DIR));
		expect(second).toEqual({ loaded: false, rows: 0 });
		expect(await snapshot(db)).toEqual(before);
	});
});

describe('loadBundledIfEmpty with a bad bundled file', () => {
	it.each(Object.entries(BUNDLED_FILES) as [DatasetKind, string][])(
		'refuses a bad last line in %s and leaves the database as it was',
		async (_kind, file) => {
			const dir = copyDatasets();
			const target = path.join(dir, file);
			const lines = fs.readFileSync(target, 'utf8').trimEnd().split('\n');
			lines[lines.length - 1] = lines.at(-1)!.replace(/^[^,]+,/, '99.99,');
			fs.writeFileSync(target, lines.join('\n') + '\n');

			const db = await freshDatabase();
			try {
				const before = await snapshot(db);
				await expect(db.withConnection((c) => loadBundledIfEmpty(c, dir))).rejects.toThrow(
					new RegExp(`${file} has 1 problem.*line ${lines.length}, kode_wilayah`, 's')
				);
				const after = await snapshot(db);
				expect(after).toEqual(before);
				expect(after.versi_data).toEqual([]);
				expect(after.wilayah).toEqual([]);
			} finally {
				db.close();
			}
		}
	);

	it('rolls everything back when writing fails inside the transaction', async () => {
		const db = await freshDatabase();
		try {
			await db.withConnection((c) =>
				c.run(
					`INSERT INTO wilayah VALUES ('11', '11', 'Aceh', 'Aceh', 'provinsi', 'Provinsi', '11', 'Aceh', 1, NULL)`
				)
			);
			const before = await snapshot(db);
			await expect(db.withConnection((c) => loadBundledIfEmpty(c, DATASETS_DIR))).rejects.toThrow(
				/constraint|duplicate/i
			);
			expect(await snapshot(db)).toEqual(before);
		} finally {
			db.close();
		}
	});
});

describe('appended rows inside a transaction', () => {
	it('are gone after ROLLBACK', async () => {
		const db = await freshDatabase();
		try {
			await db.withConnection(async (c) => {
				await c.run('BEGIN TRANSACTION');
				const appender = await c.createAppender('wilayah');
				appender.appendVarchar('32.16');
				appender.appendVarchar('3216');
				appender.appendVarchar('Kabupaten Bekasi');
				appender.appendVarchar('Bekasi');
				appender.appendVarchar('kabkota');
				appender.appendVarchar('Kabupaten');
				appender.appendVarchar('32');
				appender.appendVarchar('Jawa Barat');
				appender.appendBigInt(3387601n);
				appender.appendNull();
				appender.endRow();
				appender.closeSync();
				const version = await insertVersion(
					c,
					{
						kind: 'koperasi',
						mode: 'append',
						fileName: null,
						sha256: null,
						by: 't',
						sourceNote: null
					},
					1
				);
				await appendRecords(c, 'koperasi', version, [
					{
						line: 2,
						kode_wilayah: '32.16',
						tahun: 2023,
						dimensi: 'semua',
						id_koperasi: null,
						nama_koperasi: null,
						facts: { koperasi_aktif: 691 },
						status_data: 'resmi',
						sumber: 's'
					}
				]);
				expect(await scalar(c, 'SELECT count(*) FROM wilayah')).toBe(1);
				expect(await scalar(c, 'SELECT count(*) FROM koperasi')).toBe(1);
				await c.run('ROLLBACK');
			});
			await db.withConnection(async (c) => {
				expect(await scalar(c, 'SELECT count(*) FROM wilayah')).toBe(0);
				expect(await scalar(c, 'SELECT count(*) FROM koperasi')).toBe(0);
				expect(await scalar(c, 'SELECT count(*) FROM versi_data')).toBe(0);
			});
		} finally {
			db.close();
		}
	});
});
