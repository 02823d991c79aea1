import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercentChange, formatRupiah, formatValue } from './number';

describe('formatNumber', () => {
	it('writes Indonesian numbers with dots for thousands and a decimal comma', () => {
		expect(formatNumber(1234567.8, 'id')).toBe('1.234.567,8');
		expect(formatNumber(0.25, 'id', 2)).toBe('0,25');
	});

	it('writes English numbers with commas for thousands and a decimal point', () => {
		expect(formatNumber(1234567.8, 'en')).toBe('1,234,567.8');
	});

	it('rounds to the maximum number of decimals and pads to the minimum', () => {
		expect(formatNumber(2.345, 'id', 1)).toBe('2,3');
		expect(formatNumber(2, 'id', 2, 2)).toBe('2,00');
		expect(formatNumber(2, 'en', 2, 2)).toBe('2.00');
	});

	it('keeps the sign of a negative number', () => {
		expect(formatNumber(-1234.5, 'id')).toMatch(/^[-−]1\.234,5$/);
		expect(formatNumber(-1234.5, 'en')).toMatch(/^[-−]1,234\.5$/);
	});
});

describe('formatRupiah', () => {
	it('shows amounts under a thousand in full', () => {
		expect(formatRupiah(0, 'id')).toBe('Rp0');
		expect(formatRupiah(999, 'id')).toBe('Rp999');
	});

	it('switches to rb, jt, M and T exactly at each power of a thousand', () => {
		expect(formatRupiah(1_000, 'id')).toBe('Rp1 rb');
		expect(formatRupiah(1_000_000, 'id')).toBe('Rp1 jt');
		expect(formatRupiah(1_000_000_000, 'id')).toBe('Rp1 M');
		expect(formatRupiah(1_000_000_000_000, 'id')).toBe('Rp1 T');
	});

	it('uses K, M, B and T in English, where M is a million and not a billion', () => {
		expect(formatRupiah(1_500, 'en')).toBe('Rp1.5 K');
		expect(formatRupiah(2_500_000, 'en')).toBe('Rp2.5 M');
		expect(formatRupiah(2_500_000_000, 'en')).toBe('Rp2.5 B');
		expect(formatRupiah(2_500_000_000_000, 'en')).toBe('Rp2.5 T');
		expect(formatRupiah(2_500_000_000, 'id')).toBe('Rp2,5 M');
	});

	it('keeps about three significant digits', () => {
		expect(formatRupiah(1_234_567, 'id')).toBe('Rp1,23 jt');
		expect(formatRupiah(12_345_678, 'id')).toBe('Rp12,3 jt');
		expect(formatRupiah(123_456_789, 'id')).toBe('Rp123 jt');
		expect(formatRupiah(182_350_000_000_000, 'id')).toBe('Rp182 T');
	});

	it('never shows a thousand of one unit when it rounds up to the next', () => {
		expect(formatRupiah(999_999, 'id')).toBe('Rp1 jt');
		expect(formatRupiah(999_999_999, 'id')).toBe('Rp1 M');
		expect(formatRupiah(999_600_000_000, 'en')).toBe('Rp1 T');
		expect(formatRupiah(999_400, 'id')).toBe('Rp999 rb');
	});

	it('keeps counting in T above a thousand trillion', () => {
		expect(formatRupiah(5_000_000_000_000_000, 'id')).toBe('Rp5.000 T');
	});

	it('puts a minus sign before a negative amount', () => {
		expect(formatRupiah(-2_500_000, 'id')).toBe('−Rp2,5 jt');
		expect(formatRupiah(-750, 'en')).toBe('−Rp750');
	});
});

describe('formatValue', () => {
	it('shows a missing figure as an em dash', () => {
		expect(formatValue(null, 'unit', 'id')).toBe('—');
		expect(formatValue(undefined, 'rupiah', 'en')).toBe('—');
		expect(formatValue(Number.NaN, 'persen', 'id')).toBe('—');
		expect(formatValue(Number.POSITIVE_INFINITY, 'orang', 'id')).toBe('—');
	});

	it('shows zero as a figure, not as missing', () => {
		expect(formatValue(0, 'unit', 'id')).toBe('0');
	});

	it('formats money with scale words and percentages with one decimal', () => {
		expect(formatValue(1_500_000, 'rupiah', 'id')).toBe('Rp1,5 jt');
		expect(formatValue(12.345, 'persen', 'id')).toBe('12,3%');
		expect(formatValue(12.345, 'persen', 'en')).toBe('12.3%');
	});

	it('shows one decimal below a hundred and whole numbers above', () => {
		expect(formatValue(12.34, 'rasio', 'id')).toBe('12,3');
		expect(formatValue(1234.5, 'unit', 'id')).toBe('1.235');
		expect(formatValue(1234.5, 'orang', 'en')).toBe('1,235');
	});
});

describe('formatPercentChange', () => {
	it('signs every change, with ± for none', () => {
		expect(formatPercentChange(2.5, 'id')).toBe('+2,5%');
		expect(formatPercentChange(-38, 'id')).toBe('−38%');
		expect(formatPercentChange(0, 'en')).toBe('±0%');
	});

	it('drops decimals from changes of ten percent or more', () => {
		expect(formatPercentChange(10.4, 'en')).toBe('+10%');
		expect(formatPercentChange(9.96, 'en')).toBe('+10%');
	});

	it('shows a missing change as an em dash', () => {
		expect(formatPercentChange(null, 'id')).toBe('—');
		expect(formatPercentChange(Number.NaN, 'id')).toBe('—');
	});
});
