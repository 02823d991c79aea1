// The `kdkmp` dataset (Koperasi Desa/Kelurahan Merah Putih): every figure copied exactly from the
// SIMKOPDES export of 2026-08-05 and the Kepmendagri 2025 village list, nothing generated.
// Read by scripts/generate-datasets.mjs, which also takes its real 2025 KDKMP wave from here.
// Decisions are documented in datasets/SOURCES.md ("kdkmp.csv").

export const KDKMP_YEAR = 2026;
export const KDKMP_FILE = 'kdkmp.csv';

const EXPORT_DIR = 'simkopdes-kdkmp-kabkota-2026-08';
const KABKOTA_FILE = `${EXPORT_DIR}/kdkmp_kabkota_2026-08-05_kemendagri.csv`;
const PROVINCE_FILE = `${EXPORT_DIR}/kopdes_stats_province.csv`;
const VILLAGES_FILE = 'desa-kecamatan-2025/desa_kelurahan_per_kabkota_kepmendagri2025.csv';

const EXPORT = 'SIMKOPDES Kementerian Koperasi (https://simkopdes.go.id), ekspor 2026-08-05';
const VIA = 'salinan github.com/danylaksono/kopdes-report@ce4bb6e, data/raw';
const SNAPSHOT =
	'potret tahun 2026 (berkas provinsi 2026-07-09 adalah titik lebih awal tahun yang sama)';
const TRANSACTIONS = 'transaksi 0 = tidak dilaporkan';
export const KDKMP_SOURCE_KABKOTA = `${EXPORT} (${VIA}, kopdes_stats_district; kode Kemendagri dicocokkan dalam provinsi; ${SNAPSHOT}; ${TRANSACTIONS}; kab/kota melapor transaksi = nilai transaksi > 0)`;
export const KDKMP_SOURCE_PROVINCE = `${EXPORT} (${VIA}, kopdes_stats_province dengan hitungan kesehatan keuangan; total provinsi seperti diberikan sumber, termasuk 11 baris kab/kota tak valid atau salah provinsi; ${SNAPSHOT}; ${TRANSACTIONS}; kab/kota melapor transaksi dihitung dari baris kab/kota ekspor yang sama)`;
export const VILLAGE_SOURCE =
	'Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode desa/kelurahan, via https://github.com/cahyadsn/wilayah db/wilayah.sql @d68e8d5): desa + kelurahan + desa adat; daftar kode yang berlaku pada 2026';

export const KDKMP_COLUMNS = [
	'kode_wilayah',
	'tahun',
	'kdkmp_koperasi',
	'kdkmp_rekening',
	'kdkmp_npwp',
	'kdkmp_nib',
	'kdkmp_simpanan_pokok',
	'kdkmp_simpanan_wajib',
	'kdkmp_anggota_simpanan_pokok',
	'kdkmp_nilai_transaksi',
	'kdkmp_kabkota_lapor_transaksi',
	'kdkmp_kabkota_terdata',
	'kdkmp_dinilai_kesehatan',
	'kdkmp_sehat',
	'kdkmp_cukup_sehat',
	'kdkmp_tidak_sehat',
	'desa_kelurahan',
	'status_data',
	'sumber'
];

/** Export column → fact, for the columns both files share. */
const SHARED = {
	cooperatives: 'kdkmp_koperasi',
	accounts_count: 'kdkmp_rekening',
	npwp_count: 'kdkmp_npwp',
	nib_count: 'kdkmp_nib',
	simpanan_pokok_amount: 'kdkmp_simpanan_pokok',
	simpanan_wajib_amount: 'kdkmp_simpanan_wajib',
	simpanan_pokok_members: 'kdkmp_anggota_simpanan_pokok',
	transaction_value: 'kdkmp_nilai_transaksi'
};
const HEALTH = {
	health_total_cooperative: 'kdkmp_dinilai_kesehatan',
	healthy_count: 'kdkmp_sehat',
	fairly_healthy_count: 'kdkmp_cukup_sehat',
	unhealthy_count: 'kdkmp_tidak_sehat'
};

function whole(value, where) {
	const n = Number(value);
	if (value === '' || !Number.isSafeInteger(n) || n < 0)
		throw new Error(`${where}: not a whole non-negative number: ${value}`);
	return n;
}

function copy(source, columns, where) {
	const out = {};
	for (const [from, to] of Object.entries(columns))
		out[to] = whole(source[from], `${where} ${from}`);
	return out;
}

/**
 * `readCsv(relativePath)` reads from datasets/sources; `regions` are wilayah.csv rows. Returns the
 * rows of kdkmp.csv and the cooperative count per region code (kab/kota and province).
 */
export function buildKdkmp(readCsv, regions, compareKode) {
	const known = new Map(regions.map((r) => [r.kode_wilayah, r]));
	const kabkota = readCsv(KABKOTA_FILE);
	const provinceFile = readCsv(PROVINCE_FILE);
	const villages = readCsv(VILLAGES_FILE);

	const rows = [];
	const counts = new Map();
	const provinceOfName = new Map();
	const reporting = new Map(); // province code -> { listed, reporting }
	for (const r of kabkota) {
		const region = known.get(r.kode_wilayah);
		if (!region || region.tingkat !== 'kabkota')
			throw new Error(`KDKMP: unknown kab/kota ${r.kode_wilayah}`);
		if (counts.has(r.kode_wilayah)) throw new Error(`KDKMP: ${r.kode_wilayah} twice`);
		const facts = copy(r, SHARED, r.kode_wilayah);
		const reported = facts.kdkmp_nilai_transaksi > 0 ? 1 : 0;
		rows.push({
			kode_wilayah: r.kode_wilayah,
			tahun: KDKMP_YEAR,
			...facts,
			kdkmp_kabkota_lapor_transaksi: reported,
			kdkmp_kabkota_terdata: 1,
			status_data: 'resmi',
			sumber: KDKMP_SOURCE_KABKOTA
		});
		counts.set(r.kode_wilayah, facts.kdkmp_koperasi);
		const p = region.kode_provinsi;
		const seen = provinceOfName.get(r.province);
		if (seen && seen !== p)
			throw new Error(`KDKMP: province ${r.province} is both ${seen} and ${p}`);
		provinceOfName.set(r.province, p);
		const tally = reporting.get(p) ?? { listed: 0, reporting: 0 };
		tally.listed += 1;
		tally.reporting += reported;
		reporting.set(p, tally);
	}
	if (counts.size !== 514) throw new Error(`KDKMP: ${counts.size} kab/kota, expected 514`);

	for (const r of provinceFile) {
		const p = provinceOfName.get(r.province);
		if (!p) throw new Error(`KDKMP: province ${r.province} has no kab/kota in the export`);
		const tally = reporting.get(p);
		const facts = copy(r, { ...SHARED, ...HEALTH }, r.province);
		rows.push({
			kode_wilayah: p,
			tahun: KDKMP_YEAR,
			...facts,
			kdkmp_kabkota_lapor_transaksi: tally.reporting,
			kdkmp_kabkota_terdata: tally.listed,
			status_data: 'resmi',
			sumber: KDKMP_SOURCE_PROVINCE
		});
		counts.set(p, facts.kdkmp_koperasi);
	}
	if (counts.size !== 552) throw new Error(`KDKMP: ${counts.size} regions, expected 552`);

	const villagesOf = new Map();
	for (const v of villages) {
		const n = whole(v.desa_kelurahan_total, `villages ${v.kode_kabkota}`);
		if (!known.has(v.kode_kabkota)) throw new Error(`villages: unknown ${v.kode_kabkota}`);
		villagesOf.set(v.kode_kabkota, n);
		villagesOf.set(v.kode_provinsi, (villagesOf.get(v.kode_provinsi) ?? 0) + n);
	}
	if (villagesOf.size !== 552)
		throw new Error(`villages: ${villagesOf.size} regions, expected 552`);
	for (const [kode, n] of villagesOf)
		rows.push({
			kode_wilayah: kode,
			tahun: KDKMP_YEAR,
			desa_kelurahan: n,
			status_data: 'resmi',
			sumber: VILLAGE_SOURCE
		});

	rows.sort(
		(a, b) =>
			compareKode(a.kode_wilayah, b.kode_wilayah) ||
			(a.sumber < b.sumber ? -1 : a.sumber > b.sumber ? 1 : 0)
	);
	return { rows, counts };
}
