/**
 * What the dashboard's first page shows: the headline indicators (one card each), the default
 * regions and the default chart indicator.
 */
import {
	findIndicator,
	type Indicator,
	type Normalisation,
	type Theme
} from '$lib/catalogue/indicators';

export interface HeadlineItem {
	indicator: string;
	per: Normalisation;
}

export const HEADLINE: readonly HeadlineItem[] = [
	{ indicator: 'koperasi_aktif', per: 'population' },
	{ indicator: 'kepatuhan_rat', per: 'total' },
	{ indicator: 'anggota_per_koperasi', per: 'total' },
	{ indicator: 'volume_usaha_per_koperasi', per: 'total' },
	{ indicator: 'rasio_modal_sendiri', per: 'total' },
	{ indicator: 'kur_realisasi', per: 'population' },
	{ indicator: 'jumlah_umkm', per: 'population' },
	{ indicator: 'persen_umkm_luar_daerah', per: 'total' },
	{ indicator: 'galeri_produk', per: 'population' }
];

export const THEMES: readonly Theme[] = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'kdkmp'];

/** Kabupaten Bekasi against Kepulauan Bangka Belitung: the first users' own comparison. */
export const DEFAULT_FOCUS = '32.16';
export const DEFAULT_BENCHMARK = '19';
export const DEFAULT_CHART_INDICATOR = 'koperasi_aktif';

/** The headline's normalisation for a headline indicator; else per resident when allowed. */
export function defaultPer(indicator: Indicator): Normalisation {
	const headline = HEADLINE.find((h) => h.indicator === indicator.id);
	if (headline) return headline.per;
	return indicator.normalisations.includes('population') ? 'population' : 'total';
}

/** Whether figures of regions of different size compare fairly under this normalisation. */
export function isNormalised(indicator: Indicator, per: Normalisation): boolean {
	return per !== 'total' || indicator.formula.denominator !== undefined;
}

/** The catalogue entry of a headline item; the list above only names catalogue ids. */
export function headlineIndicator(item: HeadlineItem): Indicator {
	const indicator = findIndicator(item.indicator);
	if (!indicator) throw new Error(`Headline indicator ${item.indicator} is not in the catalogue`);
	return indicator;
}
