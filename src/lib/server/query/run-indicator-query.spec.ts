/**
 * The summary tables and the answer cache are keyed by the data version: an upload changes the
 * answer, an undo brings the old one back, a dry run or a refused upload changes nothing, and a
 * repeated question is answered without DuckDB.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIndicator, type Normalisation } from '$lib/catalogue/indicators';
import type { IndicatorQuery } from '$lib/query/indicator-query';
import type { Region } from '$lib/regions/region';
import type { Database } from '../duckdb/database';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { ingestUpload, type UploadOutcome } from '../ingest/ingest-upload';
import { revertVersion } from '../ingest/versions';
import { readRegions } from '../regions';
import { runCompositionQuery } from './composition';
import {
	configureQueryCache,
	queryStats,
	readDataYears,
	runIndicatorQuery
} from './run-indicator-query';
import { buildSummaries } from './summary-tables';

const HEADER =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber';

const BUNDLED: Record<string, string[]> = {
	'wilayah.csv': [
		'kode_wilayah,kode_bps,nama_wilayah,nama_pendek,tingkat,jenis,kode_provinsi,nama_provinsi,penduduk_2025,luas_km2',
		'32,32,Jawa Barat,Jawa Barat,provinsi,Provinsi,32,Jawa Barat,50000000,35377.8',
		'32.16,3216,Kabupaten Bekasi,Bekasi,kabkota,Kabupaten,32,Jawa Barat,3387601,1255.001'
	],
	'koperasi.csv': [HEADER, '32.16,2020,semua,1500,700,resmi,Dinas Koperasi'],
	'pembiayaan.csv': [
		'kode_wilayah,tahun,aset,status_data,sumber',
		'32.16,2021,2070670705000,sintetis,Sintetis'
	],
	'jangkauan_pasar.csv': [
		'kode_wilayah,tahun,kategori_usaha,jumlah_umkm,status_data,sumber',
		'32.16,2019,semua,373482,sintetis,Sintetis'
	],
	'kdkmp.csv': [
		'kode_wilayah,tahun,kdkmp_koperasi,desa_kelurahan,status_data,sumber',
		'32.16,2020,187,187,resmi,SIMKOPDES (perlengkapan uji)'
	],
	'penduduk.csv': [
		'kode_wilayah,tahun,jumlah_penduduk,status_data,sumber',
		'32.16,2020,3000000,resmi,Kepmendagri'
	]
};

let opened: SpecDatabase;
let dir: string;
let db: Database;
let regions: Region[];

beforeEach(async () => {
	opened = await openSpecDatabase('query-cache', {
		maxConcurrent: 3,
		datasets: Object.fromEntries(
			Object.entries(BUNDLED).map(([name, lines]) => [name, lines.join('\n')])
		)
	});
	({ dir, db } = opened);
	regions = await db.withConnection(readRegions);
});

afterEach(() => opened.dispose());

function ask(indicator: string, per: Normalisation = 'total'): IndicatorQuery {
	return { indicator: findIndicator(indicator)!, per, regions: ['32.16'], from: 2020, to: 2020 };
}

async function value(indicator: string, per: Normalisation = 'total'): Promise<number | null> {
	const [row] = await runIndicatorQuery(db, ask(indicator, per));
	return row?.value ?? null;
}

function upload(lines: string[], mode: 'append' | 'replace', dryRun = false) {
	return db.withConnection((c): Promise<UploadOutcome> =>
		ingestUpload(
			c,
			{
				kind: 'koperasi',
				mode,
				bytes: new Uint8Array(Buffer.from(`${[HEADER, ...lines].join('\n')}\n`)),
				fileName: 'unggahan.csv',
				by: 'analis',
				sourceNote: null,
				dryRun
			},
			{ regions, uploadsDir: path.join(dir, 'uploads') }
		)
	);
}

async function stored(lines: string[], mode: 'append' | 'replace'): Promise<number> {
	const outcome = await upload(lines, mode);
	if (outcome.kind !== 'stored') throw new Error(`Upload not stored: ${outcome.kind}`);
	return outcome.versionId!;
}

describe('runIndicatorQuery across data versions', () => {
	it('answers a repeated question from the cache, without a rebuild', async () => {
		expect(await value('koperasi_aktif')).toBe(700);
		const before = queryStats(db);
		expect(await value('koperasi_aktif')).toBe(700);
		const after = queryStats(db);
		expect(after.hits).toBe(before.hits + 1);
		expect(after.builds).toBe(before.builds);
		expect(after.builds).toBe(1);
	});

	it('changes the cached answer after an upload and brings it back after the undo', async () => {
		expect(await value('koperasi_aktif')).toBe(700);
		expect(await value('koperasi_aktif', 'population')).toBeCloseTo((700 * 100_000) / 3_000_000);

		const replaced = await stored(['32.16,2020,semua,1600,900,resmi,Dinas Koperasi 2'], 'replace');
		expect(await value('koperasi_aktif')).toBe(900);
		expect(await value('koperasi_aktif', 'population')).toBeCloseTo((900 * 100_000) / 3_000_000);

		const added = await stored(['32.16,2021,semua,1700,950,resmi,Dinas Koperasi 3'], 'append');
		expect(await value('koperasi_aktif')).toBe(900);
		expect(await readDataYears(db)).toEqual({ from: 2019, to: 2021 });
		// an indicator's own span: only the datasets it reads
		expect(await readDataYears(db, ['koperasi'])).toEqual({ from: 2020, to: 2021 });
		expect(await readDataYears(db, ['jangkauan_pasar', 'kdkmp'])).toEqual({ from: 2019, to: 2020 });

		await db.withConnection((c) => revertVersion(c, added));
		expect(await readDataYears(db)).toEqual({ from: 2019, to: 2021 });
		await db.withConnection((c) => revertVersion(c, replaced));
		expect(await value('koperasi_aktif')).toBe(700);
		expect(await value('koperasi_aktif', 'population')).toBeCloseTo((700 * 100_000) / 3_000_000);
		expect(queryStats(db).builds).toBe(5);
	});

	it('keeps the answer through a dry run and a refused upload', async () => {
		expect(await value('jumlah_koperasi')).toBe(1500);
		const { builds, hits } = queryStats(db);
		expect((await upload(['32.16,2020,semua,1,1,resmi,X'], 'replace', true)).kind).toBe('planned');
		expect((await upload(['32.16,2020,semua,1,1,resmi,X'], 'append')).kind).toBe('problems');
		expect(await value('jumlah_koperasi')).toBe(1500);
		expect(queryStats(db)).toMatchObject({ builds, hits: hits + 1 });
	});

	it('rebuilds once when many questions arrive right after an upload', async () => {
		expect(await value('jumlah_koperasi')).toBe(1500);
		await stored(['32.16,2020,semua,2000,800,resmi,Dinas Koperasi 2'], 'replace');
		const answers = await Promise.all(
			['jumlah_koperasi', 'koperasi_aktif', 'kepatuhan_rat', 'jumlah_koperasi'].map((id) =>
				value(id)
			)
		);
		expect(answers).toEqual([2000, 800, null, 2000]);
		expect(queryStats(db).builds).toBe(2);
	});

	it('reads the data version again only when the database files changed', async () => {
		const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
		expect(await value('koperasi_aktif')).toBe(700);
		await settle();
		expect(await value('koperasi_aktif')).toBe(700);
		const { versionReads } = queryStats(db);
		expect(await value('koperasi_aktif')).toBe(700);
		expect(await readDataYears(db)).toEqual({ from: 2019, to: 2021 });
		expect(queryStats(db).versionReads).toBe(versionReads);

		await stored(['32.16,2020,semua,1600,900,resmi,Dinas Koperasi 2'], 'replace');
		await settle();
		expect(await value('koperasi_aktif')).toBe(900);
		expect(queryStats(db).versionReads).toBe(versionReads + 1);
	});

	it('keeps composition answers by data version too', async () => {
		const query = {
			dataset: 'koperasi' as const,
			dimension: 'jenis_koperasi',
			fact: 'koperasi_aktif' as const,
			regions: ['32.16'],
			from: 2020,
			to: 2020
		};
		const split = async () =>
			(await runCompositionQuery(db, query)).map((r) => [r.category, r.value]);
		expect(await split()).toEqual([]);
		const id = await stored(
			['32.16,2020,konsumen,900,500,resmi,Dinas', '32.16,2020,produsen,700,400,resmi,Dinas'],
			'replace'
		);
		expect(await split()).toEqual([
			['konsumen', 500],
			['produsen', 400]
		]);
		const { hits } = queryStats(db);
		expect(await split()).toHaveLength(2);
		expect(queryStats(db).hits).toBe(hits + 1);
		await db.withConnection((c) => revertVersion(c, id));
		expect(await split()).toEqual([]);
	});

	it('gives each caller its own array', async () => {
		const first = await runIndicatorQuery(db, ask('jumlah_koperasi'));
		first.pop();
		expect(await runIndicatorQuery(db, ask('jumlah_koperasi'))).toHaveLength(1);
	});

	it('stores nothing when the cache is turned off', async () => {
		configureQueryCache(db, 0);
		expect(await value('jumlah_koperasi')).toBe(1500);
		expect(await value('jumlah_koperasi')).toBe(1500);
		expect(queryStats(db)).toMatchObject({ hits: 0, cached: 0, builds: 1 });
	});

	it('names the right sources after the summaries were rebuilt behind its back', async () => {
		configureQueryCache(db, 0);
		const sources = async () => (await runIndicatorQuery(db, ask('jumlah_koperasi')))[0]?.sources;
		expect(await sources()).toBe('Dinas Koperasi');
		// Another caller rebuilds: the source set ids change, and this cache never saw them.
		await db.withConnection((c) => buildSummaries(c, null));
		await db.withConnection((c) => buildSummaries(c, null));
		expect(await sources()).toBe('Dinas Koperasi');
		expect(queryStats(db).builds).toBe(1);
	});
});
