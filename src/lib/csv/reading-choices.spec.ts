/**
 * How validation reads a publisher's file with the analyst's choices: the mapping by header,
 * status, source and year once for the file, periods made into years by the fact's kind, and
 * the messages that name what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import { specResolver } from '$lib/upload/spec-regions';
import { parseCsv } from './parse-csv';
import { parsePeriod } from './parse-period';
import { ProblemCollector, problem } from './problem';
import { validateDataset, type ValidationOptions } from './validate-dataset';

function validate(kind: DatasetKind, lines: string[], options: Partial<ValidationOptions> = {}) {
	return validateDataset(parseCsv(lines.join('\n')), {
		dataset: DATASETS[kind],
		resolveRegion: specResolver,
		yearRange: { min: 2000, max: 2030 },
		...options
	});
}

const FILE_WIDE = { defaults: { status: 'resmi' as const, source: 'Dinas KUKM' } };

describe('parsePeriod', () => {
	it.each([
		['2018', { kind: 'year', year: 2018 }],
		['2018-Q4', { kind: 'quarter', year: 2018, order: 4, yearEnd: true }],
		['Q2 2019', { kind: 'quarter', year: 2019, order: 2, yearEnd: false }],
		['TW III 2020', { kind: 'quarter', year: 2020, order: 3, yearEnd: false }],
		['2018-12', { kind: 'month', year: 2018, order: 12, yearEnd: true }],
		['Des 2018', { kind: 'month', year: 2018, order: 12, yearEnd: true }],
		['Agustus 2021', { kind: 'month', year: 2021, order: 8, yearEnd: false }],
		['31/12/2018', { kind: 'date', year: 2018, order: 365, yearEnd: true }],
		['2024-02-29', { kind: 'date', year: 2024, order: 60, yearEnd: false }]
	])('reads %s', (text, expected) => {
		expect(parsePeriod(text)).toEqual(expected);
	});

	it.each(['2O24', '31/02/2018', '2018-13', 'dua ribu', 'Q5 2018'])('finds no year in %s', (text) =>
		expect(parsePeriod(text)).toEqual({ kind: 'invalid' })
	);
});

describe('the year column', () => {
	it('calls 2O24 "bukan angka tahun", and only true digits "di luar rentang"', () => {
		const result = validate('koperasi', [
			'kode_wilayah,tahun,jumlah_koperasi,status_data,sumber',
			'32.16,2O24,1,resmi,x',
			'32.16,20245,1,resmi,x'
		]);
		expect(result.problems.map((p) => [p.line, p.message.id])).toEqual([
			[2, '"2O24" bukan angka tahun.'],
			[3, 'Tahun "20245" di luar rentang 2000–2030.']
		]);
	});

	it('takes a stock from the last quarter of each year and sums a flow over all four', () => {
		const result = validate(
			'pembiayaan',
			[
				'kode_wilayah,periode,aset,volume_usaha',
				...[1, 2, 3, 4].map((q) => `32.16,2021-Q${q},${q * 100},${q}`),
				...[1, 2].map((q) => `32.16,2022-Q${q},${q * 1000},`)
			],
			FILE_WIDE
		);
		expect(result.problems).toEqual([]);
		expect(result.periodKind).toBe('quarter');
		expect(result.records.map((r) => [r.tahun, r.facts, r.sumber, r.line])).toEqual([
			[2021, { aset: 400, volume_usaha: 10 }, 'Dinas KUKM', 5],
			// 2022 stops at its second quarter: the stock says so in its source.
			[2022, { aset: 2000, volume_usaha: null }, 'Dinas KUKM (2022 s.d. 2022-Q2)', 7]
		]);
	});

	it('with the "last period" rule takes every fact from the last period (a cumulative report)', () => {
		const result = validate(
			'pembiayaan',
			['kode_wilayah,periode,volume_usaha', '32.16,2021-06,50', '32.16,2021-12,130'],
			{ ...FILE_WIDE, periods: 'last' }
		);
		expect(result.records.map((r) => [r.tahun, r.facts.volume_usaha])).toEqual([[2021, 130]]);
	});

	it('names a flow with a missing quarter as a quarter, never as a year out of range', () => {
		const result = validate(
			'pembiayaan',
			['kode_wilayah,periode,volume_usaha', '32.16,2021-Q1,5', '32.16,2021-Q2,5'],
			FILE_WIDE
		);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]!.message.id).toBe(
			'"2021-Q2" adalah triwulan, bukan tahun; volume_usaha adalah arus yang dijumlahkan menjadi setahun, tetapi 32.16 2021 hanya punya 2 dari 4 triwulan (1, 2).'
		);
	});

	it('checks a part against its whole again after the year is made', () => {
		const result = validate(
			'koperasi',
			[
				'kode_wilayah,periode,jumlah_koperasi,koperasi_aktif',
				'32.16,2021-Q3,10,',
				'32.16,2021-Q4,,12'
			],
			FILE_WIDE
		);
		expect(result.problems.map((p) => p.column)).toEqual(['koperasi_aktif']);
	});

	it('refuses the same quarter twice and a year given both whole and per quarter', () => {
		const twice = validate(
			'koperasi',
			['kode_wilayah,periode,jumlah_koperasi', '32.16,2021-Q4,1', '32.16,2021-Q4,2'],
			FILE_WIDE
		);
		expect(twice.problems.map((p) => p.code)).toEqual(['period-repeated']);
		const mixed = validate(
			'koperasi',
			['kode_wilayah,periode,jumlah_koperasi', '32.16,2021,1', '32.16,2021-Q4,2'],
			FILE_WIDE
		);
		expect(mixed.problems.map((p) => p.code)).toEqual(['period-mixed']);
	});
});

describe('status, source and year once for the file', () => {
	it('fill what a row lacks, and a row’s own value wins', () => {
		const result = validate(
			'koperasi',
			['kode_wilayah,jumlah_koperasi,status_data,sumber', '32.16,5,,', '32.75,6,sintetis,Sendiri'],
			{ defaults: { status: 'estimasi', source: 'Berkas', year: 2026 } }
		);
		expect(result.problems).toEqual([]);
		expect(result.records.map((r) => [r.tahun, r.status_data, r.sumber])).toEqual([
			[2026, 'estimasi', 'Berkas'],
			[2026, 'sintetis', 'Sendiri']
		]);
	});

	it('without them, a missing column says it may be set for the whole file', () => {
		const result = validate('koperasi', ['kode_wilayah,tahun,jumlah_koperasi', '32.16,2020,5']);
		expect(result.problems.map((p) => p.fix.id)).toEqual([
			'Isi status data untuk seluruh berkas, atau tambahkan kolom "status_data".',
			'Isi sumber untuk seluruh berkas, atau tambahkan kolom "sumber".'
		]);
	});
});

describe('the column mapping', () => {
	it('maps a header the analyst names, leaves out a null, and refuses a mapping that cannot apply', () => {
		const lines = ['Wilayah X,Th,Jumlah,Lain', 'KAB. BEKASI,2020,5,?'];
		const ok = validate('koperasi', lines, {
			...FILE_WIDE,
			columns: { 'Wilayah X': 'kode_wilayah', Th: 'tahun', Jumlah: 'jumlah_koperasi', Lain: null }
		});
		expect(ok.problems).toEqual([]);
		expect(ok.records[0]).toMatchObject({ kode_wilayah: '32.16', facts: { jumlah_koperasi: 5 } });
		const wrong = validate('koperasi', lines, {
			...FILE_WIDE,
			columns: { Tidak: null, Jumlah: 'aset', 'Wilayah X': 'kode_wilayah', Th: 'tahun', Lain: null }
		});
		expect(wrong.problems.map((p) => p.code)).toEqual([
			'mapping-invalid',
			'mapping-invalid',
			// Jumlah goes nowhere now: no figure is left.
			'facts-none'
		]);
	});

	it('takes a name column as the region when no code column is there, and a short name stays refused', () => {
		const result = validate(
			'koperasi',
			['nama_kabupaten_kota,tahun,jumlah_koperasi', 'KABUPATEN BEKASI,2020,5', 'BEKASI,2021,6'],
			FILE_WIDE
		);
		expect(result.problems.map((p) => [p.line, p.code])).toEqual([[3, 'region-ambiguous']]);
	});
});

describe('messages', () => {
	it('never suggest summing a repeated stock; a repeated flow may be parts of a year', () => {
		const stock = validate(
			'koperasi',
			['kode_wilayah,tahun,jumlah_koperasi', '32.16,2020,5', '32.16,2020,6'],
			FILE_WIDE
		);
		expect(stock.problems[0]!.fix.id).toContain('jangan dijumlahkan');
		expect(stock.problems[0]!.fix.id).not.toMatch(/gabungkan|jumlahkan keduanya/);
		const flow = validate(
			'pembiayaan',
			['kode_wilayah,tahun,volume_usaha', '32.16,2020,5', '32.16,2020,6'],
			FILE_WIDE
		);
		expect(flow.problems[0]!.fix.id).toContain('jumlahkan keduanya');
	});

	it('do not ask the number format when the file settles it', () => {
		// A count cannot be 12.345 of a cooperative: twelve thousand.
		const counts = validate(
			'koperasi',
			['kode_wilayah,tahun,jumlah_anggota', '32.16,2020,12.345'],
			FILE_WIDE
		);
		expect(counts.problems).toEqual([]);
		expect(counts.records[0]!.facts.jumlah_anggota).toBe(12_345);
		// Money: another column of the file is plainly Indonesian.
		const money = validate(
			'pembiayaan',
			['kode_wilayah,tahun,aset,modal_sendiri', '32.16,2020,"1.234.567,5",12.345'],
			FILE_WIDE
		);
		expect(money.problems).toEqual([]);
		expect(money.records[0]!.facts.modal_sendiri).toBe(12_345);
		// Nothing settles it: asked.
		const asked = validate(
			'pembiayaan',
			['kode_wilayah,tahun,modal_sendiri', '32.16,2020,12.345'],
			FILE_WIDE
		);
		expect(asked.problems[0]!.message.id).toContain('tidak jelas');
	});

	it('group equal problems by kind and column, keep a bounded number in full, count them all', () => {
		const rows = Array.from({ length: 798 }, (_, i) => `32.16,${2000 + (i % 20)}-Q9,${i}`);
		const result = validate('koperasi', ['kode_wilayah,periode,jumlah_koperasi', ...rows], {
			...FILE_WIDE,
			maxProblems: 10
		});
		expect(result.problemCount).toBe(798);
		expect(result.problems).toHaveLength(10);
		expect(result.groups).toHaveLength(1);
		expect(result.groups[0]).toMatchObject({
			count: 798,
			column: 'periode',
			lines: [2, 3, 4, 5, 6]
		});
	});

	it('a collector sees every problem it does not keep', () => {
		const seen: number[] = [];
		const collector = new ProblemCollector(1, (p) => seen.push(p.line));
		const m = { id: 'x', en: 'x' };
		for (const line of [2, 3, 4]) collector.report(problem(line, 'a', '', m, m, 'k'));
		expect([collector.count, collector.kept.length, seen]).toEqual([3, 1, [2, 3, 4]]);
	});
});
