import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	conventionOf,
	detectColumnConvention,
	detectConventionInColumn,
	parseNumber,
	readNumber,
	type NumberConvention
} from './parse-number';

const value = (n: number) => ({ kind: 'number', value: n });

describe('parseNumber', () => {
	it('reads Indonesian thousands dots and a decimal comma', () => {
		expect(parseNumber('1.234.567,89', 'id')).toEqual(value(1234567.89));
		expect(parseNumber('0,25', 'id')).toEqual(value(0.25));
		expect(parseNumber('12', 'id')).toEqual(value(12));
	});

	it('reads English thousands commas and a decimal point', () => {
		expect(parseNumber('1,234,567.89', 'en')).toEqual(value(1234567.89));
		expect(parseNumber('0.25', 'en')).toEqual(value(0.25));
	});

	it('reads 12.345 as twelve thousand in Indonesian and as twelve in English', () => {
		expect(parseNumber('12.345', 'id')).toEqual(value(12345));
		expect(parseNumber('12.345', 'en')).toEqual(value(12.345));
	});

	it('reads a minus sign, a Unicode minus and accounting brackets as negative', () => {
		expect(parseNumber('-1.234,5', 'id')).toEqual(value(-1234.5));
		expect(parseNumber('−1.234,5', 'id')).toEqual(value(-1234.5));
		expect(parseNumber('(1.234)', 'id')).toEqual(value(-1234));
	});

	it('ignores a Rupiah prefix and spaces', () => {
		expect(parseNumber('Rp 1.500.000', 'id')).toEqual(value(1500000));
		expect(parseNumber('Rp1.500.000,00', 'id')).toEqual(value(1500000));
		expect(parseNumber('Rp. 2.000', 'id')).toEqual(value(2000));
		expect(parseNumber('IDR 2,000.50', 'en')).toEqual(value(2000.5));
		expect(parseNumber('-Rp 5.000', 'id')).toEqual(value(-5000));
		expect(parseNumber(' 1\u00a0234 ', 'id')).toEqual(value(1234));
	});

	it('reads BPS symbols and empty cells as no figure, not zero', () => {
		for (const symbol of ['', '  ', '-', '–', '—', '...', '…', 'x', 'X', 'NA', 'N/A']) {
			expect(parseNumber(symbol, 'id'), JSON.stringify(symbol)).toEqual({ kind: 'empty' });
		}
	});

	it('reads zero as a figure', () => {
		expect(parseNumber('0', 'id')).toEqual(value(0));
	});

	it('refuses text and numbers written in the other convention', () => {
		for (const raw of ['banyak', '12a', '1.23.4', '1,234,567.89', '1.2.3,4,5', '--5', 'Rp']) {
			expect(parseNumber(raw, 'id'), raw).toEqual({ kind: 'invalid' });
		}
		expect(parseNumber('1.234.567,89', 'en')).toEqual({ kind: 'invalid' });
		expect(parseNumber('12,5', 'en')).toEqual({ kind: 'invalid' });
	});

	it('reads back every integer and two-decimal figure that Intl writes', () => {
		const integer = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
		const cents = fc.integer({ min: -1e13, max: 1e13 }).map((c) => c / 100);
		const locales: [NumberConvention, string][] = [
			['id', 'id-ID'],
			['en', 'en-GB']
		];
		fc.assert(
			fc.property(fc.oneof(integer, cents), fc.constantFrom(...locales), (n, [convention, tag]) => {
				const text = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(n);
				expect(parseNumber(text, convention)).toEqual(value(n));
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('conventionOf', () => {
	it('recognises a number that only one convention can have written', () => {
		expect(conventionOf('1.234,5')).toBe('id');
		expect(conventionOf('1.234.567')).toBe('id');
		expect(conventionOf('12,5')).toBe('id');
		expect(conventionOf('1,234.5')).toBe('en');
		expect(conventionOf('1,234,567')).toBe('en');
		expect(conventionOf('1.5')).toBe('en');
	});

	it('calls a single group of three digits ambiguous', () => {
		expect(conventionOf('12.345')).toBe('ambiguous');
		expect(conventionOf('1,234')).toBe('ambiguous');
		expect(conventionOf('Rp 123.456')).toBe('ambiguous');
	});

	it('calls plain digits, blanks and BPS symbols plain', () => {
		for (const raw of ['1234', '', '-', '...', 'x', '-17'])
			expect(conventionOf(raw), raw).toBe('plain');
	});

	it('calls text invalid', () => {
		expect(conventionOf('banyak')).toBe('invalid');
		expect(conventionOf('1.2.3')).toBe('invalid');
	});
});

describe('detectColumnConvention', () => {
	it('decides from any cell only one convention explains', () => {
		expect(detectColumnConvention(['12.345', '1.234,5', '7'])).toEqual({
			kind: 'decided',
			convention: 'id'
		});
		expect(detectColumnConvention(['1,234', '2.5'])).toEqual({ kind: 'decided', convention: 'en' });
	});

	it('reports a column of only ambiguous cells with an example, never a guess', () => {
		expect(detectColumnConvention(['', '12.345', '123.456', '1.234'])).toEqual({
			kind: 'ambiguous',
			example: '12.345'
		});
	});

	it('reports a column that mixes conventions with one example of each', () => {
		expect(detectColumnConvention(['1.234,5', '12.345', '1,234.5', '2,5'])).toEqual({
			kind: 'mixed',
			idExample: '1.234,5',
			enExample: '1,234.5'
		});
	});

	it('calls a column of plain digits or no cells plain', () => {
		expect(detectColumnConvention(['1', '22', '-', ''])).toEqual({ kind: 'plain' });
		expect(detectColumnConvention([])).toEqual({ kind: 'plain' });
	});

	it('ignores text when deciding, leaving it for validation to report', () => {
		expect(detectColumnConvention(['banyak', '0,5'])).toEqual({
			kind: 'decided',
			convention: 'id'
		});
	});
});

describe('readNumber and detectConventionInColumn, the allocation-free forms', () => {
	it('read only ASCII digits as plain: full-width or Arabic-Indic digits are not a number', () => {
		expect(readNumber('0042', 'id')).toBe(42);
		expect(readNumber(' 42 ', 'en')).toBe(42);
		expect(readNumber('-', 'id')).toBeNull();
		expect(readNumber('１２３', 'id')).toBeNaN();
		expect(readNumber('٤٢', 'en')).toBeNaN();
		expect(conventionOf('１２３')).toBe('invalid');
	});

	it('decides a column of rows as detectColumnConvention decides its cells', () => {
		const cell = fc.oneof(
			fc.stringMatching(/^[ ]?[-(]?(rp)?[0-9.,]{0,9}[)]?[ ]?$/),
			fc.constantFrom('', '-', '…', 'NA', 'x', '１２', '1 234', '(1.234,5)')
		);
		fc.assert(
			fc.property(fc.array(fc.option(cell, { nil: undefined }), { maxLength: 8 }), (cells) => {
				// A short row (no cell in the column) counts as an empty cell.
				const rows = cells.map((c) => (c === undefined ? ['x'] : ['x', c]));
				expect(detectConventionInColumn(rows, 1)).toEqual(
					detectColumnConvention(cells.map((c) => c ?? ''))
				);
			})
		);
	});
});
