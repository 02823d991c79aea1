/**
 * Indicators of Koperasi Desa/Kelurahan Merah Putih (KDKMP), from the SIMKOPDES export of
 * 5 August 2026 and the Kepmendagri 2025 village list. One snapshot in 2026: the province file of
 * 9 July 2026 is an earlier point of the same year, not a year of its own.
 */
import type { FactId } from './datasets';
import type { Formula, Indicator, IndicatorUnit, Normalisation } from './indicators';

const SNAPSHOT = {
	id: ' Potret SIMKOPDES 5 Agustus 2026 (angka tahun 2026).',
	en: ' SIMKOPDES snapshot of 5 August 2026 (a 2026 figure).'
};

function kdkmp(
	id: string,
	unit: IndicatorUnit,
	label: Indicator['label'],
	definition: Indicator['definition'],
	formula: Formula,
	normalisations: readonly Normalisation[] = ['total'],
	snapshot = SNAPSHOT
): Indicator {
	return {
		id,
		theme: 'kdkmp',
		label,
		definition: {
			id: definition.id + snapshot.id,
			en: definition.en + snapshot.en
		},
		unit,
		formula,
		higherIsBetter: true,
		normalisations
	};
}

const share = (fact: FactId): Formula => ({
	numerator: [fact],
	denominator: ['kdkmp_koperasi'],
	scale: 100
});

export const KDKMP_INDICATORS: readonly Indicator[] = [
	kdkmp(
		'kdkmp_koperasi',
		'unit',
		{ id: 'Koperasi Merah Putih', en: 'Merah Putih village cooperatives' },
		{
			id: 'Koperasi Desa/Kelurahan Merah Putih berbadan hukum yang tercatat di SIMKOPDES.',
			en: 'Village cooperatives of the Merah Putih programme with legal entity status in SIMKOPDES.'
		},
		{ numerator: ['kdkmp_koperasi'] },
		['total', 'population']
	),
	kdkmp(
		'desa_kelurahan',
		'unit',
		{ id: 'Desa dan kelurahan', en: 'Villages (desa and kelurahan)' },
		{
			id: 'Desa, kelurahan dan desa adat menurut kode wilayah Kepmendagri 300.2.2-2138/2025, daftar yang berlaku pada 2026.',
			en: 'Desa, kelurahan and customary villages in the Kepmendagri 300.2.2-2138/2025 code list, the list in force in 2026.'
		},
		{ numerator: ['desa_kelurahan'] },
		['total'],
		{ id: '', en: '' }
	),
	kdkmp(
		'kdkmp_cakupan_desa',
		'persen',
		{ id: 'Cakupan desa/kelurahan Merah Putih', en: 'Village coverage of Merah Putih' },
		{
			id: 'Koperasi Merah Putih dibagi jumlah desa dan kelurahan (Kepmendagri 2025); program menargetkan satu koperasi per desa/kelurahan.',
			en: 'Merah Putih cooperatives over villages (desa and kelurahan, Kepmendagri 2025); the programme aims at one per village.'
		},
		{ numerator: ['kdkmp_koperasi'], denominator: ['desa_kelurahan'], scale: 100 }
	),
	kdkmp(
		'kdkmp_persen_nib',
		'persen',
		{ id: 'Koperasi Merah Putih ber-NIB', en: 'Merah Putih cooperatives with a NIB' },
		{
			id: 'Koperasi Merah Putih yang memiliki Nomor Induk Berusaha dibagi seluruh Koperasi Merah Putih.',
			en: 'Merah Putih cooperatives with a business id (NIB) over all of them.'
		},
		share('kdkmp_nib')
	),
	kdkmp(
		'kdkmp_persen_npwp',
		'persen',
		{ id: 'Koperasi Merah Putih ber-NPWP', en: 'Merah Putih cooperatives with a tax number' },
		{
			id: 'Koperasi Merah Putih yang memiliki NPWP dibagi seluruh Koperasi Merah Putih.',
			en: 'Merah Putih cooperatives with a tax number (NPWP) over all of them.'
		},
		share('kdkmp_npwp')
	),
	kdkmp(
		'kdkmp_persen_rekening',
		'persen',
		{
			id: 'Koperasi Merah Putih dengan rekening bank',
			en: 'Merah Putih cooperatives with a bank account'
		},
		{
			id: 'Koperasi Merah Putih yang memiliki rekening bank dibagi seluruh Koperasi Merah Putih.',
			en: 'Merah Putih cooperatives with a bank account over all of them.'
		},
		share('kdkmp_rekening')
	),
	kdkmp(
		'kdkmp_simpanan_per_koperasi',
		'rupiah',
		{ id: 'Simpanan per Koperasi Merah Putih', en: 'Savings per Merah Putih cooperative' },
		{
			id: 'Simpanan pokok dan simpanan wajib yang tercatat dibagi jumlah Koperasi Merah Putih.',
			en: 'Recorded principal and mandatory savings over Merah Putih cooperatives.'
		},
		{
			numerator: ['kdkmp_simpanan_pokok', 'kdkmp_simpanan_wajib'],
			denominator: ['kdkmp_koperasi']
		}
	),
	kdkmp(
		'kdkmp_simpanan_per_anggota',
		'rupiah',
		{ id: 'Simpanan per anggota Koperasi Merah Putih', en: 'Savings per Merah Putih member' },
		{
			id: 'Simpanan pokok dan simpanan wajib dibagi anggota yang tercatat membayar simpanan pokok (SIMKOPDES tidak memuat jumlah anggota per wilayah).',
			en: 'Principal and mandatory savings over members recorded as paying principal savings (SIMKOPDES gives no member count per region).'
		},
		{
			numerator: ['kdkmp_simpanan_pokok', 'kdkmp_simpanan_wajib'],
			denominator: ['kdkmp_anggota_simpanan_pokok']
		}
	),
	kdkmp(
		'kdkmp_persen_lapor_transaksi',
		'persen',
		{
			id: 'Kab/kota yang melaporkan transaksi Merah Putih',
			en: 'Regencies/cities reporting Merah Putih trade'
		},
		{
			id: 'Kab/kota dengan nilai transaksi SIMKOPDES di atas nol dibagi kab/kota yang tercatat (nilai 0 berarti tidak dilaporkan; ekspor tidak memuat jumlah koperasi yang melapor). Untuk satu kab/kota: 100 % = melapor, 0 % = tidak.',
			en: 'Regencies/cities with SIMKOPDES trade above zero over those listed (0 means not reported; the export has no count of reporting cooperatives). For one regency/city: 100 % = reported, 0 % = not.'
		},
		{
			numerator: ['kdkmp_kabkota_lapor_transaksi'],
			denominator: ['kdkmp_kabkota_terdata'],
			scale: 100
		}
	),
	kdkmp(
		'kdkmp_transaksi_per_koperasi',
		'rupiah',
		{
			id: 'Nilai transaksi per Koperasi Merah Putih',
			en: 'Reported trade per Merah Putih cooperative'
		},
		{
			id: 'Nilai transaksi yang dilaporkan lewat SIMKOPDES dibagi jumlah Koperasi Merah Putih (0 = tidak dilaporkan, bukan tidak aktif).',
			en: 'Trade reported through SIMKOPDES over Merah Putih cooperatives (0 = not reported, not inactive).'
		},
		{ numerator: ['kdkmp_nilai_transaksi'], denominator: ['kdkmp_koperasi'] }
	),
	kdkmp(
		'kdkmp_persen_sehat',
		'persen',
		{
			id: 'Koperasi Merah Putih sehat dan cukup sehat',
			en: 'Merah Putih cooperatives healthy or fairly healthy'
		},
		{
			id: 'Koperasi yang dinilai sehat atau cukup sehat dibagi koperasi yang dinilai kesehatan keuangannya (hanya tingkat provinsi).',
			en: 'Cooperatives rated healthy or fairly healthy over those whose financial health was rated (provinces only).'
		},
		{
			numerator: ['kdkmp_sehat', 'kdkmp_cukup_sehat'],
			denominator: ['kdkmp_dinilai_kesehatan'],
			scale: 100
		}
	)
];
