import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './parse-csv';

describe('parseCsv', () => {
	it('drops a UTF-8 byte-order mark from the first header', () => {
		const csv = parseCsv('\ufeffkode_wilayah,tahun\n32.16,2023\n');
		expect(csv.header).toEqual(['kode_wilayah', 'tahun']);
		expect(csv.rows).toEqual([['32.16', '2023']]);
	});

	it('reads semicolon files as Indonesian Excel writes them, decimal commas intact', () => {
		const csv = parseCsv('kode_wilayah;aset\r\n32.16;1.234,5\r\n32.75;7\r\n');
		expect(csv.delimiter).toBe(';');
		expect(csv.rows).toEqual([
			['32.16', '1.234,5'],
			['32.75', '7']
		]);
		expect(csv.problems).toEqual([]);
	});

	it('reads tab-separated files', () => {
		const csv = parseCsv('kode_wilayah\ttahun\n32.16\t2023\n');
		expect(csv.delimiter).toBe('\t');
		expect(csv.rows).toEqual([['32.16', '2023']]);
	});

	it('reads CRLF line ends without leaving carriage returns in cells', () => {
		const csv = parseCsv('a,b\r\n1,2\r\n3,4');
		expect(csv.rows).toEqual([
			['1', '2'],
			['3', '4']
		]);
		expect(csv.lines).toEqual([2, 3]);
	});

	it('trims header labels but keeps cells as written', () => {
		const csv = parseCsv(' a , b\n 1 ,2\n');
		expect(csv.header).toEqual(['a', 'b']);
		expect(csv.rows).toEqual([[' 1 ', '2']]);
	});

	it('numbers lines as a spreadsheet does, header being line 1, skipping blank lines', () => {
		const csv = parseCsv('a,b\n1,2\n\n3,4\n,\n5,6\n');
		expect(csv.rows).toEqual([
			['1', '2'],
			['3', '4'],
			['5', '6']
		]);
		expect(csv.lines).toEqual([2, 4, 6]);
	});

	it('keeps line numbers right after a quoted cell that spans lines', () => {
		const csv = parseCsv(
			'nama,alamat\r\nA,"Jl. Merdeka No. 5\r\nRT 01\r\nRW 02"\r\nB,"Jl. ""Baru"""\r\nC,x\r\n'
		);
		expect(csv.rows).toEqual([
			['A', 'Jl. Merdeka No. 5\r\nRT 01\r\nRW 02'],
			['B', 'Jl. "Baru"'],
			['C', 'x']
		]);
		expect(csv.lines).toEqual([2, 5, 6]);
	});

	it('keeps line numbers right after a header label that spans lines', () => {
		const csv = parseCsv('"Jumlah\nKoperasi",tahun\n1,2023\n2,2024\n');
		expect(csv.header).toEqual(['Jumlah\nKoperasi', 'tahun']);
		expect(csv.lines).toEqual([3, 4]);
	});

	it('reports rows with too many or too few fields with their line, keeping the others', () => {
		const csv = parseCsv('a;b\n1;2;3\n4\n5;6\n"x\ny";7;8\n9;10\n');
		expect(csv.rows).toEqual([
			['5', '6'],
			['9', '10']
		]);
		expect(csv.lines).toEqual([4, 7]);
		expect(csv.problems.map((p) => [p.line, p.value])).toEqual([
			[2, '1;2;3'],
			[3, '4'],
			[5, 'x\ny;7;8']
		]);
		expect(csv.problems[0]?.message.en).toBe('The row has 3 fields but the header has 2.');
	});

	it('reports an unclosed quote', () => {
		const csv = parseCsv('a,b\n1,2\n"3,4\n5,6\n');
		expect(csv.rows).toEqual([['1', '2']]);
		expect(csv.problems.some((p) => p.line === 3 && /unclosed quote/.test(p.fix.en))).toBe(true);
	});

	it('reports an empty file, or one with only a BOM or blank header, on line 1', () => {
		for (const text of ['', '\ufeff', '\n\n', ',,\n1,2,3\n']) {
			const csv = parseCsv(text);
			expect(csv.rows, JSON.stringify(text)).toEqual([]);
			expect(
				csv.problems.map((p) => p.line),
				JSON.stringify(text)
			).toEqual([1]);
		}
	});

	it('accepts a header with no data rows, leaving the verdict to validation', () => {
		const csv = parseCsv('a,b\n');
		expect(csv).toMatchObject({ header: ['a', 'b'], rows: [], problems: [] });
	});
});

describe('detectDelimiter', () => {
	it('picks the delimiter that splits the header line most', () => {
		expect(detectDelimiter('a,b;c;d\n1,2')).toBe(';');
		expect(detectDelimiter('a\tb\tc;d\n')).toBe('\t');
		expect(detectDelimiter('a,b,c\r\n1;2;3;4;5')).toBe(',');
	});

	it('falls back to a comma for a one-column file', () => {
		expect(detectDelimiter('kode_wilayah\n32.16')).toBe(',');
	});
});
