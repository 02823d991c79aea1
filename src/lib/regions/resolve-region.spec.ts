import { describe, expect, it } from 'vitest';
import { compareRegionCodes, type Region } from './region';
import { createRegionResolver, type RegionMatch } from './resolve-region';

function region(
	code: string,
	bpsCode: string | null,
	name: string,
	shortName: string,
	province: [string, string]
): Region {
	return {
		code,
		bpsCode,
		name,
		shortName,
		level: code.includes('.') ? 'kabkota' : 'provinsi',
		provinceCode: province[0],
		provinceName: province[1],
		population2025: 1,
		areaKm2: null
	};
}

const JABAR: [string, string] = ['32', 'Jawa Barat'];
const BABEL: [string, string] = ['19', 'Kepulauan Bangka Belitung'];

/** Kemendagri and BPS number Bangka Barat and Bangka Selatan the other way round. */
const REGIONS: Region[] = [
	region('32', '32', 'Jawa Barat', 'Jawa Barat', JABAR),
	region('32.15', '3215', 'Kabupaten Karawang', 'Karawang', JABAR),
	region('32.16', '3216', 'Kabupaten Bekasi', 'Bekasi', JABAR),
	region('32.75', '3275', 'Kota Bekasi', 'Bekasi', JABAR),
	region('19', '19', 'Kepulauan Bangka Belitung', 'Kep. Bangka Belitung', BABEL),
	region('19.01', '1901', 'Kabupaten Bangka', 'Bangka', BABEL),
	region('19.03', '1905', 'Kabupaten Bangka Selatan', 'Bangka Selatan', BABEL),
	region('19.05', '1903', 'Kabupaten Bangka Barat', 'Bangka Barat', BABEL),
	region('19.71', '1971', 'Kota Pangkal Pinang', 'Pangkal Pinang', BABEL)
];

const resolve = createRegionResolver(REGIONS);

function codeOf(match: RegionMatch): string | null {
	return match.kind === 'found' ? match.region.code : null;
}

describe('createRegionResolver', () => {
	it('finds a region by its Kemendagri code and keeps Kabupaten and Kota Bekasi apart', () => {
		expect(resolve('32.16')).toMatchObject({ kind: 'found', via: 'kemendagri' });
		expect(codeOf(resolve('32.16'))).toBe('32.16');
		expect(codeOf(resolve('32.75'))).toBe('32.75');
		expect(codeOf(resolve(' 19 '))).toBe('19');
	});

	it('translates a four-digit BPS code to the Kemendagri code', () => {
		expect(resolve('3216')).toMatchObject({ kind: 'found', via: 'bps' });
		expect(codeOf(resolve('3216'))).toBe('32.16');
		expect(codeOf(resolve('3275'))).toBe('32.75');
	});

	it('does not confuse BPS and Kemendagri numbering in Bangka Belitung', () => {
		expect(codeOf(resolve('1903'))).toBe('19.05');
		expect(resolve('1903')).toMatchObject({ region: { name: 'Kabupaten Bangka Barat' } });
		expect(codeOf(resolve('1905'))).toBe('19.03');
		expect(resolve('1905')).toMatchObject({ region: { name: 'Kabupaten Bangka Selatan' } });
		expect(codeOf(resolve('19.03'))).toBe('19.03');
		expect(codeOf(resolve('19.05'))).toBe('19.05');
	});

	it('finds a region by its full official name in any case and with "Kab." for Kabupaten', () => {
		for (const text of ['Kabupaten Bekasi', 'KABUPATEN BEKASI', 'Kab. Bekasi', 'kab bekasi']) {
			expect(resolve(text), text).toMatchObject({ kind: 'found', via: 'name' });
			expect(codeOf(resolve(text)), text).toBe('32.16');
		}
		expect(codeOf(resolve('Kota  Bekasi'))).toBe('32.75');
	});

	it('finds a province with or without the word Provinsi', () => {
		expect(codeOf(resolve('Jawa Barat'))).toBe('32');
		expect(codeOf(resolve('Provinsi Kepulauan Bangka Belitung'))).toBe('19');
		expect(codeOf(resolve('Prov. Jawa Barat'))).toBe('32');
	});

	it('refuses "Bekasi" as ambiguous and lists both Bekasis', () => {
		const match = resolve('Bekasi');
		expect(match.kind).toBe('ambiguous');
		const codes = match.kind === 'ambiguous' ? match.candidates.map((r) => r.code).sort() : [];
		expect(codes).toEqual(['32.16', '32.75']);
	});

	it('refuses a short name that names one place, suggesting the full name', () => {
		const match = resolve('Karawang');
		expect(match.kind).toBe('unknown');
		expect(match.kind === 'unknown' && match.suggestions.map((r) => r.name)).toEqual([
			'Kabupaten Karawang'
		]);
	});

	it('refuses unknown codes and names without suggestions', () => {
		for (const text of ['32.99', '99', '3299', 'Gotham', '', '32.16.01', '032.16']) {
			expect(resolve(text), text).toEqual({ kind: 'unknown', suggestions: [] });
		}
	});

	it('does not read a province code as a BPS regency code', () => {
		expect(resolve('1900')).toEqual({ kind: 'unknown', suggestions: [] });
	});
});

describe('compareRegionCodes', () => {
	it('orders codes part by part, numerically, provinces before their regencies', () => {
		const codes = ['32.75', '19', '32', '19.71', '32.16', '11.02', '11', '19.05'];
		expect([...codes].sort(compareRegionCodes)).toEqual([
			'11',
			'11.02',
			'19',
			'19.05',
			'19.71',
			'32',
			'32.16',
			'32.75'
		]);
	});
});
