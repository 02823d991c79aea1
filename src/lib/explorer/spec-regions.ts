/** Test fixture (only specs import this module): a few real regions with their 2025 population. */
import type { Region } from '$lib/regions/region';

export function region(code: string, name: string, population = 1): Region {
	const provinceCode = code.slice(0, 2);
	return {
		code,
		bpsCode: null,
		name,
		shortName: name.replace(/^(Kabupaten|Kota) /, ''),
		level: code.includes('.') ? 'kabkota' : 'provinsi',
		provinceCode,
		provinceName: provinceCode === '32' ? 'Jawa Barat' : 'Kepulauan Bangka Belitung',
		population2025: population,
		areaKm2: null
	};
}

export const REGIONS: readonly Region[] = [
	region('19', 'Kepulauan Bangka Belitung', 1_531_000),
	region('19.01', 'Kabupaten Bangka', 350_000),
	region('19.71', 'Kota Pangkal Pinang', 230_000),
	region('32', 'Jawa Barat', 50_345_000),
	region('32.01', 'Kabupaten Bogor', 5_680_000),
	region('32.04', 'Kabupaten Bandung', 3_750_000),
	region('32.16', 'Kabupaten Bekasi', 3_270_000),
	region('32.73', 'Kota Bandung', 2_580_000),
	region('32.75', 'Kota Bekasi', 2_600_000),
	region('32.78', 'Kota Tasikmalaya', 740_000)
];
