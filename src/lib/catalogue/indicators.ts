/**
 * The indicator catalogue: every figure the product shows is one of these, computed from the
 * additive facts at query time. Pages, the API and exports all read this module.
 */
import { datasetOfFact, type DatasetKind, type FactId } from './datasets';
import { KDKMP_INDICATORS } from './kdkmp-indicators';

export type Theme = 'koperasi' | 'pembiayaan' | 'jangkauan_pasar' | 'kdkmp';
export type Normalisation = 'total' | 'population' | 'cooperative' | 'member';
export type IndicatorUnit = 'unit' | 'orang' | 'rupiah' | 'persen' | 'rasio';

export const NORMALISATIONS: readonly Normalisation[] = [
	'total',
	'population',
	'cooperative',
	'member'
];

export interface Formula {
	/** Summed facts over the numerator. */
	numerator: readonly FactId[];
	/** Summed facts under the line; absent for a base fact. */
	denominator?: readonly FactId[];
	/** Multiplier after division (100 for a percentage). */
	scale?: number;
}

export interface Indicator {
	id: string;
	theme: Theme;
	label: { id: string; en: string };
	definition: { id: string; en: string };
	unit: IndicatorUnit;
	formula: Formula;
	higherIsBetter: boolean;
	normalisations: readonly Normalisation[];
}

/** The fact each normalisation divides by, and how many of it (per 100,000 residents). */
export const NORMALISER: Record<
	Exclude<Normalisation, 'total'>,
	{ fact: FactId; per: number; label: { id: string; en: string } }
> = {
	population: {
		fact: 'jumlah_penduduk',
		per: 100_000,
		label: { id: 'per 100.000 penduduk', en: 'per 100,000 residents' }
	},
	cooperative: {
		fact: 'koperasi_aktif',
		per: 1,
		label: { id: 'per koperasi aktif', en: 'per active cooperative' }
	},
	member: { fact: 'jumlah_anggota', per: 1, label: { id: 'per anggota', en: 'per member' } }
};

export const NORMALISATION_LABEL: Record<Normalisation, { id: string; en: string }> = {
	total: { id: 'total', en: 'total' },
	population: NORMALISER.population.label,
	cooperative: NORMALISER.cooperative.label,
	member: NORMALISER.member.label
};

const ALL: readonly Normalisation[] = NORMALISATIONS;
const NOT_PER_COOP: readonly Normalisation[] = ['total', 'population', 'member'];
const TOTAL_ONLY: readonly Normalisation[] = ['total'];

function base(
	id: FactId,
	theme: Theme,
	unit: IndicatorUnit,
	label: Indicator['label'],
	definition: Indicator['definition'],
	normalisations: readonly Normalisation[] = ALL,
	higherIsBetter = true
): Indicator {
	return {
		id,
		theme,
		label,
		definition,
		unit,
		formula: { numerator: [id] },
		higherIsBetter,
		normalisations
	};
}

function ratio(
	id: string,
	theme: Theme,
	unit: IndicatorUnit,
	label: Indicator['label'],
	definition: Indicator['definition'],
	formula: Formula,
	higherIsBetter = true
): Indicator {
	return {
		id,
		theme,
		label,
		definition,
		unit,
		formula,
		higherIsBetter,
		normalisations: TOTAL_ONLY
	};
}

export const INDICATORS: readonly Indicator[] = [
	// Koperasi
	base(
		'jumlah_koperasi',
		'koperasi',
		'unit',
		{ id: 'Jumlah koperasi', en: 'Registered cooperatives' },
		{
			id: 'Koperasi berbadan hukum yang terdaftar (aktif dan tidak aktif).',
			en: 'Cooperatives with legal entity status, active and inactive.'
		},
		NOT_PER_COOP
	),
	base(
		'koperasi_aktif',
		'koperasi',
		'unit',
		{ id: 'Koperasi aktif', en: 'Active cooperatives' },
		{
			id: 'Koperasi yang menyelenggarakan RAT atau berusaha dalam periode terakhir (definisi Kemenkop).',
			en: 'Cooperatives that held an annual meeting or traded in the recent period (ministry definition).'
		},
		NOT_PER_COOP
	),
	base(
		'koperasi_rat',
		'koperasi',
		'unit',
		{ id: 'Koperasi yang melaksanakan RAT', en: 'Cooperatives holding their annual meeting' },
		{
			id: 'Koperasi aktif yang melaksanakan Rapat Anggota Tahunan.',
			en: 'Active cooperatives that held the annual members’ meeting (RAT).'
		}
	),
	base(
		'jumlah_anggota',
		'koperasi',
		'orang',
		{ id: 'Jumlah anggota', en: 'Members' },
		{
			id: 'Anggota koperasi yang tercatat dalam buku daftar anggota.',
			en: 'Members recorded in the cooperatives’ member registers.'
		},
		['total', 'population', 'cooperative']
	),
	base(
		'jumlah_manajer',
		'koperasi',
		'orang',
		{ id: 'Jumlah manajer', en: 'Managers' },
		{
			id: 'Manajer yang diangkat pengurus untuk mengelola usaha koperasi.',
			en: 'Managers hired by the board to run the business.'
		}
	),
	base(
		'jumlah_karyawan',
		'koperasi',
		'orang',
		{ id: 'Jumlah karyawan', en: 'Employees' },
		{
			id: 'Orang yang dipekerjakan dan digaji koperasi.',
			en: 'People employed and paid by cooperatives.'
		}
	),
	ratio(
		'persen_koperasi_aktif',
		'koperasi',
		'persen',
		{ id: 'Persentase koperasi aktif', en: 'Share of cooperatives active' },
		{
			id: 'Koperasi aktif dibagi jumlah koperasi.',
			en: 'Active cooperatives over all registered.'
		},
		{ numerator: ['koperasi_aktif'], denominator: ['jumlah_koperasi'], scale: 100 }
	),
	ratio(
		'kepatuhan_rat',
		'koperasi',
		'persen',
		{ id: 'Kepatuhan RAT', en: 'Annual-meeting compliance' },
		{
			id: 'Koperasi yang melaksanakan RAT dibagi koperasi aktif.',
			en: 'Cooperatives holding their annual meeting over active cooperatives.'
		},
		{ numerator: ['koperasi_rat'], denominator: ['koperasi_aktif'], scale: 100 }
	),
	ratio(
		'anggota_per_koperasi',
		'koperasi',
		'orang',
		{ id: 'Anggota per koperasi aktif', en: 'Members per active cooperative' },
		{ id: 'Jumlah anggota dibagi koperasi aktif.', en: 'Members over active cooperatives.' },
		{ numerator: ['jumlah_anggota'], denominator: ['koperasi_aktif'] }
	),
	// Pembiayaan
	base(
		'modal_sendiri',
		'pembiayaan',
		'rupiah',
		{ id: 'Modal sendiri', en: 'Own capital' },
		{
			id: 'Simpanan pokok, simpanan wajib, dana cadangan dan hibah.',
			en: 'Principal and mandatory savings, reserves and grants.'
		}
	),
	base(
		'modal_luar',
		'pembiayaan',
		'rupiah',
		{ id: 'Modal luar', en: 'Outside capital' },
		{
			id: 'Modal pinjaman dari anggota, koperasi lain, bank dan sumber lain.',
			en: 'Capital borrowed from members, other cooperatives, banks and others.'
		}
	),
	base(
		'aset',
		'pembiayaan',
		'rupiah',
		{ id: 'Aset', en: 'Assets' },
		{ id: 'Total aset koperasi.', en: 'Total cooperative assets.' }
	),
	base(
		'volume_usaha',
		'pembiayaan',
		'rupiah',
		{ id: 'Volume usaha', en: 'Business volume' },
		{
			id: 'Nilai penjualan atau pendapatan barang dan jasa dalam satu tahun buku.',
			en: 'Sales or revenue from goods and services in the book year.'
		}
	),
	base(
		'shu',
		'pembiayaan',
		'rupiah',
		{ id: 'Sisa hasil usaha (SHU)', en: 'Surplus (SHU)' },
		{
			id: 'Pendapatan satu tahun buku dikurangi biaya, penyusutan dan kewajiban termasuk pajak.',
			en: 'Book-year income minus costs, depreciation and obligations including tax.'
		}
	),
	base(
		'pinjaman_diberikan',
		'pembiayaan',
		'rupiah',
		{ id: 'Pinjaman diberikan', en: 'Loans disbursed' },
		{
			id: 'Pinjaman yang disalurkan koperasi simpan pinjam kepada anggota.',
			en: 'Loans disbursed to members by savings-and-loan cooperatives.'
		}
	),
	base(
		'kur_realisasi',
		'pembiayaan',
		'rupiah',
		{ id: 'Realisasi KUR', en: 'KUR credit disbursed' },
		{
			id: 'Kredit Usaha Rakyat yang disalurkan dalam setahun.',
			en: 'People’s Business Credit (KUR) disbursed in the year.'
		},
		['total', 'population']
	),
	base(
		'kur_debitur',
		'pembiayaan',
		'orang',
		{ id: 'Debitur KUR', en: 'KUR debtors' },
		{ id: 'Jumlah penerima KUR dalam setahun.', en: 'KUR borrowers in the year.' },
		['total', 'population']
	),
	ratio(
		'volume_usaha_per_anggota',
		'pembiayaan',
		'rupiah',
		{ id: 'Volume usaha per anggota', en: 'Business volume per member' },
		{ id: 'Volume usaha dibagi jumlah anggota.', en: 'Business volume over members.' },
		{ numerator: ['volume_usaha'], denominator: ['jumlah_anggota'] }
	),
	ratio(
		'volume_usaha_per_koperasi',
		'pembiayaan',
		'rupiah',
		{ id: 'Volume usaha per koperasi aktif', en: 'Business volume per active cooperative' },
		{ id: 'Volume usaha dibagi koperasi aktif.', en: 'Business volume over active cooperatives.' },
		{ numerator: ['volume_usaha'], denominator: ['koperasi_aktif'] }
	),
	ratio(
		'rasio_modal_sendiri',
		'pembiayaan',
		'persen',
		{ id: 'Rasio modal sendiri', en: 'Own-capital ratio' },
		{
			id: 'Modal sendiri dibagi jumlah modal sendiri dan modal luar.',
			en: 'Own capital over own plus outside capital.'
		},
		{ numerator: ['modal_sendiri'], denominator: ['modal_sendiri', 'modal_luar'], scale: 100 }
	),
	ratio(
		'marjin_shu',
		'pembiayaan',
		'persen',
		{ id: 'Marjin SHU', en: 'Surplus margin' },
		{ id: 'SHU dibagi volume usaha.', en: 'Surplus over business volume.' },
		{ numerator: ['shu'], denominator: ['volume_usaha'], scale: 100 }
	),
	// Jangkauan pasar
	base(
		'jumlah_umkm',
		'jangkauan_pasar',
		'unit',
		{ id: 'Jumlah UMKM', en: 'MSMEs' },
		{
			id: 'Usaha mikro, kecil dan menengah (UU 20/2008).',
			en: 'Micro, small and medium enterprises (Law 20/2008).'
		},
		['total', 'population']
	),
	base(
		'umkm_pemasaran_luar_daerah',
		'jangkauan_pasar',
		'unit',
		{ id: 'UMKM yang menjual ke luar daerah', en: 'MSMEs selling outside the region' },
		{
			id: 'UMKM yang memasarkan produk ke luar kabupaten/kota atau provinsinya.',
			en: 'MSMEs selling beyond their own regency/city or province.'
		},
		['total', 'population']
	),
	base(
		'umkm_ekspor',
		'jangkauan_pasar',
		'unit',
		{ id: 'UMKM eksportir', en: 'Exporting MSMEs' },
		{ id: 'UMKM yang mengekspor.', en: 'MSMEs that export.' },
		['total', 'population']
	),
	base(
		'umkm_daring',
		'jangkauan_pasar',
		'unit',
		{ id: 'UMKM yang menjual daring', en: 'MSMEs selling online' },
		{
			id: 'UMKM yang berjualan lewat lokapasar, aplikasi atau e-katalog.',
			en: 'MSMEs selling through marketplaces, apps or e-catalogues.'
		},
		['total', 'population']
	),
	base(
		'penjualan_total',
		'jangkauan_pasar',
		'rupiah',
		{ id: 'Penjualan UMKM', en: 'MSME sales' },
		{ id: 'Nilai penjualan UMKM dalam setahun.', en: 'MSME sales in the year.' },
		['total', 'population']
	),
	base(
		'penjualan_luar_daerah',
		'jangkauan_pasar',
		'rupiah',
		{ id: 'Penjualan ke luar daerah', en: 'Sales outside the region' },
		{ id: 'Nilai penjualan UMKM ke luar daerah.', en: 'MSME sales outside the region.' },
		['total', 'population']
	),
	base(
		'nilai_ekspor',
		'jangkauan_pasar',
		'rupiah',
		{ id: 'Nilai ekspor UMKM', en: 'MSME export value' },
		{ id: 'Nilai ekspor UMKM dalam setahun.', en: 'MSME exports in the year.' },
		['total', 'population']
	),
	base(
		'galeri_produk',
		'jangkauan_pasar',
		'unit',
		{ id: 'Galeri produk permanen', en: 'Permanent product galleries' },
		{
			id: 'Galeri atau ruang pamer tetap untuk produk UMKM dan koperasi.',
			en: 'Permanent galleries or showrooms for MSME and cooperative products.'
		},
		['total', 'population']
	),
	base(
		'keikutsertaan_pameran',
		'jangkauan_pasar',
		'unit',
		{ id: 'Keikutsertaan pameran', en: 'Exhibition participations' },
		{
			id: 'Jumlah keikutsertaan UMKM/koperasi dalam pameran setahun.',
			en: 'Exhibition participations by MSMEs and cooperatives in the year.'
		},
		['total', 'population']
	),
	ratio(
		'persen_umkm_luar_daerah',
		'jangkauan_pasar',
		'persen',
		{ id: 'UMKM yang menjual ke luar daerah', en: 'Share of MSMEs selling outside the region' },
		{
			id: 'UMKM yang menjual ke luar daerah dibagi jumlah UMKM.',
			en: 'MSMEs selling outside the region over all MSMEs.'
		},
		{ numerator: ['umkm_pemasaran_luar_daerah'], denominator: ['jumlah_umkm'], scale: 100 }
	),
	ratio(
		'persen_umkm_ekspor',
		'jangkauan_pasar',
		'persen',
		{ id: 'UMKM eksportir', en: 'Share of MSMEs exporting' },
		{ id: 'UMKM eksportir dibagi jumlah UMKM.', en: 'Exporting MSMEs over all MSMEs.' },
		{ numerator: ['umkm_ekspor'], denominator: ['jumlah_umkm'], scale: 100 }
	),
	ratio(
		'persen_umkm_daring',
		'jangkauan_pasar',
		'persen',
		{ id: 'UMKM yang menjual daring', en: 'Share of MSMEs selling online' },
		{ id: 'UMKM daring dibagi jumlah UMKM.', en: 'Online MSMEs over all MSMEs.' },
		{ numerator: ['umkm_daring'], denominator: ['jumlah_umkm'], scale: 100 }
	),
	ratio(
		'persen_penjualan_luar_daerah',
		'jangkauan_pasar',
		'persen',
		{ id: 'Porsi penjualan ke luar daerah', en: 'Outside-region share of sales' },
		{
			id: 'Penjualan ke luar daerah dibagi penjualan UMKM.',
			en: 'Sales outside the region over all MSME sales.'
		},
		{ numerator: ['penjualan_luar_daerah'], denominator: ['penjualan_total'], scale: 100 }
	),
	...KDKMP_INDICATORS
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function findIndicator(id: string): Indicator | undefined {
	return BY_ID.get(id);
}

/** Every fact a query needs for this indicator under this normalisation. */
export function factsNeeded(indicator: Indicator, per: Normalisation): FactId[] {
	const facts = new Set<FactId>([
		...indicator.formula.numerator,
		...(indicator.formula.denominator ?? [])
	]);
	if (per !== 'total') facts.add(NORMALISER[per].fact);
	return [...facts];
}

/** The fact datasets an indicator's own formula reads (the population divisor aside). */
export function indicatorDatasets(indicator: Indicator): DatasetKind[] {
	const { numerator, denominator = [] } = indicator.formula;
	return [...new Set([...numerator, ...denominator].map((fact) => datasetOfFact(fact).kind))];
}

export type FactValues = Partial<Record<FactId, number | null>>;

function sumOf(facts: readonly FactId[], values: FactValues): number | null {
	let total = 0;
	for (const fact of facts) {
		const v = values[fact];
		if (v === null || v === undefined) return null;
		total += v;
	}
	return total;
}

/**
 * The indicator's value from summed facts; null when an input is missing or a divisor is zero.
 * The SQL compiler implements the same arithmetic; tests hold the two to each other.
 */
export function evaluateIndicator(
	indicator: Indicator,
	per: Normalisation,
	values: FactValues
): number | null {
	const numerator = sumOf(indicator.formula.numerator, values);
	if (numerator === null) return null;
	let value = numerator;
	if (indicator.formula.denominator) {
		const denominator = sumOf(indicator.formula.denominator, values);
		if (!denominator) return null;
		value = value / denominator;
	}
	value *= indicator.formula.scale ?? 1;
	if (per !== 'total') {
		const { fact, per: scale } = NORMALISER[per];
		const divisor = values[fact];
		if (!divisor) return null;
		value = (value * scale) / divisor;
	}
	return value;
}
