import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/csv/parse-csv';
import { correctHeader, headerEnd, replaceHeader } from './header-corrections';

describe('correctHeader', () => {
	it('renames chosen columns, keeps a unit and leaves the rest', () => {
		expect(
			correctHeader(['Kode', 'Modal (Rp juta)', 'Catatan x', 'tahun'], {
				0: 'kode_wilayah',
				1: 'modal_sendiri',
				2: null
			})
		).toEqual(['kode_wilayah', 'modal_sendiri (Rp juta)', 'keterangan', 'tahun']);
	});
});

describe('replaceHeader', () => {
	it('swaps the header line and keeps every data byte', () => {
		const text = 'A;B\r\n1;"x\r\ny"\r\n2;3';
		expect(replaceHeader(text, ';', ['kode_wilayah', 'tahun'])).toBe(
			'kode_wilayah;tahun\r\n1;"x\r\ny"\r\n2;3'
		);
	});

	it('finds the end of a quoted header with line breaks inside', () => {
		const text = '"Kode\nwilayah",tahun\n32,2024\n';
		expect(headerEnd(text)).toBe(text.indexOf('\n32'));
		const replaced = replaceHeader(text, ',', ['kode_wilayah', 'tahun']);
		expect(parseCsv(replaced).header).toEqual(['kode_wilayah', 'tahun']);
		expect(parseCsv(replaced).rows).toEqual([['32', '2024']]);
	});

	it('drops a BOM and quotes labels holding the delimiter', () => {
		const replaced = replaceHeader('\ufeffa,b\n1,2', ',', ['x,y', 'z']);
		expect(replaced).toBe('"x,y",z\n1,2');
		expect(parseCsv(replaced).header).toEqual(['x,y', 'z']);
	});

	it('handles a header-only file without a line break', () => {
		expect(replaceHeader('a\tb', '\t', ['c', 'd'])).toBe('c\td');
	});
});
