import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, explorerCsv, EXPORT_COLUMNS, type CsvExport } from './export-csv';
import { row } from './spec-rows';

const HOSTILE = '=HYPERLINK("http://x","klik")';

const data: CsvExport = {
	indicator: 'anggota_per_koperasi',
	per: 'total',
	codes: ['32.16', '32.01'],
	years: [2024, 2025],
	rows: [
		row('32.01', 'Kabupaten Bogor', 2024, 1234.5),
		row('32.01', 'Kabupaten Bogor', 2025, null),
		{ ...row('32.16', HOSTILE, 2024, 0.125), sources: '@SUM(A1); -1+2, "kutip"' },
		row('32.16', HOSTILE, 2025, -3)
	]
};

function parse(text: string, delimiter: string) {
	expect(text.endsWith('\r\n')).toBe(true);
	return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: true })
		.data;
}

describe('explorerCsv', () => {
	it('writes one line per region and year in table order, with the API columns', () => {
		const lines = parse(explorerCsv(data, 'standard'), ',');
		expect(lines[0]).toEqual([...EXPORT_COLUMNS]);
		expect(lines.slice(1).map((l) => [l[2], l[5], l[6]])).toEqual([
			['32.16', '2024', '0.125'],
			['32.16', '2025', '-3'],
			['32.01', '2024', '1234.5'],
			['32.01', '2025', '']
		]);
	});

	it('neutralises formula-like names and sources, and quotes delimiters and quotes', () => {
		const text = explorerCsv(data, 'standard');
		const lines = parse(text, ',');
		expect(lines[1]![3]).toBe(`'${HOSTILE}`);
		expect(lines[1]![8]).toBe(`'@SUM(A1); -1+2, "kutip"`);
		expect(text).toContain('"\'=HYPERLINK(""http://x"",""klik"")"');
		// A negative number is a number, not a formula.
		expect(lines[2]![6]).toBe('-3');
	});

	it('writes the Indonesian Excel flavour with ; and decimal commas, after a BOM', () => {
		const text = explorerCsv(data, 'excel-id');
		expect(text.startsWith('\ufeffindicator;per;region_code')).toBe(true);
		const lines = parse(text, ';');
		expect(lines.slice(1).map((l) => l[6])).toEqual(['0,125', '-3', '1234,5', '']);
		expect(lines[1]![8]).toBe(`'@SUM(A1); -1+2, "kutip"`);
	});

	it('names the file after the question', () => {
		expect(csvFileName(data, 'standard')).toBe('jelajah_anggota_per_koperasi_total_2024-2025.csv');
		expect(csvFileName(data, 'excel-id')).toBe(
			'jelajah_anggota_per_koperasi_total_2024-2025_excel.csv'
		);
	});
});
