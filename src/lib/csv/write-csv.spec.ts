import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, writeCsv } from './write-csv';

function readBack(text: string, delimiter = ','): string[][] {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true }).data;
}

describe('neutraliseCell', () => {
	it('prefixes an apostrophe to text a spreadsheet would run as a formula', () => {
		for (const text of ['=1+1', '+62 812', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
			expect(neutraliseCell(text), JSON.stringify(text)).toBe(`'${text}`);
		}
	});

	it('also neutralises the fullwidth forms of = + - @', () => {
		for (const text of ['\uff1d1+2', '\uff0bx', '\uff0d1', '\uff20SUM(A1)', '＝HYPERLINK("x")']) {
			expect(neutraliseCell(text), JSON.stringify(text)).toBe(`'${text}`);
		}
	});

	it('leaves other text alone', () => {
		for (const text of ['Kabupaten Bekasi', '32.16', '', ' =1', "'quoted", 'a=b']) {
			expect(neutraliseCell(text)).toBe(text);
		}
	});
});

describe('writeCsv', () => {
	it('writes a header and rows with CRLF line ends', () => {
		expect(writeCsv(['a', 'b'], [['x', 1]])).toBe('a,b\r\nx,1\r\n');
	});

	it('neutralises formula text in cells and in the header', () => {
		const text = writeCsv(['=HYPERLINK("x")'], [['=cmd|"/c calc"!A1'], ['@x'], ['+1'], ['-1']]);
		expect(readBack(text)).toEqual([
			[`'=HYPERLINK("x")`],
			[`'=cmd|"/c calc"!A1`],
			["'@x"],
			["'+1"],
			["'-1"]
		]);
	});

	it('keeps negative numbers as numbers', () => {
		expect(writeCsv(['v'], [[-5], [-0.25]])).toBe('v\r\n-5\r\n-0.25\r\n');
	});

	it('writes missing and non-finite figures as empty cells', () => {
		expect(writeCsv(['a', 'b', 'c'], [[null, undefined, Number.NaN]])).toBe('a,b,c\r\n,,\r\n');
		expect(writeCsv(['a'], [[Number.POSITIVE_INFINITY]])).toBe('a\r\n\r\n');
	});

	it('quotes cells holding the delimiter, quotes or line breaks', () => {
		const text = writeCsv(['nama', 'alamat'], [['KSP "Maju", Bekasi', 'Jl. A\r\nRT 01']]);
		expect(text).toBe('nama,alamat\r\n"KSP ""Maju"", Bekasi","Jl. A\r\nRT 01"\r\n');
		expect(readBack(text)).toEqual([
			['nama', 'alamat'],
			['KSP "Maju", Bekasi', 'Jl. A\r\nRT 01']
		]);
	});

	it('quotes a cell holding a semicolon or tab in the comma file too', () => {
		// Excel in an Indonesian locale splits a comma file on `;`: `Koperasi;=1+2;x` unquoted would
		// put `=1+2` in a cell of its own, where it runs as a formula.
		const text = writeCsv(['nama', 'catatan'], [['Koperasi;=1+2;x', 'a\tb']]);
		expect(text).toBe('nama,catatan\r\n"Koperasi;=1+2;x","a\tb"\r\n');
		expect(readBack(text)).toEqual([
			['nama', 'catatan'],
			['Koperasi;=1+2;x', 'a\tb']
		]);
	});

	it('quotes a cell holding a comma in the semicolon file too', () => {
		expect(writeCsv(['a'], [['x,y']], 'excel-id')).toBe('\ufeffa\r\n"x,y"\r\n');
	});

	it('writes for Indonesian Excel with a BOM, semicolons and decimal commas', () => {
		const text = writeCsv(
			['wilayah', 'nilai'],
			[
				['Kota Bekasi', 1234.5],
				['a;b, c', -0.25]
			],
			'excel-id'
		);
		expect(text).toBe('\ufeffwilayah;nilai\r\nKota Bekasi;1234,5\r\n"a;b, c";-0,25\r\n');
	});

	it('writes a standard file without a BOM', () => {
		expect(writeCsv(['a'], [[1.5]]).charCodeAt(0)).toBe('a'.charCodeAt(0));
		expect(writeCsv(['a'], [[1.5]])).toContain('1.5');
	});

	it('never lets a text cell start a formula, and reads back as written', () => {
		const text = fc.oneof(
			fc.string(),
			fc
				.tuple(
					fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20'),
					fc.string()
				)
				.map(([a, b]) => a + b)
		);
		const flavour = fc.constantFrom<'standard' | 'excel-id'>('standard', 'excel-id');
		fc.assert(
			fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), flavour, (cells, f) => {
				const csv = writeCsv(['h'], [cells], f);
				const [, row] = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), {
					delimiter: f === 'excel-id' ? ';' : ','
				}).data;
				expect(row).toEqual(cells.map(neutraliseCell));
				for (const cell of row ?? [])
					expect(cell).not.toMatch(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/);
			}),
			{ numRuns: 500 }
		);
	});
});
