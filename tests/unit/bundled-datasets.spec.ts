import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';

type Row = Record<string, string>;

const ROOT = process.cwd();
const DATASETS = path.join(ROOT, 'datasets');
const SOURCES = path.join(DATASETS, 'sources');
const GENERATOR = path.join(ROOT, 'scripts', 'generate-datasets.mjs');
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const STATUSES = ['resmi', 'estimasi', 'sintetis'];

const HEADERS: Record<string, string[]> = {
	'wilayah.csv': [
		'kode_wilayah',
		'kode_bps',
		'nama_wilayah',
		'nama_pendek',
		'tingkat',
		'jenis',
		'kode_provinsi',
		'nama_provinsi',
		'penduduk_2025',
		'luas_km2'
	],
	'penduduk.csv': ['kode_wilayah', 'tahun', 'jumlah_penduduk', 'status_data', 'sumber'],
	'koperasi.csv': [
		'kode_wilayah',
		'tahun',
		'jenis_koperasi',
		'jumlah_koperasi',
		'koperasi_aktif',
		'koperasi_rat',
		'jumlah_anggota',
		'jumlah_manajer',
		'jumlah_karyawan',
		'status_data',
		'sumber'
	],
	'pembiayaan.csv': [
		'kode_wilayah',
		'tahun',
		'modal_sendiri',
		'modal_luar',
		'aset',
		'volume_usaha',
		'shu',
		'pinjaman_diberikan',
		'kur_realisasi',
		'kur_debitur',
		'status_data',
		'sumber'
	],
	'jangkauan_pasar.csv': [
		'kode_wilayah',
		'tahun',
		'kategori_usaha',
		'jumlah_umkm',
		'umkm_pemasaran_luar_daerah',
		'umkm_ekspor',
		'umkm_daring',
		'penjualan_total',
		'penjualan_luar_daerah',
		'nilai_ekspor',
		'galeri_produk',
		'keikutsertaan_pameran',
		'status_data',
		'sumber'
	],
	'kdkmp.csv': [
		'kode_wilayah',
		'tahun',
		'kdkmp_koperasi',
		'kdkmp_rekening',
		'kdkmp_npwp',
		'kdkmp_nib',
		'kdkmp_simpanan_pokok',
		'kdkmp_simpanan_wajib',
		'kdkmp_anggota_simpanan_pokok',
		'kdkmp_nilai_transaksi',
		'kdkmp_kabkota_lapor_transaksi',
		'kdkmp_kabkota_terdata',
		'kdkmp_dinilai_kesehatan',
		'kdkmp_sehat',
		'kdkmp_cukup_sehat',
		'kdkmp_tidak_sehat',
		'desa_kelurahan',
		'status_data',
		'sumber'
	]
};

interface FactDataset {
	file: string;
	dim: string | null;
	facts: string[];
}
const FACT_DATASETS: FactDataset[] = [
	{ file: 'koperasi.csv', dim: 'jenis_koperasi', facts: HEADERS['koperasi.csv']!.slice(3, -2) },
	{ file: 'pembiayaan.csv', dim: null, facts: HEADERS['pembiayaan.csv']!.slice(2, -2) },
	{
		file: 'jangkauan_pasar.csv',
		dim: 'kategori_usaha',
		facts: HEADERS['jangkauan_pasar.csv']!.slice(3, -2)
	}
];
const NUMERIC_COLUMNS = new Set([
	'tahun',
	'penduduk_2025',
	'jumlah_penduduk',
	...FACT_DATASETS.flatMap((d) => d.facts),
	...HEADERS['kdkmp.csv']!.slice(2, -2)
]);

function readText(file: string): string {
	return fs.readFileSync(file, 'utf8');
}
function parseCsv(text: string): { fields: string[]; rows: Row[] } {
	const res = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
	expect(res.errors).toEqual([]);
	return { fields: res.meta.fields ?? [], rows: res.data };
}
const cell = (r: Row, col: string): string => r[col] ?? '';
const num = (r: Row, col: string): number => Number(cell(r, col));

function compareKode(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const x = pa[i];
		const y = pb[i];
		if (x === undefined) return -1;
		if (y === undefined) return 1;
		if (x !== y) return x - y;
	}
	return 0;
}

const data = Object.fromEntries(
	Object.keys(HEADERS).map((f) => [f, parseCsv(readText(path.join(DATASETS, f)))])
);
const rowsOf = (file: string): Row[] => data[file]!.rows;
const wilayah = rowsOf('wilayah.csv');
const wilayahByKode = new Map(wilayah.map((w) => [cell(w, 'kode_wilayah'), w]));
const provinsi = wilayah.filter((w) => cell(w, 'tingkat') === 'provinsi');
const kabJabar = wilayah.filter(
	(w) => cell(w, 'tingkat') === 'kabkota' && cell(w, 'kode_provinsi') === '32'
);
const kabBabel = wilayah.filter(
	(w) => cell(w, 'tingkat') === 'kabkota' && cell(w, 'kode_provinsi') === '19'
);
const COVERAGE = [...provinsi, ...kabJabar, ...kabBabel].map((w) => cell(w, 'kode_wilayah'));

const sourceWilayah = parseCsv(
	readText(path.join(SOURCES, 'kode-wilayah-penduduk-2025/wilayah_provinsi_kabkota_2025.csv'))
).rows;
const crosswalk = parseCsv(
	readText(
		path.join(SOURCES, 'kode-wilayah-penduduk-2025/crosswalk_kode_bps_mfd2015_kemendagri2025.csv')
	)
).rows;
const fakta = parseCsv(
	readText(path.join(SOURCES, 'koperasi-fakta-terkutip/koperasi_umkm_fakta_terkutip.csv'))
).rows;
const faktaById = new Map(fakta.map((f) => [cell(f, 'fact_id'), f]));
const odj = parseCsv(
	readText(path.join(SOURCES, 'umkm-jabar-opendata/proyeksi_jumlah_umkm_jabar_2016_2023.csv'))
).rows;

/** Which dataset column each quoted indicator is a figure for. */
const INDIKATOR_COLUMN: Record<string, { file: string; col: string }> = Object.fromEntries(
	FACT_DATASETS.flatMap((d) => d.facts.map((col) => [col, { file: d.file, col }]))
);

function factYear(periode: string): number | null {
	const m = /^(?:c\.)?(\d{4})(?:-\d{2}(?:-\d{2})?)?$/.exec(periode);
	return m ? Number(m[1]) : null;
}
const isPartPeriod = (periode: string) => /^\d{4}-\d{2}/.test(periode);
const FLOW_COLUMNS = new Set([
	'volume_usaha',
	'shu',
	'pinjaman_diberikan',
	'kur_realisasi',
	'kur_debitur',
	'penjualan_total',
	'penjualan_luar_daerah',
	'nilai_ekspor'
]);
const cites = (sumber: string, id: string) => new RegExp(`\\b${id}\\b`).test(sumber);

/** Figures the generator declares as basis breaks (BASIS_BREAK): never written, only noted as "Fxxx=value". */
const BASIS_BREAK = (() => {
	const m = /const BASIS_BREAK = new Set\(\[([^\]]*)\]\)/.exec(readText(GENERATOR));
	if (!m) throw new Error('BASIS_BREAK not found in scripts/generate-datasets.mjs');
	return new Set(m[1]!.match(/\bF\d{3}\b/g) ?? []);
})();

/** Quoted figures the generator must use: a mapped indicator, a region in coverage, a year 2018-2025. */
const inScopeFakta = fakta.filter((f) => {
	const y = factYear(cell(f, 'periode'));
	return (
		cell(f, 'indikator') in INDIKATOR_COLUMN &&
		COVERAGE.includes(cell(f, 'kode_wilayah')) &&
		y !== null &&
		y >= 2018 &&
		y <= 2025
	);
});

const regionYearRows = (file: string, kode: string, tahun: number) =>
	rowsOf(file).filter((r) => cell(r, 'kode_wilayah') === kode && num(r, 'tahun') === tahun);

/** The app sums every fact over the rows of a region-year; so do the checks. */
function total(file: string, kode: string, tahun: number, col: string): number {
	return regionYearRows(file, kode, tahun).reduce(
		(s, r) => s + (cell(r, col) === '' ? 0 : num(r, col)),
		0
	);
}

describe('wilayah.csv', () => {
	it('lists the 38 provinsi and 514 kab/kota of Kepmendagri 300.2.2-2138/2025 once each', () => {
		expect(wilayah).toHaveLength(552);
		expect(provinsi).toHaveLength(38);
		expect(wilayah.filter((w) => cell(w, 'tingkat') === 'kabkota')).toHaveLength(514);
		expect(wilayahByKode.size).toBe(552);
		for (const src of sourceWilayah) {
			const w = wilayahByKode.get(cell(src, 'kode'));
			expect(w, cell(src, 'kode')).toBeDefined();
			expect(cell(w!, 'nama_wilayah')).toBe(cell(src, 'nama'));
			expect(cell(w!, 'jenis')).toBe(cell(src, 'jenis'));
			expect(cell(w!, 'penduduk_2025')).toBe(cell(src, 'penduduk_total'));
			expect(cell(w!, 'luas_km2')).toBe(cell(src, 'luas_km2'));
		}
		expect(new Set(wilayah.map((w) => cell(w, 'jenis')))).toEqual(
			new Set(['Provinsi', 'Kabupaten', 'Kota'])
		);
	});

	it('keys regions by the dotted Kemendagri code and keeps the BPS code apart (they differ in Babel)', () => {
		const bps = (kode: string) => cell(wilayahByKode.get(kode)!, 'kode_bps');
		expect(bps('19.03')).toBe('1905'); // Bangka Selatan
		expect(bps('19.05')).toBe('1903'); // Bangka Barat
		expect(bps('32.16')).toBe('3216'); // Kabupaten Bekasi
		expect(bps('32.75')).toBe('3275'); // Kota Bekasi
		expect(cell(wilayahByKode.get('32.16')!, 'nama_wilayah')).toBe('Kabupaten Bekasi');
	});

	it('takes every kab/kota BPS code from the ODbL crosswalk', () => {
		expect(crosswalk).toHaveLength(514);
		for (const c of crosswalk) expect(bps4(cell(c, 'kode_kemendagri'))).toBe(cell(c, 'kode_bps'));
		function bps4(kode: string) {
			return cell(wilayahByKode.get(kode)!, 'kode_bps');
		}
	});

	it('uses pre-2022 BPS province codes and leaves the four 2022 Papua provinces without one', () => {
		expect(cell(wilayahByKode.get('91')!, 'kode_bps')).toBe('94'); // Papua
		expect(cell(wilayahByKode.get('92')!, 'kode_bps')).toBe('91'); // Papua Barat
		for (const k of ['93', '94', '95', '96'])
			expect(cell(wilayahByKode.get(k)!, 'kode_bps')).toBe('');
		for (const p of provinsi.filter((p) => Number(cell(p, 'kode_wilayah')) < 91))
			expect(cell(p, 'kode_bps')).toBe(cell(p, 'kode_wilayah'));
	});
});

describe('file format of every bundled CSV', () => {
	for (const file of Object.keys(HEADERS)) {
		it(`${file}: UTF-8 without BOM, LF endings, exact header, plain integers, code-ordered rows`, () => {
			const raw = fs.readFileSync(path.join(DATASETS, file));
			expect(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
			const text = raw.toString('utf8');
			expect(text.includes('\r')).toBe(false);
			expect(text.endsWith('\n')).toBe(true);
			expect(text.split('\n')[0]).toBe(HEADERS[file]!.join(','));
			const { fields, rows } = data[file]!;
			expect(fields).toEqual(HEADERS[file]);
			expect(rows.length).toBeGreaterThan(0);
			for (const r of rows)
				for (const col of fields)
					if (NUMERIC_COLUMNS.has(col))
						expect(cell(r, col), `${file} ${col}`).toMatch(/^(-?\d+)?$/);
			const dim = FACT_DATASETS.find((d) => d.file === file)?.dim ?? null;
			for (let i = 1; i < rows.length; i++) {
				const a = rows[i - 1]!;
				const b = rows[i]!;
				const order =
					compareKode(cell(a, 'kode_wilayah'), cell(b, 'kode_wilayah')) ||
					num(a, 'tahun') - num(b, 'tahun') ||
					(dim ? cell(a, dim).localeCompare(cell(b, dim)) : 0);
				expect(order, `${file} row ${i + 1}`).toBeLessThanOrEqual(0);
			}
		});
	}
});

describe('penduduk.csv', () => {
	it('holds the real 2025 population of all 552 regions and invents no other years', () => {
		const rows = rowsOf('penduduk.csv');
		expect(rows).toHaveLength(552);
		for (const r of rows) {
			expect(num(r, 'tahun')).toBe(2025);
			expect(cell(r, 'status_data')).toBe('resmi');
			expect(cell(r, 'sumber')).toContain('300.2.2-2138');
			expect(cell(r, 'jumlah_penduduk')).toBe(
				cell(wilayahByKode.get(cell(r, 'kode_wilayah'))!, 'penduduk_2025')
			);
		}
	});
});

describe.each(FACT_DATASETS)('$file', ({ file, dim, facts }) => {
	const rows = rowsOf(file);

	it('covers all 38 provinsi, the 27 Jawa Barat and 7 Babel kab/kota, 2018-2025, every fact given once', () => {
		expect([provinsi.length, kabJabar.length, kabBabel.length]).toEqual([38, 27, 7]);
		for (const kode of COVERAGE)
			for (const tahun of YEARS) {
				const ry = regionYearRows(file, kode, tahun);
				expect(ry.length, `${kode} ${tahun}`).toBeGreaterThan(0);
				for (const f of facts)
					expect(ry.filter((r) => cell(r, f) !== '').length, `${file} ${kode} ${tahun} ${f}`).toBe(
						1
					);
			}
	});

	it('uses only codes from wilayah.csv and years 2018-2025', () => {
		for (const r of rows) {
			expect(wilayahByKode.has(cell(r, 'kode_wilayah')), cell(r, 'kode_wilayah')).toBe(true);
			expect(YEARS).toContain(num(r, 'tahun'));
		}
	});

	it('gives no region-year-fact twice (one grain), neither in two rows nor in semua and a category', () => {
		const seen = new Map<string, number>();
		for (const r of rows)
			for (const f of facts)
				if (cell(r, f) !== '') {
					const k = `${cell(r, 'kode_wilayah')}|${cell(r, 'tahun')}|${dim ? cell(r, dim) : ''}|${f}`;
					seen.set(k, (seen.get(k) ?? 0) + 1);
				}
		expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
		if (dim) {
			const semua = new Set(
				[...seen.keys()]
					.filter((k) => k.split('|')[2] === 'semua')
					.map((k) => k.replace('|semua|', '||'))
			);
			const categories = [...seen.keys()]
				.filter((k) => k.split('|')[2] !== 'semua')
				.map((k) => k.replace(/\|[^|]+\|([^|]+)$/, '||$1'));
			expect(categories.filter((k) => semua.has(k))).toEqual([]);
		}
	});

	it('labels every row resmi, estimasi or sintetis with a source or method', () => {
		for (const r of rows) {
			expect(STATUSES).toContain(cell(r, 'status_data'));
			expect(facts.some((f) => cell(r, f) !== '')).toBe(true);
			const sumber = cell(r, 'sumber');
			expect(sumber.length).toBeGreaterThan(10);
			if (cell(r, 'status_data') === 'resmi')
				expect(sumber).toMatch(/https?:\/\/|URL tidak tercatat/);
			if (cell(r, 'status_data') === 'sintetis') expect(sumber).toContain('seed');
			if (dim) expect(cell(r, dim)).toMatch(/^[a-z_]+$/);
		}
	});

	it('has non-negative whole numbers (SHU strictly positive where generated)', () => {
		for (const r of rows)
			for (const f of facts) {
				if (cell(r, f) === '') continue;
				if (f === 'shu' && cell(r, 'status_data') !== 'resmi') expect(num(r, f)).toBeGreaterThan(0);
				else if (f !== 'shu') expect(num(r, f)).toBeGreaterThanOrEqual(0);
			}
	});
});

describe('real figures', () => {
	it('uses every quoted figure in scope: as the resmi value of its cell, or noted as "Fxxx=value" beside the kept one', () => {
		expect(BASIS_BREAK.size).toBeGreaterThan(0);
		expect(inScopeFakta.length).toBeGreaterThan(40);
		for (const f of inScopeFakta) {
			const id = cell(f, 'fact_id');
			const { file, col } = INDIKATOR_COLUMN[cell(f, 'indikator')]!;
			const ry = regionYearRows(file, cell(f, 'kode_wilayah'), factYear(cell(f, 'periode'))!);
			const asFigure = ry.find(
				(r) =>
					cell(r, 'status_data') === 'resmi' &&
					cell(r, col) !== '' &&
					num(r, col) === Number(cell(f, 'nilai')) &&
					cites(cell(r, 'sumber'), id)
			);
			const asNote = ry.find((r) => cell(r, 'sumber').includes(`${id}=${cell(f, 'nilai')}`));
			expect(
				asFigure ?? asNote,
				`${id} ${cell(f, 'kode_wilayah')} ${cell(f, 'periode')} ${col}`
			).toBeDefined();
			if (asFigure && cell(f, 'url_sumber'))
				expect(cell(asFigure, 'sumber')).toContain(cell(f, 'url_sumber'));
			// a disagreeing count is recorded next to the count that was kept (resmi, or the Open Data
			// Jabar projection, estimasi); a basis break (other series, not spliced in) next to the
			// generated value of its cell, whatever its status
			const basisBreak = BASIS_BREAK.has(id);
			if (basisBreak) expect(asFigure, `${id} is a basis break`).toBeUndefined();
			if (!asFigure && !FLOW_COLUMNS.has(col))
				expect(
					ry.some(
						(r) =>
							(basisBreak || cell(r, 'status_data') !== 'sintetis') &&
							cell(r, col) !== '' &&
							cell(r, 'sumber').includes(basisBreak ? `${id}=${cell(f, 'nilai')}` : `${id}=`)
					),
					id
				).toBe(true);
		}
	});

	it('splices no basis break into a series: Jabar and Jatim koperasi_aktif move < 40 % from 2023 to 2024', () => {
		for (const kode of ['32', '35']) {
			const a2023 = total('koperasi.csv', kode, 2023, 'koperasi_aktif');
			const a2024 = total('koperasi.csv', kode, 2024, 'koperasi_aktif');
			expect(a2023, kode).toBeGreaterThan(0);
			expect(Math.abs(a2024 / a2023 - 1), `${kode}: ${a2023} -> ${a2024}`).toBeLessThan(0.4);
		}
	});

	it('never writes a part-year flow (e.g. KUR Jan-Apr 2024) as a full-year resmi figure', () => {
		for (const f of inScopeFakta.filter((f) => isPartPeriod(cell(f, 'periode')))) {
			const { file, col } = INDIKATOR_COLUMN[cell(f, 'indikator')]!;
			if (!FLOW_COLUMNS.has(col)) continue;
			const ry = regionYearRows(file, cell(f, 'kode_wilayah'), factYear(cell(f, 'periode'))!);
			expect(ry.some((r) => cell(r, 'status_data') === 'resmi' && cell(r, col) !== '')).toBe(false);
		}
	});

	it('traces every resmi cell to a cited fact (value or catatan)', () => {
		for (const { file, facts } of FACT_DATASETS)
			for (const r of rowsOf(file).filter((r) => cell(r, 'status_data') === 'resmi'))
				for (const col of facts.filter((c) => cell(r, c) !== '')) {
					const v = num(r, col);
					const ids = cell(r, 'sumber').match(/\bF\d{3}\b/g) ?? [];
					const fromFakta = ids.some((id) => {
						const f = faktaById.get(id);
						if (
							!f ||
							cell(f, 'kode_wilayah') !== cell(r, 'kode_wilayah') ||
							factYear(cell(f, 'periode')) !== num(r, 'tahun')
						)
							return false;
						if (cell(f, 'indikator') === col && Number(cell(f, 'nilai')) === v) return true;
						return (cell(f, 'catatan').match(/\d+/g) ?? []).map(Number).includes(v);
					});
					expect(
						fromFakta,
						`${file} ${cell(r, 'kode_wilayah')} ${cell(r, 'tahun')} ${col}=${v}`
					).toBe(true);
				}
	});

	it('keeps every Open Data Jabar UMKM projection 2018-2023 exactly, as estimasi with its method, joined on the full name', () => {
		const odjValue = odjByKode();
		expect(new Set([...odjValue.keys()].map((k) => k.split('|')[0])).size).toBe(27);
		for (const [key, value] of odjValue) {
			const [kode, tahun] = key.split('|') as [string, string];
			if (Number(tahun) < 2018) continue;
			const ry = regionYearRows('jangkauan_pasar.csv', kode, Number(tahun));
			const r = ry.find((r) => cell(r, 'jumlah_umkm') !== '');
			expect(r, key).toBeDefined();
			expect(cell(r!, 'status_data'), key).toBe('estimasi');
			expect(cell(r!, 'sumber')).toContain('https://opendata.jabarprov.go.id/');
			expect(cell(r!, 'sumber')).toContain('metode: laju tetap 6,19 %/th');
			expect(num(r!, 'jumlah_umkm')).toBe(value);
		}
		// KABUPATEN BEKASI and KOTA BEKASI share the short name "Bekasi"
		expect(total('jangkauan_pasar.csv', '32.16', 2021, 'jumlah_umkm')).toBe(311927);
		expect(total('jangkauan_pasar.csv', '32.16', 2023, 'jumlah_umkm')).toBe(
			odjValue.get('32.16|2023')
		);
		expect(total('jangkauan_pasar.csv', '32.75', 2023, 'jumlah_umkm')).toBe(
			odjValue.get('32.75|2023')
		);
		expect(odjValue.get('32.16|2023')).not.toBe(odjValue.get('32.75|2023'));
	});

	it('keeps market-reach facts other than jumlah_umkm sintetis everywhere', () => {
		for (const r of rowsOf('jangkauan_pasar.csv'))
			for (const f of FACT_DATASETS[2]!.facts.slice(1))
				if (cell(r, f) !== '')
					expect(cell(r, 'status_data'), `${cell(r, 'kode_wilayah')} ${f}`).toBe('sintetis');
	});
});

function odjByKode(): Map<string, number> {
	const byName = new Map(
		kabJabar.map((w) => [cell(w, 'nama_wilayah').toUpperCase(), cell(w, 'kode_wilayah')])
	);
	const out = new Map<string, number>();
	for (const r of odj) {
		const kode = byName.get(cell(r, 'Nama Kabupaten / Kota').trim());
		expect(kode, cell(r, 'Nama Kabupaten / Kota')).toBeDefined();
		out.set(`${kode}|${cell(r, 'Tahun')}`, num(r, 'Proyeksi Jumlah UMKM'));
	}
	return out;
}

describe('internal consistency per region-year (after summing rows)', () => {
	for (const kode of COVERAGE)
		it(`${kode}: RAT <= aktif <= jumlah koperasi; UMKM subsets <= jumlah UMKM; sales outside <= total sales`, () => {
			for (const y of YEARS) {
				const k = (c: string) => total('koperasi.csv', kode, y, c);
				const j = (c: string) => total('jangkauan_pasar.csv', kode, y, c);
				expect(k('koperasi_rat'), `${y}`).toBeLessThanOrEqual(k('koperasi_aktif'));
				expect(k('koperasi_aktif'), `${y}`).toBeLessThanOrEqual(k('jumlah_koperasi'));
				for (const c of ['umkm_pemasaran_luar_daerah', 'umkm_ekspor', 'umkm_daring'])
					expect(j(c), `${y} ${c}`).toBeLessThanOrEqual(j('jumlah_umkm'));
				expect(j('penjualan_luar_daerah'), `${y}`).toBeLessThanOrEqual(j('penjualan_total'));
				expect(j('nilai_ekspor'), `${y}`).toBeLessThanOrEqual(j('penjualan_luar_daerah'));
			}
		});
});

describe('domain story: Kabupaten Bekasi (32.16) vs Kepulauan Bangka Belitung (19)', () => {
	const pop = (kode: string) => num(wilayahByKode.get(kode)!, 'penduduk_2025');

	it('Babel has more active cooperatives per 100k residents every year', () => {
		for (const y of YEARS) {
			const per100k = (kode: string) =>
				(total('koperasi.csv', kode, y, 'koperasi_aktif') / pop(kode)) * 1e5;
			expect(per100k('19'), `${y}`).toBeGreaterThan(per100k('32.16'));
		}
	});

	it('Bekasi cooperatives are larger (more members per active coop) and its economy bigger', () => {
		for (const y of YEARS) {
			const mpc = (kode: string) =>
				total('koperasi.csv', kode, y, 'jumlah_anggota') /
				total('koperasi.csv', kode, y, 'koperasi_aktif');
			expect(mpc('32.16'), `${y}`).toBeGreaterThan(2 * mpc('19'));
			expect(total('pembiayaan.csv', '32.16', y, 'volume_usaha')).toBeGreaterThan(
				total('pembiayaan.csv', '19', y, 'volume_usaha')
			);
			expect(total('jangkauan_pasar.csv', '32.16', y, 'penjualan_total')).toBeGreaterThan(
				total('jangkauan_pasar.csv', '19', y, 'penjualan_total')
			);
		}
	});

	it('Bekasi has no dedicated product gallery building; Babel has at least four galleries', () => {
		for (const y of YEARS) {
			expect(total('jangkauan_pasar.csv', '32.16', y, 'galeri_produk')).toBe(0);
			expect(total('jangkauan_pasar.csv', '19', y, 'galeri_produk')).toBeGreaterThanOrEqual(4);
		}
	});
});

describe('generator', () => {
	it('is deterministic: a re-run into a temp dir gives byte-identical files', () => {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'datasets-'));
		try {
			execFileSync(process.execPath, [GENERATOR, tmp], { cwd: ROOT, stdio: 'pipe' });
			for (const file of Object.keys(HEADERS))
				expect(
					fs.readFileSync(path.join(tmp, file)).equals(fs.readFileSync(path.join(DATASETS, file))),
					file
				).toBe(true);
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	}, 60_000);

	it('reads its inputs only from datasets/sources', () => {
		const src = readText(GENERATOR);
		expect(src).not.toMatch(/\/work\/shared|datasets-source/);
		expect(src).toContain("'datasets', 'sources'");
	});
});
