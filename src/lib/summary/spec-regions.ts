/** Crafted regions for the summary specs (not shipped: only specs import this module). */
import type { Region } from '$lib/regions/region';

export function region(code: string, name: string, over: Partial<Region> = {}): Region {
	const province = code.slice(0, 2);
	return {
		code,
		bpsCode: null,
		name,
		shortName: name,
		level: code.includes('.') ? 'kabkota' : 'provinsi',
		provinceCode: province,
		provinceName: province === '32' ? 'Jawa Barat' : 'Kepulauan Bangka Belitung',
		population2025: 1_000_000,
		areaKm2: null,
		...over
	};
}

export const JABAR = region('32', 'Jawa Barat');
export const BABEL = region('19', 'Kepulauan Bangka Belitung');
export const BEKASI = region('32.16', 'Kabupaten Bekasi');
export const BOGOR = region('32.01', 'Kabupaten Bogor');
export const KOTA_BEKASI = region('32.75', 'Kota Bekasi');
export const BANGKA = region('19.01', 'Kabupaten Bangka');

export const REGIONS = [BABEL, BANGKA, JABAR, BOGOR, BEKASI, KOTA_BEKASI];
