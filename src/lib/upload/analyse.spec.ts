import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/csv/parse-csv';
import { validateDataset } from '$lib/csv/validate-dataset';
import { DATASETS } from '$lib/catalogue/datasets';
import { analyse, type AnalyseOptions } from './analyse';
import { specResolver } from './spec-regions';

const options = (over: Partial<AnalyseOptions> = {}): AnalyseOptions => ({
	kind: null,
	conventions: {},
	choices: {},
	resolveRegion: specResolver,
	...over
});

const KOPERASI = [
	'kode_wilayah;tahun;jenis_koperasi;jumlah_koperasi;jumlah_anggota;modal (Rp juta);status_data;sumber',
	'33.74;2024;Simpan Pinjam;1234;12.345,5;2,5;resmi;Dinas Koperasi',
	'Kota Semarang;2023;;987;-;3;estimasi;Dinas Koperasi'
].join('\r\n');

describe('analyse', () => {
	it('suggests the kind, maps the columns and counts the rows', () => {
		const result = analyse(parseCsv(KOPERASI), options());
		expect(result.suggestedKind).toBe('koperasi');
		expect(result.kind).toBe('koperasi');
		expect(result.rowCount).toBe(2);
		expect(result.columns.map((c) => c.target)).toEqual([
			'kode_wilayah',
			'tahun',
			'jenis_koperasi',
			'jumlah_koperasi',
			'jumlah_anggota',
			null,
			'status_data',
			'sumber'
		]);
		expect(result.columns[4]?.convention).toEqual({ kind: 'decided', convention: 'id' });
	});

	it('leaves a column nothing recognises out, as the table shows it, until the analyst maps it', () => {
		const first = analyse(parseCsv(KOPERASI), options());
		// jumlah_anggota 12.345,5 is not a whole number; "modal (Rp juta)" is simply not stored.
		expect(first.problems.map((p) => [p.line, p.column])).toEqual([[2, 'jumlah_anggota']]);
		expect(first.columns[5]).toMatchObject({ target: null, unknown: true });
		expect(first.mapping['modal (Rp juta)']).toBeNull();
		const mapped = analyse(
			parseCsv(KOPERASI.replace('12.345,5', '12.345')),
			options({ choices: { 'modal (Rp juta)': 'jumlah_manajer' } })
		);
		expect(mapped.problems).toEqual([]);
		expect(mapped.columns[5]).toMatchObject({ target: 'jumlah_manajer', unknown: false });
		// The unit in the header still counts: 2,5 juta managers.
		expect(mapped.mapping['modal (Rp juta)']).toBe('jumlah_manajer');
	});

	it('shows each preview value as validateDataset stores it', () => {
		const text = KOPERASI.replace('12.345,5', '12.345.678')
			.replace(';modal (Rp juta)', '')
			.replace(/;2,5;|;3;/g, ';');
		const csv = parseCsv(text);
		const result = analyse(csv, options());
		expect(result.problemCount).toBe(0);
		const stored = validateDataset(csv, {
			dataset: DATASETS.koperasi,
			resolveRegion: specResolver
		}).records;
		expect(result.records).toBe(stored.length);
		const byTarget = (row: number, target: string) =>
			result.preview[row]?.cells[result.previewColumns.findIndex((c) => c.target === target)]
				?.stored;
		for (const [r, record] of stored.entries()) {
			expect(byTarget(r, 'kode_wilayah')).toMatchObject({ code: record.kode_wilayah });
			expect(byTarget(r, 'tahun')).toEqual({ kind: 'number', value: record.tahun });
			expect(byTarget(r, 'jenis_koperasi')).toEqual({ kind: 'text', text: record.dimensi });
			expect(byTarget(r, 'jumlah_koperasi')).toEqual({
				kind: 'number',
				value: record.facts.jumlah_koperasi
			});
			const anggota = record.facts.jumlah_anggota;
			expect(byTarget(r, 'jumlah_anggota')).toEqual(
				anggota === null ? { kind: 'empty' } : { kind: 'number', value: anggota }
			);
		}
		expect(byTarget(0, 'kode_wilayah')).toEqual({
			kind: 'region',
			code: '33.74',
			name: 'Kota Semarang'
		});
	});

	it('asks about an ambiguous column and applies the answer', () => {
		const text =
			'kode_wilayah,tahun,jumlah_umkm,penjualan_total (Rp juta),status_data,sumber\n' +
			'32,2024,1500,12.345,sintetis,uji\n32.16,2024,2000,1.500,sintetis,uji';
		const undecided = analyse(parseCsv(text), options());
		const sales = undecided.columns[3]!;
		expect(sales.convention).toEqual({ kind: 'ambiguous', example: '12.345' });
		expect(undecided.problemCount).toBe(1);
		expect(undecided.preview[0]?.cells[3]?.stored).toEqual({ kind: 'undecided' });

		const english = analyse(parseCsv(text), options({ conventions: { penjualan_total: 'en' } }));
		expect(english.problemCount).toBe(0);
		expect(english.columns[3]?.chosen).toBe('en');
		expect(english.preview[0]?.cells[3]?.stored).toEqual({ kind: 'number', value: 12_345_000 });
		expect(english.preview[1]?.cells[3]?.stored).toEqual({ kind: 'number', value: 1_500_000 });

		const indonesian = analyse(parseCsv(text), options({ conventions: { penjualan_total: 'id' } }));
		expect(indonesian.problemCount).toBe(0);
		expect(indonesian.preview[1]?.cells[3]?.stored).toEqual({
			kind: 'number',
			value: 1_500_000_000
		});
	});

	it('waits for the analyst when no kind can be suggested', () => {
		const result = analyse(parseCsv('kode_wilayah,tahun\n32,2024'), options());
		expect(result.kind).toBeNull();
		expect(result.problems).toEqual([]);
		expect(result.columns).toHaveLength(2);
		const chosen = analyse(parseCsv('kode_wilayah,tahun\n32,2024'), options({ kind: 'penduduk' }));
		expect(chosen.problemCount).toBeGreaterThan(0);
	});

	it('reports progress while checking rows', () => {
		const rows = Array.from({ length: 4500 }, (_, i) => `32,${2000 + (i % 20)},${i},resmi,x`);
		const calls: number[] = [];
		analyse(
			parseCsv(['kode_wilayah,tahun,jumlah_penduduk,status_data,sumber', ...rows].join('\n')),
			{
				...options(),
				onRow: (done) => calls.push(done)
			}
		);
		expect(calls).toEqual([2000, 4000, 4500]);
	});
});
