import { describe, expect, it } from 'vitest';
import { findIndicator } from './indicators';
import { datasetsOf, formulaText, normalisationText } from './indicator-formula';

const indicator = (id: string) => findIndicator(id)!;

describe('an indicator explained from the catalogue', () => {
	it('writes the formula over the stored facts', () => {
		expect(formulaText(indicator('koperasi_aktif'))).toBe('koperasi_aktif');
		expect(formulaText(indicator('kepatuhan_rat'))).toMatch(/^koperasi_rat ÷ \S+ × 100$/);
	});

	it('writes what each normalisation divides by', () => {
		expect(normalisationText('total')).toBeNull();
		expect(normalisationText('population')).toBe('× 100000 ÷ jumlah_penduduk');
		expect(normalisationText('member')).toBe('÷ jumlah_anggota');
	});

	it('names the datasets that feed it, population included where it divides', () => {
		expect(datasetsOf(indicator('koperasi_aktif'))).toEqual(
			expect.arrayContaining(['koperasi', 'penduduk'])
		);
	});
});
