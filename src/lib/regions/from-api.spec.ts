import { describe, expect, it } from 'vitest';
import { fetchRegions, regionsFromApi } from './from-api';

const apiRegion = {
	code: '32.16',
	bps_code: '3216',
	name: 'Kabupaten Bekasi',
	short_name: 'Bekasi',
	level: 'kabkota',
	province_code: '32',
	province_name: 'Jawa Barat',
	population_2025: 3_273_870,
	area_km2: 1273.88
};

describe('regionsFromApi', () => {
	it('maps the snake_case fields to the Region type', () => {
		expect(regionsFromApi({ regions: [apiRegion] })).toEqual([
			{
				code: '32.16',
				bpsCode: '3216',
				name: 'Kabupaten Bekasi',
				shortName: 'Bekasi',
				level: 'kabkota',
				provinceCode: '32',
				provinceName: 'Jawa Barat',
				population2025: 3_273_870,
				areaKm2: 1273.88
			}
		]);
	});

	it('keeps nulls for provinces without a BPS code or area', () => {
		const [region] = regionsFromApi({
			regions: [{ ...apiRegion, code: '32', bps_code: null, level: 'provinsi', area_km2: null }]
		});
		expect(region?.bpsCode).toBeNull();
		expect(region?.areaKm2).toBeNull();
	});

	it('refuses a body of another shape', () => {
		expect(() => regionsFromApi({})).toThrow(/regions/);
		expect(() => regionsFromApi({ regions: [{ ...apiRegion, level: 'desa' }] })).toThrow(
			/malformed/
		);
		expect(() => regionsFromApi(null)).toThrow();
	});
});

describe('fetchRegions', () => {
	it('asks /api/regions and reports a failed answer', async () => {
		const ok = (async () => Response.json({ regions: [apiRegion] })) as unknown as typeof fetch;
		await expect(fetchRegions(ok)).resolves.toHaveLength(1);
		const failing = (async () => new Response('no', { status: 500 })) as unknown as typeof fetch;
		await expect(fetchRegions(failing)).rejects.toThrow(/500/);
	});
});
