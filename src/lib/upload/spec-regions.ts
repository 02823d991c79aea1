/** A few real regions for the upload specs; Bangka Barat's BPS code differs from its own. */
import type { Region } from '$lib/regions/region';
import { createRegionResolver } from '$lib/regions/resolve-region';

const PROVINCES: Record<string, string> = {
	'19': 'Kepulauan Bangka Belitung',
	'32': 'Jawa Barat',
	'33': 'Jawa Tengah'
};

const region = (
	code: string,
	name: string,
	shortName: string,
	bpsCode: string | null = null
): Region => ({
	code,
	bpsCode,
	name,
	shortName,
	level: code.includes('.') ? 'kabkota' : 'provinsi',
	provinceCode: code.slice(0, 2),
	provinceName: PROVINCES[code.slice(0, 2)] ?? '',
	population2025: 1000,
	areaKm2: null
});

export const SPEC_REGIONS: Region[] = [
	region('32', 'Jawa Barat', 'Jawa Barat'),
	region('32.16', 'Kabupaten Bekasi', 'Bekasi', '3216'),
	region('32.75', 'Kota Bekasi', 'Bekasi', '3275'),
	region('33', 'Jawa Tengah', 'Jawa Tengah'),
	region('33.74', 'Kota Semarang', 'Semarang', '3374'),
	region('19', 'Kepulauan Bangka Belitung', 'Kep. Bangka Belitung'),
	region('19.05', 'Kabupaten Bangka Barat', 'Bangka Barat', '1903')
];

export const specResolver = createRegionResolver(SPEC_REGIONS);
