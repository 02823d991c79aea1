/**
 * The stored datasets and their additive facts. Everything else (indicators, CSV validation,
 * the database schema) is derived from this one description.
 */

export type DatasetKind = 'koperasi' | 'pembiayaan' | 'jangkauan_pasar' | 'penduduk' | 'kdkmp';

export type FactUnit = 'unit' | 'orang' | 'rupiah';

/**
 * How a figure adds up over time, which decides how quarters or months make a year: a stock
 * (counts, members, capital, assets) is a state at one moment, so a year takes its last period; a
 * flow (volume, SHU, loans, KUR, sales) happens during the period, so a year is their sum.
 */
export type FactKind = 'stock' | 'flow';

export interface FactDefinition {
	/** Column name in CSV files and in DuckDB. */
	id: string;
	unit: FactUnit;
	kind: FactKind;
	/** Some facts (SHU: a loss year) may legitimately be negative. */
	allowNegative?: boolean;
	/** English header synonyms accepted on upload, besides the id itself. */
	aliases: string[];
}

export interface DatasetDefinition {
	kind: DatasetKind;
	label: { id: string; en: string };
	/** Optional breakdown column; `semua` means the row covers the whole region. */
	dimension?: { id: string; aliases: string[]; allValue: 'semua' };
	/** Whether rows may describe single cooperatives (id_koperasi, nama_koperasi). */
	perCooperative: boolean;
	facts: readonly FactDefinition[];
}

const count = (id: string, aliases: string[] = [], kind: FactKind = 'stock'): FactDefinition => ({
	id,
	unit: 'unit',
	kind,
	aliases
});
const persons = (id: string, aliases: string[] = [], kind: FactKind = 'stock'): FactDefinition => ({
	id,
	unit: 'orang',
	kind,
	aliases
});
const rupiah = (
	id: string,
	kind: FactKind,
	aliases: string[] = [],
	allowNegative = false
): FactDefinition => ({ id, unit: 'rupiah', kind, aliases, allowNegative });

export const DATASETS = {
	koperasi: {
		kind: 'koperasi',
		label: { id: 'Koperasi', en: 'Cooperatives' },
		dimension: {
			id: 'jenis_koperasi',
			aliases: ['cooperative_type', 'jenis', 'type'],
			allValue: 'semua'
		},
		perCooperative: true,
		facts: [
			count('jumlah_koperasi', ['cooperatives', 'total_cooperatives', 'jumlah_koperasi_total']),
			count('koperasi_aktif', ['active_cooperatives', 'active', 'jumlah_koperasi_aktif']),
			count('koperasi_rat', ['cooperatives_with_rat', 'rat', 'rat_count']),
			persons('jumlah_anggota', ['members', 'anggota']),
			persons('jumlah_manajer', ['managers', 'manajer', 'jumlah_manager']),
			persons('jumlah_karyawan', ['employees', 'karyawan'])
		]
	},
	pembiayaan: {
		kind: 'pembiayaan',
		label: { id: 'Pembiayaan', en: 'Financing' },
		perCooperative: true,
		facts: [
			rupiah('modal_sendiri', 'stock', ['own_capital', 'equity']),
			rupiah('modal_luar', 'stock', ['outside_capital', 'borrowed_capital']),
			rupiah('aset', 'stock', ['assets', 'total_assets']),
			rupiah('volume_usaha', 'flow', ['business_volume', 'turnover']),
			rupiah('shu', 'flow', ['surplus', 'sisa_hasil_usaha'], true),
			rupiah('pinjaman_diberikan', 'flow', ['loans_disbursed', 'loans']),
			rupiah('kur_realisasi', 'flow', ['kur_disbursed', 'kur']),
			persons('kur_debitur', ['kur_debtors'], 'flow')
		]
	},
	jangkauan_pasar: {
		kind: 'jangkauan_pasar',
		label: { id: 'Jangkauan pasar', en: 'Market reach' },
		dimension: {
			id: 'kategori_usaha',
			aliases: ['business_category', 'kategori', 'category'],
			allValue: 'semua'
		},
		perCooperative: false,
		facts: [
			count('jumlah_umkm', ['msme', 'umkm', 'msmes', 'proyeksi_jumlah_umkm']),
			count('umkm_pemasaran_luar_daerah', ['msme_selling_outside_region']),
			count('umkm_ekspor', ['msme_exporting', 'exporters']),
			count('umkm_daring', ['msme_online', 'online']),
			rupiah('penjualan_total', 'flow', ['total_sales', 'sales']),
			rupiah('penjualan_luar_daerah', 'flow', ['sales_outside_region']),
			rupiah('nilai_ekspor', 'flow', ['export_value', 'exports']),
			count('galeri_produk', ['product_galleries', 'galleries']),
			count('keikutsertaan_pameran', ['exhibition_participations', 'exhibitions'], 'flow')
		]
	},
	penduduk: {
		kind: 'penduduk',
		label: { id: 'Penduduk', en: 'Population' },
		perCooperative: false,
		facts: [persons('jumlah_penduduk', ['population', 'penduduk'])]
	},
	// Koperasi Desa/Kelurahan Merah Putih: one programme, its own register (SIMKOPDES), kept apart
	// from `koperasi` so that its snapshot never adds into the Dinas counts of all cooperatives.
	kdkmp: {
		kind: 'kdkmp',
		label: { id: 'Koperasi Merah Putih (SIMKOPDES)', en: 'Merah Putih village cooperatives' },
		perCooperative: false,
		facts: [
			count('kdkmp_koperasi', ['kdkmp_cooperatives']),
			count('kdkmp_rekening', ['accounts_count']),
			count('kdkmp_npwp', ['npwp_count']),
			count('kdkmp_nib', ['nib_count']),
			rupiah('kdkmp_simpanan_pokok', 'stock', ['simpanan_pokok_amount']),
			rupiah('kdkmp_simpanan_wajib', 'stock', ['simpanan_wajib_amount']),
			persons('kdkmp_anggota_simpanan_pokok', ['simpanan_pokok_members']),
			rupiah('kdkmp_nilai_transaksi', 'flow', ['transaction_value']),
			count('kdkmp_kabkota_lapor_transaksi', ['districts_reporting_transactions']),
			count('kdkmp_kabkota_terdata', ['districts_listed']),
			count('kdkmp_dinilai_kesehatan', ['health_total_cooperative']),
			count('kdkmp_sehat', ['healthy_count']),
			count('kdkmp_cukup_sehat', ['fairly_healthy_count']),
			count('kdkmp_tidak_sehat', ['unhealthy_count']),
			count('desa_kelurahan', ['villages', 'desa_kelurahan_total'])
		]
	}
} as const satisfies Record<DatasetKind, DatasetDefinition>;

export const DATASET_KINDS = Object.keys(DATASETS) as DatasetKind[];

export const FACT_DATASETS = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'kdkmp'] as const;

export type FactId = (typeof DATASETS)[DatasetKind]['facts'][number]['id'];

export const DATA_STATUSES = ['resmi', 'estimasi', 'sintetis'] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

/** Worst status wins when figures of different standing are combined. */
export const STATUS_RANK: Record<DataStatus, number> = { resmi: 0, estimasi: 1, sintetis: 2 };

export function isDatasetKind(value: string): value is DatasetKind {
	return Object.hasOwn(DATASETS, value);
}

export function datasetOfFact(fact: FactId): DatasetDefinition {
	for (const kind of DATASET_KINDS) {
		if (DATASETS[kind].facts.some((f) => f.id === fact)) return DATASETS[kind];
	}
	throw new Error(`Unknown fact ${fact}`);
}

export function factDefinition(fact: FactId): FactDefinition {
	const found = datasetOfFact(fact).facts.find((f) => f.id === fact);
	if (!found) throw new Error(`Unknown fact ${fact}`);
	return found;
}
