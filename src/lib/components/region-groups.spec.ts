import { describe, expect, it } from 'vitest';
import type { Region } from '$lib/regions/region';
import { compactRegionName, groupByProvince, searchRegions } from './region-groups';

const region = (code: string, name: string, provinceName: string): Region => ({
	code,
	bpsCode: null,
	name,
	shortName: name,
	level: code.includes('.') ? 'kabkota' : 'provinsi',
	provinceCode: code.slice(0, 2),
	provinceName,
	population2025: 1,
	areaKm2: null
});

const regions = [
	region('19', 'Kepulauan Bangka Belitung', 'Kepulauan Bangka Belitung'),
	region('19.01', 'Kabupaten Bangka', 'Kepulauan Bangka Belitung'),
	region('32', 'Jawa Barat', 'Jawa Barat'),
	region('32.16', 'Kabupaten Bekasi', 'Jawa Barat'),
	region('32.75', 'Kota Bekasi', 'Jawa Barat')
];

describe('searchRegions', () => {
	it('matches names, provinces and codes, ignoring case', () => {
		expect(searchRegions(regions, 'bekasi').map((r) => r.code)).toEqual(['32.16', '32.75']);
		expect(searchRegions(regions, 'JAWA').map((r) => r.code)).toEqual(['32', '32.16', '32.75']);
		expect(searchRegions(regions, '19.').map((r) => r.code)).toEqual(['19.01']);
		expect(searchRegions(regions, '  ')).toHaveLength(5);
	});
});

describe('groupByProvince', () => {
	it('groups in list order and keeps the chosen region', () => {
		const groups = groupByProvince(regions, searchRegions(regions, 'kota bekasi'), '19');
		expect(groups).toEqual([
			{ province: 'Kepulauan Bangka Belitung', regions: [regions[0]] },
			{ province: 'Jawa Barat', regions: [regions[4]] }
		]);
	});
});

describe('compactRegionName', () => {
	it('abbreviates the regency prefix only', () => {
		expect(compactRegionName('Kabupaten Bekasi')).toBe('Kab. Bekasi');
		expect(compactRegionName('Kota Bekasi')).toBe('Kota Bekasi');
	});
});
