import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import type { Region } from '$lib/regions/region';
import { createRegionResolver } from '$lib/regions/resolve-region';
import { parseCsv } from './parse-csv';
import {
	MAX_TEXT_LENGTH,
	unitMultiplier,
	validateDataset,
	type ValidationOptions
} from './validate-dataset';

function region(code: string, bpsCode: string, name: string, shortName: string): Region {
	return {
		code,
		bpsCode,
		name,
		shortName,
		level: code.includes('.') ? 'kabkota' : 'provinsi',
		provinceCode: code.slice(0, 2),
		provinceName: code.startsWith('32') ? 'Jawa Barat' : 'Kepulauan Bangka Belitung',
		population2025: 1,
		areaKm2: null
	};
}

const resolveRegion = createRegionResolver([
	region('32', '32', 'Jawa Barat', 'Jawa Barat'),
	region('32.15', '3215', 'Kabupaten Karawang', 'Karawang'),
	region('32.16', '3216', 'Kabupaten Bekasi', 'Bekasi'),
	region('32.75', '3275', 'Kota Bekasi', 'Bekasi'),
	region('19', '19', 'Kepulauan Bangka Belitung', 'Kep. Bangka Belitung'),
	region('19.05', '1903', 'Kabupaten Bangka Barat', 'Bangka Barat')
]);

const YEARS = { min: 2010, max: 2030 };

function validate(
	kind: DatasetKind,
	lines: string[],
	options: Partial<ValidationOptions> = {}
): ReturnType<typeof validateDataset> {
	return validateDataset(parseCsv(lines.join('\n')), {
		dataset: DATASETS[kind],
		resolveRegion,
		yearRange: YEARS,
		...options
	});
}

/** The located part of each problem, which is what the analyst acts on. */
function located(result: ReturnType<typeof validateDataset>) {
	return result.problems.map(({ line, column, value }) => ({ line, column, value }));
}

const KOPERASI =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber';

describe('validateDataset', () => {
	it('turns a clean file into one record per row, regions as Kemendagri codes', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,1200,691,resmi,Dinas Koperasi',
			'3275,2023,,900,-,estimasi,BPS',
			'Kepulauan Bangka Belitung,2025,Simpan Pinjam,1671,1248,resmi,Kemenkop'
		]);
		expect(result.problems).toEqual([]);
		expect(result.records).toEqual([
			{
				line: 2,
				kode_wilayah: '32.16',
				tahun: 2023,
				dimensi: 'semua',
				id_koperasi: null,
				nama_koperasi: null,
				facts: { jumlah_koperasi: 1200, koperasi_aktif: 691 },
				status_data: 'resmi',
				sumber: 'Dinas Koperasi'
			},
			expect.objectContaining({
				line: 3,
				kode_wilayah: '32.75',
				dimensi: 'semua',
				facts: { jumlah_koperasi: 900, koperasi_aktif: null },
				status_data: 'estimasi'
			}),
			expect.objectContaining({
				line: 4,
				kode_wilayah: '19',
				tahun: 2025,
				dimensi: 'simpan_pinjam',
				facts: { jumlah_koperasi: 1671, koperasi_aktif: 1248 }
			})
		]);
	});

	it('accepts English headers and ignores descriptive columns', () => {
		const result = validate('jangkauan_pasar', [
			'region_code;region_name;year;category;MSMEs;Exporters;status;source',
			'32.16;Kabupaten Bekasi;2024;semua;1.250.000;12;RESMI;Open Data Jabar'
		]);
		expect(result.problems).toEqual([]);
		expect(result.records[0]).toMatchObject({
			kode_wilayah: '32.16',
			facts: { jumlah_umkm: 1_250_000, umkm_ekspor: 12 },
			status_data: 'resmi'
		});
	});

	it('reports an unknown region with its line, column and value', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,1,1,resmi,s',
			'99.99,2023,semua,1,1,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 3, column: 'kode_wilayah', value: '99.99' }]);
		expect(result.records).toEqual([]);
	});

	it('refuses "Bekasi" and names both Bekasis in the message', () => {
		const result = validate('koperasi', [KOPERASI, 'Bekasi,2023,semua,1,1,resmi,s']);
		expect(located(result)).toEqual([{ line: 2, column: 'kode_wilayah', value: 'Bekasi' }]);
		expect(result.problems[0]?.message.en).toContain('Kabupaten Bekasi (32.16)');
		expect(result.problems[0]?.message.en).toContain('Kota Bekasi (32.75)');
	});

	it('refuses a short name and suggests the full one', () => {
		const result = validate('koperasi', [KOPERASI, 'Karawang,2023,semua,1,1,resmi,s']);
		expect(located(result)).toEqual([{ line: 2, column: 'kode_wilayah', value: 'Karawang' }]);
		expect(result.problems[0]?.fix.en).toContain('Kabupaten Karawang (32.15)');
	});

	it('reports years outside the accepted range or not written as a year', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2009,semua,1,1,resmi,s',
			'32.16,2031,semua,1,1,resmi,s',
			'32.16,23,semua,1,1,resmi,s',
			'32.16,2030,semua,1,1,resmi,s'
		]);
		expect(located(result)).toEqual([
			{ line: 2, column: 'tahun', value: '2009' },
			{ line: 3, column: 'tahun', value: '2031' },
			{ line: 4, column: 'tahun', value: '23' }
		]);
		expect(result.problems[0]?.message.en).toBe('Year "2009" is outside 2010–2030.');
	});

	it('refuses a negative count but accepts a negative SHU', () => {
		const counts = validate('koperasi', [KOPERASI, '32.16,2023,semua,-5,1,resmi,s']);
		expect(located(counts)).toEqual([{ line: 2, column: 'jumlah_koperasi', value: '-5' }]);
		const shu = validate('pembiayaan', [
			'kode_wilayah,tahun,shu,status_data,sumber',
			'32.16,2023,-1.500.000,resmi,s'
		]);
		expect(shu.problems).toEqual([]);
		expect(shu.records[0]?.facts).toEqual({ shu: -1_500_000 });
	});

	it('refuses more active cooperatives than cooperatives', () => {
		const result = validate('koperasi', [KOPERASI, '32.16,2023,semua,100,120,resmi,s']);
		expect(located(result)).toEqual([{ line: 2, column: 'koperasi_aktif', value: '120' }]);
		expect(result.problems[0]?.message.en).toBe(
			'koperasi_aktif (120) is larger than jumlah_koperasi (100).'
		);
	});

	it('reports text in a number column', () => {
		const result = validate('koperasi', [KOPERASI, '32.16,2023,semua,banyak,1,resmi,s']);
		expect(located(result)).toEqual([{ line: 2, column: 'jumlah_koperasi', value: 'banyak' }]);
		expect(result.problems[0]?.message.en).toBe('"banyak" is not a number.');
	});

	it('refuses decimals in a count', () => {
		const result = validate('koperasi', [KOPERASI, '32.16,2023,semua,"12,5",1,resmi,s']);
		expect(located(result)).toEqual([{ line: 2, column: 'jumlah_koperasi', value: '12,5' }]);
	});

	it('reports a fact given twice for the same region, year and breakdown', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,10,5,resmi,s',
			'32.75,2023,semua,10,5,resmi,s',
			'Kabupaten Bekasi,2023,semua,11,-,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 4, column: 'jumlah_koperasi', value: '11' }]);
		expect(result.problems[0]?.message.en).toContain('already given on line 2');
		expect(result.records).toEqual([]);
	});

	it('refuses a whole-region "semua" row mixed with breakdown rows for the same fact', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,10,-,resmi,s',
			'32.16,2023,simpan pinjam,4,-,resmi,s'
		]);
		expect(located(result)).toEqual([
			{ line: 3, column: 'jenis_koperasi', value: 'simpan_pinjam' }
		]);
		expect(result.problems[0]?.message.en).toContain('see line 2');
	});

	it('accepts breakdown rows alone', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,simpan_pinjam,4,2,resmi,s',
			'32.16,2023,konsumen,6,3,resmi,s'
		]);
		expect(result.problems).toEqual([]);
		expect(result.records.map((r) => r.dimensi)).toEqual(['simpan_pinjam', 'konsumen']);
	});

	it('refuses per-cooperative rows mixed with whole-region rows', () => {
		const result = validate('koperasi', [
			'kode_wilayah,tahun,id_koperasi,nama_koperasi,jumlah_anggota,status_data,sumber',
			'32.16,2023,K-001,KSP Maju,120,resmi,s',
			'32.16,2023,K-002,KSP Jaya,80,resmi,s',
			'32.16,2023,,,5000,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 4, column: 'id_koperasi', value: '' }]);
		expect(result.problems[0]?.message.en).toContain('Per-cooperative and whole-region rows');
	});

	it('reports an unknown column on line 1 and checks nothing else', () => {
		const result = validate('koperasi', [
			'kode_wilayah,tahun,jumlah_desa,jumlah_koperasi,status_data,sumber',
			'Bekasi,2023,5,1,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 1, column: 'jumlah_desa', value: 'jumlah_desa' }]);
		expect(result.problems[0]?.fix.en).toContain('jumlah_koperasi');
	});

	it('refuses per-cooperative columns in a dataset of regional totals', () => {
		const result = validate('jangkauan_pasar', [
			'kode_wilayah,tahun,id_koperasi,jumlah_umkm,status_data,sumber',
			'32.16,2023,K-1,5,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 1, column: 'id_koperasi', value: 'id_koperasi' }]);
	});

	it('reports a column given twice under two names', () => {
		const result = validate('koperasi', [
			'kode_wilayah,tahun,jumlah_koperasi,cooperatives,status_data,sumber',
			'32.16,2023,1,1,resmi,s'
		]);
		expect(located(result)).toEqual([{ line: 1, column: 'cooperatives', value: 'cooperatives' }]);
	});

	it('reports each missing required column', () => {
		const result = validate('koperasi', ['kode_wilayah,tahun,jumlah_koperasi', '32.16,2023,1']);
		expect(located(result)).toEqual([
			{ line: 1, column: 'status_data', value: '' },
			{ line: 1, column: 'sumber', value: '' }
		]);
	});

	it('reports a file without any figure column', () => {
		const result = validate('koperasi', [
			'kode_wilayah,tahun,status_data,sumber',
			'32.16,2023,resmi,s'
		]);
		expect(result.problemCount).toBe(1);
		expect(result.problems[0]?.message.en).toBe('No known figure column was found.');
	});

	it('reports an unknown status and an empty source', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,1,1,final,',
			'32.75,2023,semua,1,1,sintetis, '
		]);
		expect(located(result)).toEqual([
			{ line: 2, column: 'status_data', value: 'final' },
			{ line: 2, column: 'sumber', value: '' },
			{ line: 3, column: 'sumber', value: '' }
		]);
	});

	it('refuses stored text longer than the limit, in the source, breakdown and register columns', () => {
		const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
		const atLimit = 'y'.repeat(MAX_TEXT_LENGTH);
		const result = validate('koperasi', [
			KOPERASI,
			`32.16,2023,semua,1,1,resmi,${long}`,
			`32.75,2023,${long},1,1,resmi,Dinas`,
			`19,2023,semua,1,1,resmi,${atLimit}`
		]);
		expect(located(result)).toEqual([
			{ line: 2, column: 'sumber', value: `${'x'.repeat(60)}…` },
			{ line: 3, column: 'jenis_koperasi', value: `${'x'.repeat(60)}…` }
		]);
		expect(result.problems[0]!.message.id).toBe(
			`Teks di kolom "sumber" terlalu panjang: ${MAX_TEXT_LENGTH + 1} karakter (paling banyak ${MAX_TEXT_LENGTH}).`
		);

		const register = validate('koperasi', [
			'kode_wilayah,tahun,id_koperasi,nama_koperasi,koperasi_aktif,status_data,sumber',
			`32.16,2023,K-1,${long},1,resmi,Dinas`
		]);
		expect(located(register)).toEqual([
			{ line: 2, column: 'nama_koperasi', value: `${'x'.repeat(60)}…` }
		]);
	});

	it('asks which convention a column of ambiguous numbers uses instead of guessing', () => {
		const lines = [
			'kode_wilayah;tahun;aset;status_data;sumber',
			'32.16;2023;12.345;resmi;s',
			'32.75;2023;123.456;resmi;s'
		];
		const unclear = validate('pembiayaan', lines);
		expect(located(unclear)).toEqual([{ line: 1, column: 'aset', value: '12.345' }]);
		expect(unclear.conventions.aset).toEqual({ kind: 'ambiguous', example: '12.345' });
		expect(unclear.records).toEqual([]);

		const asId = validate('pembiayaan', lines, { conventions: { aset: 'id' } });
		expect(asId.records.map((r) => r.facts.aset)).toEqual([12345, 123456]);
		const asEn = validate('pembiayaan', lines, { conventions: { aset: 'en' } });
		expect(asEn.records.map((r) => r.facts.aset)).toEqual([12, 123]);
	});

	it('refuses a column that mixes Indonesian and English numbers', () => {
		const result = validate('pembiayaan', [
			'kode_wilayah;tahun;aset;status_data;sumber',
			'32.16;2023;1.234,5;resmi;s',
			'32.75;2023;1,234.5;resmi;s'
		]);
		expect(located(result)).toEqual([{ line: 1, column: 'aset', value: '1.234,5 / 1,234.5' }]);
	});

	it('reads Indonesian numbers under a "Rp juta" header as millions of Rupiah', () => {
		const result = validate('pembiayaan', [
			'kode_wilayah;tahun;modal_sendiri (Rp juta);Volume usaha (Rp miliar);status_data;sumber',
			'32.16;2023;1.234,5;2,25;resmi;s',
			'32.75;2023;Rp 0,1;-;resmi;s'
		]);
		expect(result.problems).toEqual([]);
		expect(result.columns.map((c) => [c.target, c.multiplier])).toEqual([
			['kode_wilayah', 1],
			['tahun', 1],
			['modal_sendiri', 1e6],
			['volume_usaha', 1e9],
			['status_data', 1],
			['sumber', 1]
		]);
		expect(result.records.map((r) => r.facts)).toEqual([
			{ modal_sendiri: 1_234_500_000, volume_usaha: 2_250_000_000 },
			{ modal_sendiri: 100_000, volume_usaha: null }
		]);
	});

	it('reads a count in thousands with a decimal comma as a whole number', () => {
		const result = validate('koperasi', [
			'kode_wilayah;tahun;jumlah_anggota (ribu orang);status_data;sumber',
			'32.16;2023;1,005;resmi;s',
			'32.75;2023;2,01;resmi;s'
		]);
		expect(result.problems).toEqual([]);
		expect(result.records.map((r) => r.facts.jumlah_anggota)).toEqual([1005, 2010]);
	});

	it('keeps every record back when any row has a problem', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,1,1,resmi,s',
			'32.75,2023,semua,1,1,resmi,s',
			'32.15,2023,semua,x1,1,resmi,s'
		]);
		expect(result.problemCount).toBe(1);
		expect(result.records).toEqual([]);
	});

	it('reports ragged rows found while parsing', () => {
		const result = validate('koperasi', [
			KOPERASI,
			'32.16,2023,semua,1,1,resmi',
			'32.75,2023,semua,1,1,resmi,s'
		]);
		expect(result.problems.map((p) => p.line)).toEqual([2]);
		expect(result.records).toEqual([]);
	});

	it('stops listing problems at the limit but keeps counting', () => {
		const rows = Array.from({ length: 30 }, (_, i) => `99.${i},2023,semua,1,1,resmi,s`);
		const result = validate('koperasi', [KOPERASI, ...rows], { maxProblems: 5 });
		expect(result.problems).toHaveLength(5);
		expect(result.problemCount).toBe(30);
	});

	it('returns records or problems for any text and never throws', () => {
		const header = fc.constantFrom(
			KOPERASI,
			'kode_wilayah;tahun;id_koperasi;jumlah_anggota;status_data;sumber',
			'region_code\tyear\taset (Rp juta)\tstatus\tsource',
			''
		);
		const cell = fc.oneof(
			fc.string({ maxLength: 8 }),
			fc.constantFrom(
				'32.16',
				'Bekasi',
				'2023',
				'semua',
				'resmi',
				'1.234,5',
				'12.345',
				'-',
				'"',
				'\r\n'
			),
			fc.integer().map(String)
		);
		const structured = fc
			.tuple(
				header,
				fc.constantFrom(',', ';', '\t'),
				fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
				fc.constantFrom('\n', '\r\n')
			)
			.map(([h, delimiter, rows, eol]) => [h, ...rows.map((r) => r.join(delimiter))].join(eol));
		const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), structured);
		const kinds = fc.constantFrom<DatasetKind>(
			'koperasi',
			'pembiayaan',
			'jangkauan_pasar',
			'penduduk'
		);
		fc.assert(
			fc.property(anyText, kinds, (text, kind) => {
				const csv = parseCsv(text);
				const result = validateDataset(csv, { dataset: DATASETS[kind], resolveRegion });
				expect(result.records.length > 0 || result.problemCount > 0 || csv.rows.length === 0).toBe(
					true
				);
				if (result.problemCount > 0) expect(result.records).toEqual([]);
				for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
				for (const r of result.records) expect(r.line).toBeGreaterThanOrEqual(2);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('unitMultiplier', () => {
	it('reads the scale word in brackets after a header', () => {
		expect(unitMultiplier('aset (Rp)')).toBe(1);
		expect(unitMultiplier('aset')).toBe(1);
		expect(unitMultiplier('aset (ribu rupiah)')).toBe(1e3);
		expect(unitMultiplier('aset (Rp juta)')).toBe(1e6);
		expect(unitMultiplier('assets (IDR million)')).toBe(1e6);
		expect(unitMultiplier('aset (Rp miliar)')).toBe(1e9);
		expect(unitMultiplier('assets (IDR bn)')).toBe(1e9);
	});
});
