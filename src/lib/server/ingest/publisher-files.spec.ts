/**
 * Real publishers' files, as they come (tests/fixtures/, see its README), stored through the
 * upload pipeline into a real DuckDB file given only what an analyst gives on /data or in the
 * API: the dataset, the column mapping, and status and source once for the file. The stored
 * figures are compared with the files, read here on their own (names matched to codes in SQL,
 * not with the product's resolver), and every refusal leaves every table as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DATASET_KINDS,
	DATASETS,
	type DatasetDefinition,
	type DatasetKind
} from '$lib/catalogue/datasets';
import type { Region } from '$lib/regions/region';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { readRegions } from '../regions';
import { BUNDLED_FILES } from './load-bundled';
import { ingestUpload, type UploadOutcome, type UploadRequest } from './ingest-upload';

const FIXTURES = path.resolve('tests/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** The file's rows as cells (none of these files quotes a cell). */
const table = (name: string) =>
	fixture(name)
		.toString('utf8')
		.split(/\r?\n/)
		.filter((l) => l !== '')
		.map((l) => l.split(','));

let spec: SpecDatabase;
let regions: Region[];

beforeAll(async () => {
	const header = (kind: DatasetKind) => {
		const dataset: DatasetDefinition = DATASETS[kind];
		return [
			'kode_wilayah',
			'tahun',
			...(dataset.dimension ? [dataset.dimension.id] : []),
			...dataset.facts.map((f) => f.id),
			'status_data',
			'sumber'
		].join(',');
	};
	spec = await openSpecDatabase('publishers', {
		datasets: {
			'wilayah.csv': fs.readFileSync(path.resolve('datasets/wilayah.csv'), 'utf8'),
			// Every dataset starts empty: the stored figures are the uploads' alone.
			...Object.fromEntries(DATASET_KINDS.map((kind) => [BUNDLED_FILES[kind], header(kind)]))
		}
	});
	regions = await spec.db.withConnection(readRegions);
}, 60_000);
afterAll(() => spec?.dispose());

function upload(request: Partial<UploadRequest> & Pick<UploadRequest, 'bytes' | 'kind'>) {
	return spec.db.withConnection((c) =>
		ingestUpload(
			c,
			{
				mode: 'append',
				fileName: 'berkas.csv',
				by: 'analis',
				sourceNote: null,
				dryRun: false,
				...request
			},
			{ regions, uploadsDir: path.join(spec.dir, 'uploads') }
		)
	);
}

async function query(sql: string, params: (string | number)[] = []) {
	return spec.db.withConnection(async (c) =>
		(await c.runAndReadAll(sql, params)).getRowObjectsJS()
	);
}

/** Row count and checksum of every table: equal snapshots, equal contents. */
async function snapshot(): Promise<string> {
	const tables = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk', 'versi_data'];
	const parts: string[] = [];
	for (const t of tables) {
		const [row] = await query(
			`SELECT count(*)::VARCHAR AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS h FROM "${t}" t`
		);
		parts.push(`${t}: ${row!.n} ${row!.h}`);
	}
	return parts.join('; ');
}

function stored(outcome: UploadOutcome) {
	if (outcome.kind !== 'stored')
		throw new Error(`expected a stored upload, got ${JSON.stringify(outcome).slice(0, 2000)}`);
	return outcome;
}

function refused(outcome: UploadOutcome) {
	if (outcome.kind !== 'problems')
		throw new Error(`expected problems, got ${JSON.stringify(outcome).slice(0, 500)}`);
	return outcome;
}

const JATIM_NOT_STORED = [
	'JUMLAH KOPERASI TIDAK AKTIF',
	'USAHA BESAR',
	'USAHA KECIL',
	'USAHA MENENGAH',
	'USAHA MIKRO',
	'JUMLAH PENDUDUK LAKI LAKI',
	'JUMLAH PENDUDUK PEREMPUAN'
];

describe("publishers' files, given only the dataset, the mapping, status and source", () => {
	it('Open Data Jabar, renamed copy: names in capitals, one figure per kab/kota and year (Kabupaten Bekasi 2021 = 311,927)', async () => {
		const outcome = stored(
			await upload({
				kind: 'jangkauan_pasar',
				bytes: fixture('opendata-jabar-proyeksi-umkm.csv'),
				reading: {
					columns: {
						'Nama Kabupaten / Kota': 'kode_wilayah',
						'Proyeksi Jumlah UMKM': 'jumlah_umkm',
						Tahun: 'tahun'
					},
					defaults: { status: 'estimasi', source: 'Open Data Jabar: Proyeksi Jumlah UMKM' }
				}
			})
		);
		const file = table('opendata-jabar-proyeksi-umkm.csv').slice(1);
		expect(outcome.rows).toBe(216);
		const rows = await query(
			`SELECT upper(w.nama_wilayah) AS name, j.tahun::INTEGER AS tahun, j.jumlah_umkm::DOUBLE AS umkm,
			        j.status_data, j.sumber, j.kategori_usaha
			 FROM jangkauan_pasar j JOIN wilayah w USING (kode_wilayah) WHERE j.versi = $1`,
			[outcome.versionId!]
		);
		const byKey = new Map(rows.map((r) => [`${r.name}|${r.tahun}`, r]));
		for (const [name, value, year] of file) {
			const row = byKey.get(`${name}|${year}`);
			expect(row, `${name} ${year}`).toBeDefined();
			expect(row!.umkm).toBe(Number(value));
			expect(row!.status_data).toBe('estimasi');
			expect(row!.sumber).toBe('Open Data Jabar: Proyeksi Jumlah UMKM');
			expect(row!.kategori_usaha).toBe('semua');
		}
		const [bekasi] = await query(
			`SELECT jumlah_umkm::DOUBLE AS v FROM jangkauan_pasar WHERE kode_wilayah = '32.16' AND tahun = 2021 AND versi = $1`,
			[outcome.versionId!]
		);
		expect(bekasi!.v).toBe(311_927);
	});

	it('Open Data Jabar, standard export: BPS codes, a breakdown per category, id/satuan/province columns left out by themselves', async () => {
		const before = await query(`SELECT count(*)::INTEGER AS n FROM jangkauan_pasar`);
		const outcome = stored(
			await upload({
				kind: 'jangkauan_pasar',
				mode: 'replace',
				bytes: fixture('opendata-jabar-umkm-kategori.csv'),
				reading: { defaults: { status: 'estimasi', source: 'Open Data Jabar: UMKM per kategori' } }
			})
		);
		expect(outcome.rows).toBe(1350);
		const file = table('opendata-jabar-umkm-kategori.csv');
		expect(file[0]).toEqual([
			'id',
			'kode_provinsi',
			'nama_provinsi',
			'kode_kabupaten_kota',
			'nama_kabupaten_kota',
			'kategori_usaha',
			'jumlah_umkm',
			'satuan',
			'tahun'
		]);
		const rows = await query(
			`SELECT w.kode_bps, j.tahun::INTEGER AS tahun, j.kategori_usaha, j.jumlah_umkm::DOUBLE AS umkm
			 FROM jangkauan_pasar j JOIN wilayah w USING (kode_wilayah) WHERE j.versi = $1`,
			[outcome.versionId!]
		);
		const byKey = new Map(
			rows.map((r) => [`${r.kode_bps}|${r.tahun}|${r.kategori_usaha}`, r.umkm])
		);
		for (const cells of file.slice(1)) {
			const [, , , bps, , category, value, , year] = cells;
			const stored = byKey.get(`${bps}|${year}|${category!.toLowerCase().replace(/\//g, '_')}`);
			expect(stored, cells.join(',')).toBe(Number(value));
		}
		// The categories add up to the projection (Kabupaten Bekasi 2017 = 245,337) and replace
		// its 2017–2021 totals, which would otherwise be counted twice.
		const [bekasi] = await query(
			`SELECT sum(jumlah_umkm)::DOUBLE AS v FROM jangkauan_pasar
			 WHERE kode_wilayah = '32.16' AND tahun = 2017 AND diganti_oleh IS NULL`
		);
		expect(bekasi!.v).toBe(245_337);
		expect(before[0]!.n).toBe(216);
	});

	it('the Jawa Timur panel: quarters made into years, counts taken at the last quarter of each year', async () => {
		const columns = Object.fromEntries(JATIM_NOT_STORED.map((h) => [h, null]));
		const outcome = stored(
			await upload({
				kind: 'koperasi',
				bytes: fixture('jatim-koperasi-kabkota.csv'),
				reading: {
					columns,
					defaults: { status: 'resmi', source: 'Dinas Koperasi dan UKM Jawa Timur' }
				}
			})
		);
		const [head, ...body] = table('jatim-koperasi-kabkota.csv');
		const at = (name: string) => head!.indexOf(name);
		// The file on its own terms: per kab/kota and year, the row of the latest quarter.
		const latest = new Map<string, string[]>();
		for (const cells of body) {
			const [year, quarter] = cells[at('PERIODE UPDATE')]!.split('-Q');
			const key = `${cells[0]!.toUpperCase()}|${year}`;
			const seen = latest.get(key);
			if (!seen || Number(seen[at('PERIODE UPDATE')]!.split('-Q')[1]) < Number(quarter))
				latest.set(key, cells);
		}
		expect(latest.size).toBe(38 * 8);
		expect(outcome.rows).toBe(latest.size);
		const rows = await query(
			`SELECT upper(w.nama_wilayah) AS name, k.tahun::INTEGER AS tahun, k.jumlah_koperasi::DOUBLE AS total,
			        k.koperasi_aktif::DOUBLE AS aktif, k.jumlah_karyawan::DOUBLE AS karyawan,
			        k.jumlah_manajer::DOUBLE AS manajer, k.sumber
			 FROM koperasi k JOIN wilayah w USING (kode_wilayah) WHERE k.versi = $1`,
			[outcome.versionId!]
		);
		expect(rows).toHaveLength(latest.size);
		for (const row of rows) {
			const cells = latest.get(`${row.name}|${row.tahun}`)!;
			expect(cells, `${row.name} ${row.tahun}`).toBeDefined();
			expect(row.total).toBe(Number(cells[at('JUMLAH KOPERASI TOTAL')]));
			expect(row.aktif).toBe(Number(cells[at('JUMLAH KOPERASI AKTIF')]));
			expect(row.karyawan).toBe(Number(cells[at('JUMLAH KARYAWAN')]));
			expect(row.manajer).toBe(Number(cells[at('JUMLAH MANAGER')]));
			// A year made from part of it says so.
			expect(row.sumber).toBe(
				row.tahun === 2025
					? 'Dinas Koperasi dan UKM Jawa Timur (2025 s.d. 2025-Q2)'
					: 'Dinas Koperasi dan UKM Jawa Timur'
			);
		}
		// Kab. Sidoarjo 2024 is its 2024-Q4 figure: 608 active of 608 + 919.
		const sidoarjo = rows.find((r) => r.name === 'KABUPATEN SIDOARJO' && r.tahun === 2024)!;
		expect([sidoarjo.aktif, sidoarjo.total, sidoarjo.karyawan]).toEqual([608, 1527, 7960]);
	});

	it('the SIMKOPDES export: KAB. and KOTA ADM. names, one snapshot year given for the file', async () => {
		const [head, ...body] = table('simkopdes-kdkmp-kabkota-excerpt.csv');
		const notStored = head!.filter((h) => !['district', 'cooperatives', 'rat_count'].includes(h));
		const outcome = stored(
			await upload({
				kind: 'koperasi',
				bytes: fixture('simkopdes-kdkmp-kabkota-excerpt.csv'),
				reading: {
					columns: {
						...Object.fromEntries(notStored.map((h) => [h, null])),
						province: null,
						province_id: null,
						district_id: null
					},
					defaults: { status: 'resmi', source: 'SIMKOPDES, ekspor 5 Agustus 2026', year: 2026 }
				}
			})
		);
		expect(outcome.rows).toBe(body.length);
		const value = async (code: string) =>
			(
				await query(
					`SELECT jumlah_koperasi::DOUBLE AS v FROM koperasi WHERE kode_wilayah = $1 AND tahun = 2026 AND versi = $2`,
					[code, outcome.versionId!]
				)
			)[0]?.v;
		expect(await value('32.16')).toBe(187); // KAB. BEKASI
		expect(await value('32.75')).toBe(56); // KOTA BEKASI
		expect(await value('19.71')).toBe(42); // KOTA PANGKAL PINANG
		expect(await value('31.72')).toBe(32); // KOTA ADM. JAKARTA UTARA
		expect(await value('31.01')).toBe(6); // KAB. ADM. KEP. SERIBU
		const [sum] = await query(
			`SELECT sum(jumlah_koperasi)::DOUBLE AS v, count(*)::INTEGER AS n FROM koperasi WHERE versi = $1`,
			[outcome.versionId!]
		);
		const at = head!.indexOf('cooperatives');
		expect(sum).toEqual({ v: body.reduce((s, c) => s + Number(c[at]), 0), n: body.length });
	});
});

describe("publishers' files refused, and nothing changes", () => {
	it('the Jawa Timur panel with its seven extra columns left unmapped: each named, nothing stored', async () => {
		const before = await snapshot();
		const outcome = refused(
			await upload({
				kind: 'koperasi',
				mode: 'replace',
				bytes: fixture('jatim-koperasi-kabkota.csv'),
				reading: { defaults: { status: 'resmi', source: 'Dinas KUKM Jatim' } }
			})
		);
		expect(outcome.problems.map((p) => p.column).sort()).toEqual([...JATIM_NOT_STORED].sort());
		expect(outcome.problems[0]!.fix.en).toContain('"columns" field');
		expect(await snapshot()).toBe(before);
	});

	it('a short name (BEKASI) lists both candidates; nothing stored', async () => {
		const before = await snapshot();
		const bytes = Buffer.from(
			'district,cooperatives\nKAB. BEKASI,187\nBEKASI,56\nKOTA PANGKAL PINANG,42\n'
		);
		const outcome = refused(
			await upload({
				kind: 'koperasi',
				mode: 'replace',
				bytes,
				reading: { defaults: { status: 'resmi', source: 'SIMKOPDES', year: 2026 } }
			})
		);
		expect(outcome.problems).toHaveLength(1);
		expect(outcome.problems[0]!.line).toBe(3);
		expect(outcome.problems[0]!.message.id).toContain('Kabupaten Bekasi (32.16)');
		expect(outcome.problems[0]!.message.id).toContain('Kota Bekasi (32.75)');
		expect(await snapshot()).toBe(before);
	});

	it('a flow given for only some quarters of a year is named as quarters, never as a year out of range', async () => {
		const before = await snapshot();
		const bytes = Buffer.from(
			[
				'KABUPATEN / KOTA,PERIODE UPDATE,volume_usaha',
				'Kabupaten Bekasi,2024-Q1,100',
				'Kabupaten Bekasi,2024-Q2,200',
				'Kabupaten Bekasi,2024-Q3,300'
			].join('\r\n')
		);
		const outcome = refused(
			await upload({
				kind: 'pembiayaan',
				bytes,
				reading: { defaults: { status: 'resmi', source: 'Dinas' } }
			})
		);
		expect(outcome.problems).toHaveLength(1);
		expect(outcome.problems[0]!.message.id).toMatch(/^"2024-Q3" adalah triwulan, bukan tahun; /);
		expect(outcome.problems[0]!.message.id).not.toContain('di luar rentang');
		expect(await snapshot()).toBe(before);
	});
});
