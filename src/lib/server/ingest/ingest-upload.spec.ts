/**
 * The upload pipeline against a real DuckDB file: what each upload, dry run, failure and undo
 * leaves behind, down to a checksum of every table. The database starts from small crafted
 * datasets with the same columns as `datasets/`, so the figures below are known exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIndicator } from '$lib/catalogue/indicators';
import type { Region } from '$lib/regions/region';
import { stagingDirOf } from './uploads-folder';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { runIndicatorQuery } from '../query/run-indicator-query';
import { readRegions } from '../regions';
import { ingestUpload, type UploadOutcome, type UploadRequest } from './ingest-upload';
import { listVersions, revertVersion, type RevertOutcome } from './versions';

const KOPERASI_HEADER =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,koperasi_rat,jumlah_anggota,jumlah_manajer,jumlah_karyawan,status_data,sumber';

const BUNDLED: Record<string, string> = {
	'wilayah.csv': [
		'kode_wilayah,kode_bps,nama_wilayah,nama_pendek,tingkat,jenis,kode_provinsi,nama_provinsi,penduduk_2025,luas_km2',
		'19,19,Kepulauan Bangka Belitung,Kep. Bangka Belitung,provinsi,Provinsi,19,Kepulauan Bangka Belitung,1530000,16690.1',
		'19.01,1901,Kabupaten Bangka,Bangka,kabkota,Kabupaten,19,Kepulauan Bangka Belitung,340000,2950.7',
		'32,32,Jawa Barat,Jawa Barat,provinsi,Provinsi,32,Jawa Barat,50000000,35377.8',
		'32.16,3216,Kabupaten Bekasi,Bekasi,kabkota,Kabupaten,32,Jawa Barat,3387601,1255.001',
		'32.75,3275,Kota Bekasi,Bekasi,kabkota,Kota,32,Jawa Barat,2572209,213.036'
	].join('\n'),
	'koperasi.csv': [
		KOPERASI_HEADER,
		'32.16,2020,semua,1500,,,,,,estimasi,Estimasi rasio',
		'32.16,2020,semua,,700,300,180000,150,3500,sintetis,Sintetis seed',
		'32.16,2021,semua,1528,704,,,,,resmi,Dinas Koperasi Kabupaten Bekasi',
		'32.75,2020,semua,900,500,,,,,resmi,Dinas Koperasi Kota Bekasi',
		'19.01,2020,simpan_pinjam,40,30,,,,,resmi,Dinas Koperasi Bangka',
		'19.01,2020,konsumen,60,45,,,,,resmi,Dinas Koperasi Bangka'
	].join('\n'),
	'pembiayaan.csv': [
		'kode_wilayah,tahun,modal_sendiri,modal_luar,aset,volume_usaha,shu,pinjaman_diberikan,kur_realisasi,kur_debitur,status_data,sumber',
		'32.16,2020,798584288000,1272086416000,2070670705000,1457634753000,-62992456000,560198033000,1638868008000,39594,sintetis,Sintetis seed'
	].join('\n'),
	'jangkauan_pasar.csv': [
		'kode_wilayah,tahun,kategori_usaha,jumlah_umkm,umkm_pemasaran_luar_daerah,umkm_ekspor,umkm_daring,penjualan_total,penjualan_luar_daerah,nilai_ekspor,galeri_produk,keikutsertaan_pameran,status_data,sumber',
		'32.16,2020,semua,373482,72047,2790,138650,63349036664000,18682378535000,4543325512000,0,17,sintetis,Sintetis seed'
	].join('\n'),
	'kdkmp.csv': [
		'kode_wilayah,tahun,kdkmp_koperasi,desa_kelurahan,status_data,sumber',
		'32.16,2020,187,187,resmi,SIMKOPDES (perlengkapan uji)'
	].join('\n'),
	'penduduk.csv': [
		'kode_wilayah,tahun,jumlah_penduduk,status_data,sumber',
		'32.16,2025,3387601,resmi,Kepmendagri 2025',
		'32.75,2025,2572209,resmi,Kepmendagri 2025',
		'19.01,2025,340000,resmi,Kepmendagri 2025'
	].join('\n')
};

const TABLES = [
	'koperasi',
	'pembiayaan',
	'jangkauan_pasar',
	'penduduk',
	'kdkmp',
	'versi_data',
	'wilayah',
	'pengguna',
	'meta'
] as const;
const FACT_TABLES = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk', 'kdkmp'] as const;

interface Fixture extends SpecDatabase {
	uploadsDir: string;
	regions: Region[];
}

async function openFixture(): Promise<Fixture> {
	const opened = await openSpecDatabase('ingest', { datasets: BUNDLED });
	return {
		...opened,
		uploadsDir: path.join(opened.dir, 'uploads'),
		regions: await opened.db.withConnection(readRegions)
	};
}

function closeFixture(fixture: Fixture) {
	fixture.dispose();
}

function csv(...lines: string[]): Uint8Array {
	return new Uint8Array(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
}

function upload(
	fixture: Fixture,
	request: Partial<UploadRequest> & Pick<UploadRequest, 'bytes'>
): Promise<UploadOutcome> {
	return fixture.db.withConnection((c) =>
		ingestUpload(
			c,
			{
				kind: 'koperasi',
				mode: 'append',
				fileName: 'unggahan.csv',
				by: 'analis',
				sourceNote: null,
				dryRun: false,
				...request
			},
			{ regions: fixture.regions, uploadsDir: fixture.uploadsDir }
		)
	);
}

function revert(fixture: Fixture, id: number): Promise<RevertOutcome> {
	return fixture.db.withConnection((c) => revertVersion(c, id));
}

/** Row count and `sum(hash(t))` of every table: equal snapshots mean equal contents. */
async function snapshot(
	fixture: Fixture,
	tables: readonly string[] = TABLES
): Promise<Record<string, string>> {
	return fixture.db.withConnection(async (c) => {
		const result: Record<string, string> = {};
		for (const table of tables) {
			const reader = await c.runAndReadAll(
				`SELECT count(*)::VARCHAR, coalesce(sum(hash(t)), 0)::VARCHAR FROM "${table}" t`
			);
			const [count, checksum] = reader.getRows()[0] ?? [];
			result[table] = `${count} rows, checksum ${checksum}`;
		}
		return result;
	});
}

async function rows(
	fixture: Fixture,
	sql: string,
	params: Record<string, string | number> | (string | number)[] = []
) {
	return fixture.db.withConnection(async (c) =>
		(await c.runAndReadAll(sql, params)).getRowObjectsJS()
	);
}

/** The originals kept in the uploads folder. Staged files never outlive their upload. */
function uploadedFiles(fixture: Fixture): string[] {
	const staging = stagingDirOf(fixture.uploadsDir);
	expect(fs.existsSync(staging) ? fs.readdirSync(staging) : [], 'staged files left behind').toEqual(
		[]
	);
	if (!fs.existsSync(fixture.uploadsDir)) return [];
	return fs.readdirSync(fixture.uploadsDir).filter((name) => name !== path.basename(staging));
}

async function bundledVersionId(fixture: Fixture, kind: string): Promise<number> {
	const versions = await fixture.db.withConnection(listVersions);
	const version = versions.find((v) => v.kind === kind && v.mode === 'bundled');
	if (!version) throw new Error(`no bundled ${kind} version`);
	return version.id;
}

function stored(outcome: UploadOutcome) {
	if (outcome.kind !== 'stored')
		throw new Error(`expected a stored upload, got ${JSON.stringify(outcome)}`);
	return outcome;
}

const NEW_ROWS = [
	'32.16,2010,semua,1100,600,,,,,resmi,Dinas Koperasi 2010',
	'32.75,2010,semua,700,400,,,,,resmi,Dinas Koperasi 2010',
	'19.01,2010,simpan_pinjam,25,20,,,,,estimasi,Estimasi 2010'
];

describe('ingestUpload on a real DuckDB file', () => {
	let fixture: Fixture;
	beforeEach(async () => {
		fixture = await openFixture();
	});
	afterEach(() => closeFixture(fixture));

	describe('append', () => {
		it('adds exactly the rows of the file as one new version and touches nothing else', async () => {
			const before = await snapshot(fixture, [
				'pembiayaan',
				'jangkauan_pasar',
				'penduduk',
				'wilayah'
			]);
			const koperasiBefore = await rows(fixture, `SELECT * FROM koperasi ORDER BY ALL`);

			const outcome = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));

			expect(outcome.rows).toBe(3);
			expect(outcome.changes).toMatchObject({
				added: 3,
				replaced: 0,
				by_region_year: [
					{ region_code: '19.01', year: 2010, added: 1, replaced: 0 },
					{ region_code: '32.16', year: 2010, added: 1, replaced: 0 },
					{ region_code: '32.75', year: 2010, added: 1, replaced: 0 }
				]
			});
			const added = await rows(
				fixture,
				`SELECT baris, kode_wilayah, tahun, jenis_koperasi, jumlah_koperasi, koperasi_aktif, koperasi_rat,
				   diganti_oleh, status_data, sumber
				 FROM koperasi WHERE versi = $1 ORDER BY baris`,
				[outcome.versionId!]
			);
			expect(added).toEqual([
				{
					baris: 2,
					kode_wilayah: '32.16',
					tahun: 2010,
					jenis_koperasi: 'semua',
					jumlah_koperasi: 1100n,
					koperasi_aktif: 600n,
					koperasi_rat: null,
					diganti_oleh: null,
					status_data: 'resmi',
					sumber: 'Dinas Koperasi 2010'
				},
				{
					baris: 3,
					kode_wilayah: '32.75',
					tahun: 2010,
					jenis_koperasi: 'semua',
					jumlah_koperasi: 700n,
					koperasi_aktif: 400n,
					koperasi_rat: null,
					diganti_oleh: null,
					status_data: 'resmi',
					sumber: 'Dinas Koperasi 2010'
				},
				{
					baris: 4,
					kode_wilayah: '19.01',
					tahun: 2010,
					jenis_koperasi: 'simpan_pinjam',
					jumlah_koperasi: 25n,
					koperasi_aktif: 20n,
					koperasi_rat: null,
					diganti_oleh: null,
					status_data: 'estimasi',
					sumber: 'Estimasi 2010'
				}
			]);
			expect(
				await rows(fixture, `SELECT * FROM koperasi WHERE versi <> $1 ORDER BY ALL`, [
					outcome.versionId!
				])
			).toEqual(koperasiBefore);
			expect(
				await snapshot(fixture, ['pembiayaan', 'jangkauan_pasar', 'penduduk', 'wilayah'])
			).toEqual(before);

			const [version] = await rows(
				fixture,
				`SELECT jenis_data, mode, nama_berkas, jumlah_baris, oleh, dibatalkan_pada FROM versi_data WHERE id = $1`,
				[outcome.versionId!]
			);
			expect(version).toEqual({
				jenis_data: 'koperasi',
				mode: 'append',
				nama_berkas: 'unggahan.csv',
				jumlah_baris: 3,
				oleh: 'analis',
				dibatalkan_pada: null
			});
		});

		it('refuses a fact that is already stored, naming the line and the stored version, and changes nothing', async () => {
			const bundled = await bundledVersionId(fixture, 'koperasi');
			const before = await snapshot(fixture);

			const outcome = await upload(fixture, {
				bytes: csv(
					KOPERASI_HEADER,
					'32.16,2010,semua,1100,600,,,,,resmi,Baru',
					'32.16,2021,semua,1530,,,,,,resmi,Dinas Koperasi (ulang)'
				)
			});

			expect(outcome.kind).toBe('problems');
			if (outcome.kind !== 'problems') return;
			expect(outcome.problemCount).toBe(1);
			expect(outcome.problems).toEqual([
				{
					line: 3,
					column: 'jumlah_koperasi',
					value: '1530',
					message: {
						id: `jumlah_koperasi untuk 32.16 tahun 2021 sudah tersimpan (versi ${bundled}).`,
						en: `jumlah_koperasi for 32.16 in 2021 is already stored (version ${bundled}).`
					},
					fix: expect.objectContaining({ en: expect.stringContaining('replace') })
				}
			]);
			expect(await snapshot(fixture)).toEqual(before);
			expect(uploadedFiles(fixture)).toEqual([]);
		});

		it('refuses a whole-region figure where a breakdown is stored (it would count twice)', async () => {
			const before = await snapshot(fixture);
			const outcome = await upload(fixture, {
				bytes: csv(KOPERASI_HEADER, '19.01,2020,semua,100,,,,,,resmi,Total wilayah')
			});
			expect(outcome.kind).toBe('problems');
			expect(
				outcome.kind === 'problems' && outcome.problems.map((p) => [p.line, p.column])
			).toEqual([
				[2, 'jumlah_koperasi'],
				[2, 'jumlah_koperasi']
			]);
			expect(outcome.kind === 'problems' && outcome.problems[0]?.message.en).toContain(
				'another grain'
			);
			expect(await snapshot(fixture)).toEqual(before);
		});

		it('accepts a fact the stored rows of that region and year leave empty', async () => {
			const outcome = await upload(fixture, {
				bytes: csv(KOPERASI_HEADER, '32.16,2021,semua,,,320,,,,resmi,Laporan RAT 2021')
			});
			expect(stored(outcome).changes.added).toBe(1);
		});
	});

	describe('replace', () => {
		it('retires exactly the region–year pairs of the file and reports added and replaced rows per pair', async () => {
			const bundled = await bundledVersionId(fixture, 'koperasi');
			const others = await snapshot(fixture, ['pembiayaan', 'jangkauan_pasar', 'penduduk']);

			const outcome = stored(
				await upload(fixture, {
					mode: 'replace',
					bytes: csv(
						KOPERASI_HEADER,
						'32.16,2020,semua,1490,690,,,,,resmi,Dinas Koperasi (koreksi)',
						'19.01,2021,semua,110,80,,,,,resmi,Dinas Koperasi Bangka'
					)
				})
			);

			expect(outcome.changes).toMatchObject({
				added: 2,
				replaced: 2,
				by_region_year: [
					{ region_code: '19.01', year: 2021, added: 1, replaced: 0 },
					{ region_code: '32.16', year: 2020, added: 1, replaced: 2 }
				]
			});
			const v = outcome.versionId!;
			const live = await rows(
				fixture,
				`SELECT kode_wilayah, tahun, jenis_koperasi, versi = $1 AS baru, jumlah_koperasi, koperasi_aktif, koperasi_rat
				 FROM koperasi WHERE diganti_oleh IS NULL ORDER BY kode_wilayah, tahun, jenis_koperasi`,
				[v]
			);
			expect(live).toEqual([
				{
					kode_wilayah: '19.01',
					tahun: 2020,
					jenis_koperasi: 'konsumen',
					baru: false,
					jumlah_koperasi: 60n,
					koperasi_aktif: 45n,
					koperasi_rat: null
				},
				{
					kode_wilayah: '19.01',
					tahun: 2020,
					jenis_koperasi: 'simpan_pinjam',
					baru: false,
					jumlah_koperasi: 40n,
					koperasi_aktif: 30n,
					koperasi_rat: null
				},
				{
					kode_wilayah: '19.01',
					tahun: 2021,
					jenis_koperasi: 'semua',
					baru: true,
					jumlah_koperasi: 110n,
					koperasi_aktif: 80n,
					koperasi_rat: null
				},
				{
					kode_wilayah: '32.16',
					tahun: 2020,
					jenis_koperasi: 'semua',
					baru: true,
					jumlah_koperasi: 1490n,
					koperasi_aktif: 690n,
					koperasi_rat: null
				},
				{
					kode_wilayah: '32.16',
					tahun: 2021,
					jenis_koperasi: 'semua',
					baru: false,
					jumlah_koperasi: 1528n,
					koperasi_aktif: 704n,
					koperasi_rat: null
				},
				{
					kode_wilayah: '32.75',
					tahun: 2020,
					jenis_koperasi: 'semua',
					baru: false,
					jumlah_koperasi: 900n,
					koperasi_aktif: 500n,
					koperasi_rat: null
				}
			]);
			const retired = await rows(
				fixture,
				`SELECT kode_wilayah, tahun, versi FROM koperasi WHERE diganti_oleh = $1 ORDER BY ALL`,
				[v]
			);
			expect(retired).toEqual([
				{ kode_wilayah: '32.16', tahun: 2020, versi: bundled },
				{ kode_wilayah: '32.16', tahun: 2020, versi: bundled }
			]);
			expect(await snapshot(fixture, ['pembiayaan', 'jangkauan_pasar', 'penduduk'])).toEqual(
				others
			);
		});

		it('replaces a breakdown by a whole-region total without a double-count conflict', async () => {
			const outcome = stored(
				await upload(fixture, {
					mode: 'replace',
					bytes: csv(KOPERASI_HEADER, '19.01,2020,semua,100,75,,,,,resmi,Total wilayah')
				})
			);
			expect(outcome.changes.by_region_year).toEqual([
				{ region_code: '19.01', year: 2020, added: 1, replaced: 2 }
			]);
		});
	});

	describe('replace of some facts only', () => {
		const JANGKAUAN_FACTS = [
			'jumlah_umkm',
			'umkm_pemasaran_luar_daerah',
			'umkm_ekspor',
			'umkm_daring',
			'penjualan_total',
			'penjualan_luar_daerah',
			'nilai_ekspor',
			'galeri_produk',
			'keikutsertaan_pameran'
		];

		/** Every live value of a dataset: `region|year|key|fact` → `value status source`. */
		async function liveValues(kind: string, facts: readonly string[], key: string) {
			const found = await rows(
				fixture,
				`SELECT kode_wilayah || '|' || tahun || '|' || ${key} || '|' || fact AS place,
				        value::VARCHAR || ' ' || status_data || ' ' || sumber AS what
				 FROM (UNPIVOT (SELECT * FROM "${kind}" WHERE diganti_oleh IS NULL)
				       ON ${facts.join(', ')} INTO NAME fact VALUE value)
				 ORDER BY place`
			);
			return Object.fromEntries(found.map((r) => [String(r.place), String(r.what)]));
		}

		const without = (values: Record<string, string>, fact: string) =>
			Object.fromEntries(Object.entries(values).filter(([at]) => !at.endsWith(`|${fact}`)));

		it.each([
			['plain', 'Open Data Jabar'],
			// A space before the source sends the file the full way (decode, parse, validate).
			['full', ' Open Data Jabar']
		])(
			'a file with only jumlah_umkm replaces that fact and keeps every other fact of those region–years (%s way)',
			async (way, source) => {
				// A new copy for each upload: the bytes are handed over to the upload's worker.
				const bytes = () =>
					csv(
						'kode_wilayah,tahun,kategori_usaha,jumlah_umkm,status_data,sumber',
						`32.16,2020,semua,380000,resmi,${source}`,
						`32.16,2021,semua,390000,resmi,${source}`
					);
				const before = await liveValues('jangkauan_pasar', JANGKAUAN_FACTS, 'kategori_usaha');
				const tablesBefore = await snapshot(fixture, FACT_TABLES);

				const plan = await upload(fixture, {
					kind: 'jangkauan_pasar',
					mode: 'replace',
					dryRun: true,
					bytes: bytes()
				});
				expect(plan.kind === 'planned' && plan.changes.by_fact).toEqual([
					{
						fact: 'jumlah_umkm',
						in_file: true,
						added: 1,
						changed: 1,
						cleared: 0,
						unchanged: 0,
						kept: 0
					},
					...JANGKAUAN_FACTS.slice(1).map((fact) => ({
						fact,
						in_file: false,
						added: 0,
						changed: 0,
						cleared: 0,
						unchanged: 0,
						kept: 1
					}))
				]);
				expect(await snapshot(fixture, FACT_TABLES)).toEqual(tablesBefore);

				const outcome = stored(
					await upload(fixture, { kind: 'jangkauan_pasar', mode: 'replace', bytes: bytes() })
				);
				expect(outcome.timings.way).toBe(way);
				expect(outcome.changes.by_fact).toEqual(plan.kind === 'planned' && plan.changes.by_fact);
				const after = await liveValues('jangkauan_pasar', JANGKAUAN_FACTS, 'kategori_usaha');
				expect(without(after, 'jumlah_umkm')).toEqual(without(before, 'jumlah_umkm'));
				expect(after['32.16|2020|semua|jumlah_umkm']).toBe('380000 resmi Open Data Jabar');
				expect(after['32.16|2021|semua|jumlah_umkm']).toBe('390000 resmi Open Data Jabar');

				// The summary tables read the same facts: the share online is the kept count of
				// online UMKM over the new count of all UMKM.
				const online = await runIndicatorQuery(fixture.db, {
					indicator: findIndicator('persen_umkm_daring')!,
					regions: ['32.16'],
					from: 2020,
					to: 2020,
					per: 'total'
				});
				expect(online.map((r) => r.value)).toEqual([(138650 / 380000) * 100]);

				expect((await revert(fixture, outcome.versionId!)).kind).toBe('reverted');
				expect(await snapshot(fixture, FACT_TABLES)).toEqual(tablesBefore);
			}
		);

		it('keeps the other facts, with their own status and source, of split and breakdown rows; counts cleared values', async () => {
			const facts = [
				'jumlah_koperasi',
				'koperasi_aktif',
				'koperasi_rat',
				'jumlah_anggota',
				'jumlah_manajer',
				'jumlah_karyawan'
			];
			const before = await liveValues('koperasi', facts, 'jenis_koperasi');
			const tablesBefore = await snapshot(fixture, FACT_TABLES);
			const outcome = stored(
				await upload(fixture, {
					mode: 'replace',
					bytes: csv(
						'kode_wilayah,tahun,jenis_koperasi,koperasi_aktif,status_data,sumber',
						// 32.16 2020 holds koperasi_aktif in a row of its own source (sintetis).
						'32.16,2020,semua,710,resmi,Koreksi',
						// 19.01 2020 holds it per breakdown: simpan_pinjam changes, konsumen is cleared.
						'19.01,2020,simpan_pinjam,31,resmi,Koreksi'
					)
				})
			);
			const after = await liveValues('koperasi', facts, 'jenis_koperasi');
			expect(without(after, 'koperasi_aktif')).toEqual(without(before, 'koperasi_aktif'));
			expect(after['32.16|2020|semua|jumlah_anggota']).toBe('180000 sintetis Sintetis seed');
			expect(after['32.16|2020|semua|koperasi_aktif']).toBe('710 resmi Koreksi');
			expect(after['19.01|2020|konsumen|koperasi_aktif']).toBeUndefined();
			expect(after['19.01|2020|konsumen|jumlah_koperasi']).toBe('60 resmi Dinas Koperasi Bangka');
			expect(outcome.changes.by_fact?.find((f) => f.fact === 'koperasi_aktif')).toEqual({
				fact: 'koperasi_aktif',
				in_file: true,
				added: 0,
				changed: 2,
				cleared: 1,
				unchanged: 0,
				kept: 0
			});
			expect(outcome.changes.by_fact?.find((f) => f.fact === 'jumlah_koperasi')?.kept).toBe(3);

			expect((await revert(fixture, outcome.versionId!)).kind).toBe('reverted');
			expect(await snapshot(fixture, FACT_TABLES)).toEqual(tablesBefore);
			expect(await liveValues('koperasi', facts, 'jenis_koperasi')).toEqual(before);
		});
	});

	describe('dry run', () => {
		it.each(['append', 'replace'] as const)(
			'plans a %s, reports what would change and leaves every table exactly as it was',
			async (mode) => {
				const before = await snapshot(fixture);
				const outcome = await upload(fixture, {
					mode,
					dryRun: true,
					bytes: csv(KOPERASI_HEADER, '32.16,2010,semua,1100,600,,,,,resmi,Baru')
				});
				expect(outcome).toMatchObject({
					kind: 'planned',
					versionId: null,
					rows: 1,
					changes: {
						added: 1,
						replaced: 0,
						by_region_year: [{ region_code: '32.16', year: 2010, added: 1, replaced: 0 }]
					}
				});
				expect(await snapshot(fixture)).toEqual(before);
				expect(uploadedFiles(fixture)).toEqual([]);
			}
		);

		it('reports the rows a replace would retire without retiring them', async () => {
			const before = await snapshot(fixture);
			const outcome = await upload(fixture, {
				mode: 'replace',
				dryRun: true,
				bytes: csv(KOPERASI_HEADER, '32.16,2020,semua,1490,690,,,,,resmi,Koreksi')
			});
			expect(outcome.kind === 'planned' && outcome.changes).toMatchObject({
				added: 1,
				replaced: 2,
				by_region_year: [{ region_code: '32.16', year: 2020, added: 1, replaced: 2 }]
			});
			expect(await snapshot(fixture)).toEqual(before);
		});
	});

	describe('all or nothing', () => {
		const manyRows = Array.from(
			{ length: 199 },
			(_, i) => `32.16,${2000 + (i % 18)},jenis_${i},${10 + i},${5 + i},,,,,resmi,Baris ${i}`
		);

		it('stores a clean file, taken the plain way, as one version of all its rows', async () => {
			const outcome = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...manyRows) }));
			expect(outcome.timings.way).toBe('plain');
			expect(
				await rows(
					fixture,
					'SELECT count(*)::INTEGER AS n, sum(jumlah_koperasi)::INTEGER AS total, max(baris) AS last FROM koperasi WHERE versi = ?',
					[outcome.versionId!]
				)
			).toEqual([{ n: 199, total: 199 * 10 + (198 * 199) / 2, last: 200 }]);
			const versions = await fixture.db.withConnection(listVersions);
			expect(versions.find((v) => v.id === outcome.versionId)).toMatchObject({ rows: 199 });
			expect(uploadedFiles(fixture)).toHaveLength(1);
		});

		it('stores a file the plain pass gives up on at its last line the full way, once', async () => {
			const before = await fixture.db.withConnection(listVersions);
			// A space before the source: the full way trims it; the plain pass leaves the file to it.
			const outcome = stored(
				await upload(fixture, {
					bytes: csv(KOPERASI_HEADER, ...manyRows, '32.16,2018,semua,10,1,,,,,resmi, Terakhir')
				})
			);
			expect(outcome.timings.way).toBe('full');
			const after = await fixture.db.withConnection(listVersions);
			expect(after).toHaveLength(before.length + 1);
			expect(
				await rows(
					fixture,
					"SELECT count(*)::INTEGER AS n, count(*) FILTER (sumber = 'Terakhir')::INTEGER AS last FROM koperasi WHERE versi = ?",
					[outcome.versionId!]
				)
			).toEqual([{ n: 200, last: 1 }]);
			expect(uploadedFiles(fixture)).toHaveLength(1);
		});

		it('leaves the database exactly as before when only the last line is invalid', async () => {
			const before = await snapshot(fixture);
			const outcome = await upload(fixture, {
				bytes: csv(KOPERASI_HEADER, ...manyRows, '32.16,2009,semua,10,11,,,,,resmi,Terakhir')
			});
			expect(
				outcome.kind === 'problems' && outcome.problems.map((p) => [p.line, p.column])
			).toEqual([[201, 'koperasi_aktif']]);
			expect(await snapshot(fixture)).toEqual(before);
			expect(uploadedFiles(fixture)).toEqual([]);
		});

		it('reports a cell of megabytes as a problem on its line, not as a server error', async () => {
			const before = await snapshot(fixture);
			const outcome = await upload(fixture, {
				bytes: csv(
					KOPERASI_HEADER,
					...manyRows,
					`32.16,2009,semua,10,1,,,,,resmi,${'x'.repeat(3_000_000)}`
				)
			});
			expect(
				outcome.kind === 'problems' && outcome.problems.map((p) => [p.line, p.column])
			).toEqual([[201, 'sumber']]);
			expect(await snapshot(fixture)).toEqual(before);
			expect(uploadedFiles(fixture)).toEqual([]);
		});

		it('leaves the database exactly as before when only the last line conflicts with stored data (rows already appended are rolled back)', async () => {
			const before = await snapshot(fixture);
			const outcome = await upload(fixture, {
				bytes: csv(KOPERASI_HEADER, ...manyRows, '32.75,2020,semua,901,,,,,,resmi,Terakhir')
			});
			expect(
				outcome.kind === 'problems' && outcome.problems.map((p) => [p.line, p.column])
			).toEqual([[201, 'jumlah_koperasi']]);
			expect(await snapshot(fixture)).toEqual(before);
			expect(uploadedFiles(fixture)).toEqual([]);
		});

		it('changes nothing when the uploads folder cannot be written, and works again once it can', async () => {
			fs.writeFileSync(fixture.uploadsDir, 'not a directory');
			const before = await snapshot(fixture);
			await expect(upload(fixture, { bytes: csv(KOPERASI_HEADER, ...manyRows) })).rejects.toThrow();
			expect(await snapshot(fixture)).toEqual(before);
			const later = stored(
				await fixture.db.withConnection((c) =>
					ingestUpload(
						c,
						{
							kind: 'koperasi',
							mode: 'append',
							bytes: csv(KOPERASI_HEADER, ...manyRows),
							fileName: 'ulang.csv',
							by: 'analis',
							sourceNote: null,
							dryRun: false
						},
						{
							regions: fixture.regions,
							uploadsDir: path.join(fixture.dir, 'uploads-2')
						}
					)
				)
			);
			expect(later.rows).toBe(199);
		});

		it('refuses bytes that are not a text CSV before touching the database', async () => {
			const before = await snapshot(fixture);
			const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
			expect(await upload(fixture, { bytes: png, fileName: 'data.csv' })).toEqual({
				kind: 'not-text'
			});
			expect(await snapshot(fixture)).toEqual(before);
		});
	});

	describe('the stored original file', () => {
		it.each([
			'../../etc/passwd.csv',
			'..\\..\\x.csv',
			'a\u0000.csv',
			'-rf.csv',
			`${'x'.repeat(300)}.csv`
		])(
			'is kept byte for byte under a generated name inside the uploads folder, whatever the upload was called (%s)',
			async (fileName) => {
				const bytes = csv(KOPERASI_HEADER, '32.16,2010,semua,1100,600,,,,,resmi,Dinas');
				// The upload takes the buffer over (it is transferred to the worker thread).
				const outcome = stored(await upload(fixture, { bytes: bytes.slice(), fileName }));

				const [version] = await rows(
					fixture,
					`SELECT nama_berkas, berkas_tersimpan FROM versi_data WHERE id = $1`,
					[outcome.versionId!]
				);
				const storedName = String(version?.berkas_tersimpan);
				expect(storedName).toMatch(
					new RegExp(
						`^${outcome.versionId}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.csv$`
					)
				);
				expect(storedName).not.toContain('passwd');
				expect(storedName).not.toContain('..');
				expect(uploadedFiles(fixture)).toEqual([storedName]);
				const file = fs.realpathSync(path.join(fixture.uploadsDir, storedName));
				expect(path.dirname(file)).toBe(fs.realpathSync(fixture.uploadsDir));
				expect(new Uint8Array(fs.readFileSync(file))).toEqual(bytes);
				expect(version?.nama_berkas).toBe(fileName);
				expect(fs.existsSync(path.join(fixture.dir, 'etc'))).toBe(false);
				expect(
					fs.existsSync(path.join(path.dirname(fixture.uploadsDir), '..', 'etc', 'passwd.csv'))
				).toBe(false);
			}
		);
	});

	describe('undo', () => {
		it('after an append, brings every table back to its checksum before the upload', async () => {
			const before = await snapshot(fixture, FACT_TABLES);
			const outcome = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));
			expect(await snapshot(fixture, FACT_TABLES)).not.toEqual(before);

			const undone = await revert(fixture, outcome.versionId!);

			expect(undone.kind).toBe('reverted');
			expect(undone.kind === 'reverted' && undone.version.reverted_at).toMatch(/^\d{4}-\d\d-\d\dT/);
			expect(await snapshot(fixture, FACT_TABLES)).toEqual(before);
		});

		it('after a replace, brings back exactly the rows it retired', async () => {
			const before = await snapshot(fixture, FACT_TABLES);
			const outcome = stored(
				await upload(fixture, {
					mode: 'replace',
					bytes: csv(
						KOPERASI_HEADER,
						'32.16,2020,semua,1490,690,,,,,resmi,Koreksi',
						'19.01,2020,semua,100,75,,,,,resmi,Total'
					)
				})
			);
			expect(outcome.changes.replaced).toBe(4);

			expect((await revert(fixture, outcome.versionId!)).kind).toBe('reverted');
			expect(await snapshot(fixture, FACT_TABLES)).toEqual(before);
		});

		it('after two uploads undone newest first, returns to the state before both', async () => {
			const before = await snapshot(fixture, FACT_TABLES);
			const first = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));
			const second = stored(
				await upload(fixture, {
					mode: 'replace',
					bytes: csv(KOPERASI_HEADER, '32.16,2010,semua,1200,650,,,,,resmi,Koreksi')
				})
			);
			expect((await revert(fixture, second.versionId!)).kind).toBe('reverted');
			expect((await revert(fixture, first.versionId!)).kind).toBe('reverted');
			expect(await snapshot(fixture, FACT_TABLES)).toEqual(before);
		});

		it('refuses to undo an older upload while a later one of the same dataset is active, naming the later version', async () => {
			const older = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));
			const later = stored(
				await upload(fixture, {
					bytes: csv(KOPERASI_HEADER, '32.16,2011,semua,1150,610,,,,,resmi,Dinas')
				})
			);
			const before = await snapshot(fixture);

			const outcome = await revert(fixture, older.versionId!);

			expect(outcome.kind).toBe('refused');
			expect(outcome.kind === 'refused' && outcome.reason.en).toBe(
				`Later uploads of this dataset (version ${later.versionId}) build on it; undo the latest first.`
			);
			expect(outcome.kind === 'refused' && outcome.reason.id).toContain(`versi ${later.versionId}`);
			expect(await snapshot(fixture)).toEqual(before);
		});

		it('lets an older upload be undone once a later upload of another dataset is all that follows it', async () => {
			const older = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));
			stored(
				await upload(fixture, {
					kind: 'penduduk',
					bytes: csv(
						'kode_wilayah,tahun,jumlah_penduduk,status_data,sumber',
						'32.16,2024,3300000,resmi,BPS'
					)
				})
			);
			expect((await revert(fixture, older.versionId!)).kind).toBe('reverted');
		});

		it('refuses to undo the same upload twice', async () => {
			const outcome = stored(await upload(fixture, { bytes: csv(KOPERASI_HEADER, ...NEW_ROWS) }));
			await revert(fixture, outcome.versionId!);
			const before = await snapshot(fixture);
			const again = await revert(fixture, outcome.versionId!);
			expect(again.kind === 'refused' && again.reason.en).toBe(
				'This version has already been undone.'
			);
			expect(await snapshot(fixture)).toEqual(before);
		});

		it('refuses to undo the bundled data of every dataset', async () => {
			const versions = await fixture.db.withConnection(listVersions);
			const bundled = versions.filter((v) => v.mode === 'bundled');
			expect(bundled.map((v) => v.kind).sort()).toEqual([
				'jangkauan_pasar',
				'kdkmp',
				'koperasi',
				'pembiayaan',
				'penduduk'
			]);
			const before = await snapshot(fixture);
			for (const version of bundled) {
				const outcome = await revert(fixture, version.id);
				expect(outcome.kind === 'refused' && outcome.reason.en).toBe(
					'The bundled data cannot be undone; upload replacement data in "replace" mode.'
				);
			}
			expect(await snapshot(fixture)).toEqual(before);
		});

		it('answers not-found for a version that does not exist', async () => {
			expect(await revert(fixture, 9999)).toEqual({ kind: 'not-found' });
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Property: random append / replace / undo sequences against a model of what queries should see.

const REGIONS = ['32.16', '32.75', '19.01'] as const;
const YEARS = [2020, 2021] as const;
const BREAKDOWNS = ['simpan_pinjam', 'konsumen'] as const;
const MODEL_FACTS = [
	'jumlah_koperasi',
	'koperasi_aktif',
	'koperasi_rat',
	'jumlah_anggota',
	'jumlah_manajer',
	'jumlah_karyawan'
] as const;
type ModelFact = (typeof MODEL_FACTS)[number];

interface ModelRow {
	region: string;
	year: number;
	dim: string;
	facts: Record<ModelFact, number | null>;
	status: string;
	source: string;
	version: number;
	retiredBy: number | null;
}

interface ModelVersion {
	id: number;
	mode: 'bundled' | 'append' | 'replace';
	reverted: boolean;
}

interface FileRow {
	region: string;
	year: number;
	dim: string;
	jumlah: number | null;
	aktif: number | null;
	status: string;
}

const statusArb = fc.constantFrom('resmi', 'estimasi', 'sintetis');
const rowFactsArb = fc
	.record({
		jumlah: fc.option(fc.integer({ min: 0, max: 3000 })),
		aktif: fc.option(fc.integer({ min: 0, max: 3000 })),
		status: statusArb
	})
	.map((r) => ({
		...r,
		aktif: r.aktif !== null && r.jumlah !== null ? Math.min(r.aktif, r.jumlah) : r.aktif
	}));

/** A valid koperasi file: distinct region–year pairs, each either one `semua` row or a breakdown. */
const fileArb: fc.Arbitrary<FileRow[]> = fc
	.uniqueArray(fc.tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...YEARS)), {
		minLength: 1,
		maxLength: 4,
		selector: ([r, y]) => `${r}|${y}`
	})
	.chain((pairs) =>
		fc.tuple(
			...pairs.map(([region, year]) =>
				fc
					.oneof(fc.constant(['semua']), fc.subarray([...BREAKDOWNS], { minLength: 1 }))
					.chain((dims) =>
						fc.tuple(...dims.map((dim) => rowFactsArb.map((f) => ({ region, year, dim, ...f }))))
					)
			)
		)
	)
	.map((groups) => groups.flat());

type Step = { op: 'append' | 'replace'; file: FileRow[] } | { op: 'undo'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
	fileArb.map((file) => ({ op: 'append' as const, file })),
	fileArb.map((file) => ({ op: 'replace' as const, file })),
	fc.nat({ max: 20 }).map((pick) => ({ op: 'undo' as const, pick }))
);

function fileBytes(file: FileRow[], step: number): Uint8Array {
	return csv(
		'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber',
		...file.map(
			(r) =>
				`${r.region},${r.year},${r.dim},${r.jumlah ?? ''},${r.aktif ?? '-'},${r.status},"Uji, langkah ${step}"`
		)
	);
}

function emptyFacts(): Record<ModelFact, number | null> {
	return Object.fromEntries(MODEL_FACTS.map((f) => [f, null])) as Record<ModelFact, number | null>;
}

/** The conflict rule as the product defines it: a fact given twice for one region and year. */
function conflicts(model: ModelRow[], file: FileRow[]): boolean {
	return file.some((n) =>
		model.some(
			(o) =>
				o.retiredBy === null &&
				o.region === n.region &&
				o.year === n.year &&
				(o.dim === n.dim || (o.dim === 'semua') !== (n.dim === 'semua')) &&
				((n.jumlah !== null && o.facts.jumlah_koperasi !== null) ||
					(n.aktif !== null && o.facts.koperasi_aktif !== null))
		)
	);
}

function rowKey(r: {
	region: string;
	year: number;
	dim: string;
	facts: Record<ModelFact, number | null>;
	status: string;
	source: string;
}) {
	return JSON.stringify([
		r.region,
		r.year,
		r.dim,
		...MODEL_FACTS.map((f) => r.facts[f]),
		r.status,
		r.source
	]);
}

async function visibleRows(fixture: Fixture): Promise<string[]> {
	const found = await rows(
		fixture,
		`SELECT kode_wilayah, tahun, jenis_koperasi, ${MODEL_FACTS.join(', ')}, status_data, sumber
		 FROM koperasi WHERE diganti_oleh IS NULL`
	);
	return found
		.map((r) =>
			rowKey({
				region: String(r.kode_wilayah),
				year: Number(r.tahun),
				dim: String(r.jenis_koperasi),
				facts: Object.fromEntries(
					MODEL_FACTS.map((f) => [f, r[f] === null ? null : Number(r[f])])
				) as Record<ModelFact, number | null>,
				status: String(r.status_data),
				source: String(r.sumber)
			})
		)
		.sort();
}

async function queriedTotals(fixture: Fixture): Promise<Record<string, number | null>> {
	const indicator = findIndicator('jumlah_koperasi');
	if (!indicator) throw new Error('indicator jumlah_koperasi is missing');
	const result = await runIndicatorQuery(fixture.db, {
		indicator,
		regions: [...REGIONS],
		from: YEARS[0],
		to: YEARS[1],
		per: 'total'
	});
	return Object.fromEntries(result.map((r) => [`${r.region_code} ${r.year}`, r.value]));
}

function modelTotals(model: ModelRow[]): Record<string, number | null> {
	const totals: Record<string, number | null> = {};
	for (const region of REGIONS)
		for (const year of YEARS) {
			const values = model
				.filter((r) => r.retiredBy === null && r.region === region && r.year === year)
				.map((r) => r.facts.jumlah_koperasi)
				.filter((v): v is number => v !== null);
			totals[`${region} ${year}`] = values.length ? values.reduce((a, b) => a + b, 0) : null;
		}
	return totals;
}

describe('ingestUpload and revertVersion, as a property', () => {
	it('keep the data visible to queries equal to a simple model over any sequence of append, replace and undo', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 7 }), async (steps) => {
				const fx = await openFixture();
				try {
					const bundledId = await bundledVersionId(fx, 'koperasi');
					const initial = await rows(
						fx,
						`SELECT kode_wilayah, tahun, jenis_koperasi, ${MODEL_FACTS.join(', ')}, status_data, sumber FROM koperasi`
					);
					const model: ModelRow[] = initial.map((r) => ({
						region: String(r.kode_wilayah),
						year: Number(r.tahun),
						dim: String(r.jenis_koperasi),
						facts: Object.fromEntries(
							MODEL_FACTS.map((f) => [f, r[f] === null ? null : Number(r[f])])
						) as Record<ModelFact, number | null>,
						status: String(r.status_data),
						source: String(r.sumber),
						version: bundledId,
						retiredBy: null
					}));
					const versions: ModelVersion[] = [{ id: bundledId, mode: 'bundled', reverted: false }];

					for (const [index, step] of steps.entries()) {
						if (step.op === 'undo') {
							const target = versions[step.pick % versions.length]!;
							const blocked =
								target.reverted ||
								target.mode === 'bundled' ||
								versions.some((v) => v.id > target.id && !v.reverted);
							const outcome = await revert(fx, target.id);
							expect(outcome.kind).toBe(blocked ? 'refused' : 'reverted');
							if (!blocked) {
								target.reverted = true;
								for (let i = model.length - 1; i >= 0; i--)
									if (model[i]!.version === target.id) model.splice(i, 1);
								for (const row of model) if (row.retiredBy === target.id) row.retiredBy = null;
							}
						} else {
							const expectConflict = step.op === 'append' && conflicts(model, step.file);
							const outcome = await upload(fx, {
								mode: step.op,
								bytes: fileBytes(step.file, index),
								fileName: `langkah-${index}.csv`
							});
							expect(outcome.kind).toBe(expectConflict ? 'problems' : 'stored');
							if (outcome.kind === 'stored') {
								const id = outcome.versionId!;
								if (step.op === 'replace') {
									// Per fact: the file's two facts are replaced at its region–years; a row
									// holding them steps aside, its other facts written again by the version.
									const pairs = new Set(step.file.map((r) => `${r.region}|${r.year}`));
									const inFile = ['jumlah_koperasi', 'koperasi_aktif'] as const;
									const carried: ModelRow[] = [];
									for (const row of model) {
										if (row.retiredBy !== null || !pairs.has(`${row.region}|${row.year}`)) continue;
										const holds = (f: ModelFact) => row.facts[f] !== null;
										const others = MODEL_FACTS.filter(
											(f) => !(inFile as readonly string[]).includes(f)
										);
										if (!inFile.some(holds) && others.some(holds)) continue;
										row.retiredBy = id;
										if (others.some(holds))
											carried.push({
												...row,
												facts: { ...row.facts, jumlah_koperasi: null, koperasi_aktif: null },
												version: id,
												retiredBy: null
											});
									}
									model.push(...carried);
								}
								for (const r of step.file)
									model.push({
										region: r.region,
										year: r.year,
										dim: r.dim,
										facts: { ...emptyFacts(), jumlah_koperasi: r.jumlah, koperasi_aktif: r.aktif },
										status: r.status,
										source: `Uji, langkah ${index}`,
										version: id,
										retiredBy: null
									});
								versions.push({ id, mode: step.op, reverted: false });
							}
						}
						const expected = model
							.filter((r) => r.retiredBy === null)
							.map(rowKey)
							.sort();
						expect(await visibleRows(fx)).toEqual(expected);
						expect(await queriedTotals(fx)).toEqual(modelTotals(model));
					}
				} finally {
					closeFixture(fx);
				}
			}),
			// Shrinking reruns whole upload sequences; bounded, so that a failure reports its seed and
			// counterexample before the test's own timeout cuts it short (once, a run timed out).
			{ numRuns: 40, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true }
		);
	}, 180_000);
});
