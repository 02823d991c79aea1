import { describe, expect, it } from 'vitest';
import { DATASETS } from '$lib/catalogue/datasets';
import { validateDataset } from '$lib/csv/validate-dataset';
import { parseCsv } from '$lib/csv/parse-csv';
import { specResolver } from './spec-regions';
import { pageMapping } from './page-mapping';

const JATIM_HEADER = [
	'KABUPATEN / KOTA',
	'PERIODE UPDATE',
	'JUMLAH KOPERASI AKTIF',
	'JUMLAH KOPERASI TIDAK AKTIF',
	'JUMLAH KARYAWAN',
	'JUMLAH MANAGER',
	'JUMLAH KOPERASI TOTAL',
	'USAHA BESAR'
];

describe('pageMapping: what the column table shows is what is sent', () => {
	it('recognises the Jawa Timur headers and leaves the rest on "not stored"', () => {
		expect(pageMapping(JATIM_HEADER, DATASETS.koperasi, {})).toEqual({
			'KABUPATEN / KOTA': 'kode_wilayah',
			'PERIODE UPDATE': 'tahun',
			'JUMLAH KOPERASI AKTIF': 'koperasi_aktif',
			'JUMLAH KOPERASI TIDAK AKTIF': null,
			'JUMLAH KARYAWAN': 'jumlah_karyawan',
			'JUMLAH MANAGER': 'jumlah_manajer',
			'JUMLAH KOPERASI TOTAL': 'jumlah_koperasi',
			'USAHA BESAR': null
		});
	});

	it('honours the default: columns left on "not stored" do not block the file', () => {
		const csv = parseCsv(`${JATIM_HEADER.join(',')}\nKabupaten Bekasi,2024-Q4,10,2,30,3,12,0\n`);
		const options = {
			dataset: DATASETS.koperasi,
			resolveRegion: specResolver,
			defaults: { status: 'resmi' as const, source: 'Dinas' }
		};
		// Without the page's mapping, the unknown headers are problems (the API's strictness) …
		expect(validateDataset(csv, options).problems.map((p) => p.column)).toEqual([
			'JUMLAH KOPERASI TIDAK AKTIF',
			'USAHA BESAR'
		]);
		// … with it, they are simply not stored.
		const result = validateDataset(csv, {
			...options,
			columns: pageMapping(csv.header, DATASETS.koperasi, {})
		});
		expect(result.problems).toEqual([]);
		expect(result.records[0]?.facts).toEqual({
			koperasi_aktif: 10,
			jumlah_karyawan: 30,
			jumlah_manajer: 3,
			jumlah_koperasi: 12
		});
	});

	it('lets a choice override the header, and keeps a repeated target named', () => {
		expect(
			pageMapping(['Kode', 'Jumlah', 'cooperatives'], DATASETS.koperasi, {
				Kode: 'kode_wilayah',
				Jumlah: 'jumlah_koperasi'
			})
		).toEqual({ Kode: 'kode_wilayah', Jumlah: 'jumlah_koperasi', cooperatives: 'jumlah_koperasi' });
	});
});
