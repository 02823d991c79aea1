/**
 * The benchmark's data set, seeded and deterministic: every region × year of the regional
 * datasets with their breakdowns (what the dashboard shows), and a per-cooperative register
 * (what a Dinas or the ministry uploads), written as an Indonesian spreadsheet export would be:
 * `;`-separated, UTF-8, a region-name column the upload ignores, quotes in some names.
 *
 *   npx tsx bench/generate.ts [--quick] [OUT_DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { readRegionsCsv } from '$lib/server/ingest/load-bundled';
import { SCALES, type Scale } from './lib/scale';

const SEED = 2026;
const JENIS = { konsumen: 0.35, produsen: 0.15, simpan_pinjam: 0.25, pemasaran: 0.08, jasa: 0.17 };
const KATEGORI = {
	kuliner: 0.34,
	fesyen: 0.14,
	kriya: 0.1,
	pertanian: 0.18,
	perdagangan: 0.16,
	jasa: 0.08
};
const SOURCE = `bench nasional (seed ${SEED}): angka sintetis untuk uji kinerja`;
const REGISTER_SOURCE = `Register ODS koperasi (sintetis, seed ${SEED})`;
const NAME_WORDS = [
	'Sejahtera',
	'Makmur',
	'Bersama',
	'Mandiri',
	'Maju',
	'Karya',
	'Tani',
	'Nelayan',
	'Sentosa',
	'Abadi',
	'Harapan',
	'Jaya',
	'Merah Putih',
	'Usaha',
	'Warga',
	'Syariah'
];
const TYPE_PREFIX: Record<string, string> = {
	konsumen: 'Koperasi Konsumen',
	produsen: 'Koperasi Produsen',
	simpan_pinjam: 'KSP',
	pemasaran: 'Koperasi Pemasaran',
	jasa: 'Koperasi Jasa'
};

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** mulberry32: one independent stream per purpose, so one change never shifts other numbers. */
function rng(...parts: (string | number)[]): () => number {
	let a = hash([SEED, ...parts].join('|'));
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const whole = (v: number) => Math.max(0, Math.round(v));
const thousand = (v: number) => Math.round(v / 1000) * 1000;

function pick<T extends string>(r: () => number, shares: Record<T, number>): T {
	let x = r();
	const keys = Object.keys(shares) as T[];
	for (const key of keys) {
		x -= shares[key];
		if (x < 0) return key;
	}
	return keys[keys.length - 1]!;
}

/** Buffered line writer: the register has a million lines. */
class CsvFile {
	#fd: number;
	#lines: string[] = [];
	rows = 0;

	constructor(
		file: string,
		header: readonly string[],
		readonly delimiter: ',' | ';' = ','
	) {
		this.#fd = fs.openSync(file, 'w');
		this.#lines.push(header.join(delimiter));
	}

	row(values: readonly (string | number | null)[]) {
		this.rows += 1;
		this.#lines.push(values.map((v) => this.#field(v)).join(this.delimiter));
		if (this.#lines.length >= 20_000) this.#flush();
	}

	#field(value: string | number | null): string {
		if (value === null) return '';
		if (typeof value === 'number') {
			if (!Number.isSafeInteger(value)) throw new Error(`Not a safe integer: ${value}`);
			return String(value);
		}
		const needsQuotes = value.includes(this.delimiter) || /["\r\n]/.test(value);
		return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
	}

	#flush() {
		fs.writeSync(this.#fd, this.#lines.join('\n') + '\n');
		this.#lines = [];
	}

	close() {
		this.#flush();
		fs.closeSync(this.#fd);
	}
}

export interface GeneratedFiles {
	dir: string;
	/** Regional CSVs named as `datasets/` names them, loaded like the bundled data. */
	datasetsDir: string;
	register: string;
	registerRows: number;
	rows: Record<string, number>;
}

export function generate(scale: Scale, outDir: string): GeneratedFiles {
	const datasetsDir = path.join(outDir, 'datasets');
	fs.mkdirSync(datasetsDir, { recursive: true });
	const wilayahCsv = path.resolve('datasets/wilayah.csv');
	fs.copyFileSync(wilayahCsv, path.join(datasetsDir, 'wilayah.csv'));
	// The real SIMKOPDES snapshot covers every region already: the same at every scale.
	fs.copyFileSync(path.resolve('datasets/kdkmp.csv'), path.join(datasetsDir, 'kdkmp.csv'));
	const regions = readRegionsCsv(wilayahCsv);
	const kabkota = regions.filter((r) => r.level === 'kabkota');
	const provinces = regions.filter((r) => r.level === 'provinsi');
	const years = scale.years;
	const status = (year: number) => (year < 2015 ? 'estimasi' : 'sintetis');
	const growth = (year: number, rate: number) => Math.pow(1 + rate, year - 2025);

	// Region profiles: population per year and a few persistent propensities.
	const profile = new Map(
		kabkota.map((k) => {
			const r = rng('profil', k.code);
			return [
				k.code,
				{
					coopDensity: between(r, 0.6, 1.6),
					activeShare: between(r, 0.55, 0.8),
					ratShare: between(r, 0.4, 0.65),
					membersPerCoop: between(r, 120, 360),
					assetsPerCoop: between(r, 1.5e9, 6e9),
					umkmPerCapita: between(r, 0.018, 0.05),
					outsideShare: between(r, 0.08, 0.3),
					exportShare: between(r, 0.002, 0.02),
					onlineShare: between(r, 0.1, 0.45),
					salesPerUmkm: between(r, 6e7, 2.5e8)
				}
			];
		})
	);
	const population = (code: string, year: number) => {
		const region = regions.find((r) => r.code === code)!;
		return whole(
			region.population2025 * growth(year, 0.011) * between(rng('pop', code, year), 0.99, 1.01)
		);
	};

	type Sums = Map<string, number[]>;
	const addTo = (sums: Sums, key: string, values: number[]) => {
		const current = sums.get(key);
		if (!current) sums.set(key, [...values]);
		else values.forEach((v, i) => (current[i]! += v));
	};

	// penduduk
	const penduduk = new CsvFile(path.join(datasetsDir, 'penduduk.csv'), [
		'kode_wilayah',
		'tahun',
		'jumlah_penduduk',
		'status_data',
		'sumber'
	]);
	const provincePop: Sums = new Map();
	for (const k of kabkota) {
		for (const year of years) {
			const p = population(k.code, year);
			addTo(provincePop, `${k.provinceCode}|${year}`, [p]);
			penduduk.row([k.code, year, p, status(year), SOURCE]);
		}
	}
	for (const p of provinces) {
		for (const year of years) {
			penduduk.row([
				p.code,
				year,
				provincePop.get(`${p.code}|${year}`)?.[0] ?? 0,
				status(year),
				SOURCE
			]);
		}
	}
	penduduk.close();

	// koperasi, by type
	const koperasiFacts = [
		'jumlah_koperasi',
		'koperasi_aktif',
		'koperasi_rat',
		'jumlah_anggota',
		'jumlah_manajer',
		'jumlah_karyawan'
	];
	const koperasi = new CsvFile(path.join(datasetsDir, 'koperasi.csv'), [
		'kode_wilayah',
		'tahun',
		'jenis_koperasi',
		...koperasiFacts,
		'status_data',
		'sumber'
	]);
	const provinceKop: Sums = new Map();
	const coopsPer100k = 45;
	for (const k of kabkota) {
		const pr = profile.get(k.code)!;
		for (const year of years) {
			const pop = population(k.code, year);
			for (const [jenis, share] of Object.entries(JENIS)) {
				const r = rng('koperasi', k.code, year, jenis);
				const total = whole(
					((pop * coopsPer100k) / 1e5) * pr.coopDensity * share * between(r, 0.85, 1.15)
				);
				const active = whole(total * pr.activeShare * between(r, 0.9, 1.05));
				const aktif = Math.min(total, active);
				const rat = Math.min(aktif, whole(aktif * pr.ratShare * between(r, 0.85, 1.1)));
				const values = [
					total,
					aktif,
					rat,
					whole(aktif * pr.membersPerCoop * between(r, 0.9, 1.1)),
					whole(aktif * between(r, 0.8, 1.6)),
					whole(aktif * between(r, 1.5, 5))
				];
				addTo(provinceKop, `${k.provinceCode}|${year}|${jenis}`, values);
				koperasi.row([k.code, year, jenis, ...values, status(year), SOURCE]);
			}
		}
	}
	for (const p of provinces) {
		for (const year of years) {
			for (const jenis of Object.keys(JENIS)) {
				const values = provinceKop.get(`${p.code}|${year}|${jenis}`) ?? koperasiFacts.map(() => 0);
				koperasi.row([p.code, year, jenis, ...values, status(year), SOURCE]);
			}
		}
	}
	koperasi.close();

	// pembiayaan
	const pembiayaanFacts = [
		'modal_sendiri',
		'modal_luar',
		'aset',
		'volume_usaha',
		'shu',
		'pinjaman_diberikan',
		'kur_realisasi',
		'kur_debitur'
	];
	const pembiayaan = new CsvFile(path.join(datasetsDir, 'pembiayaan.csv'), [
		'kode_wilayah',
		'tahun',
		...pembiayaanFacts,
		'status_data',
		'sumber'
	]);
	const provinceFin: Sums = new Map();
	for (const k of kabkota) {
		const pr = profile.get(k.code)!;
		for (const year of years) {
			const r = rng('pembiayaan', k.code, year);
			const pop = population(k.code, year);
			const active = ((pop * coopsPer100k) / 1e5) * pr.coopDensity * pr.activeShare;
			const aset = thousand(active * pr.assetsPerCoop * growth(year, 0.06) * between(r, 0.9, 1.1));
			const own = thousand(aset * between(r, 0.35, 0.6));
			const volume = thousand(aset * between(r, 0.6, 1.1));
			const shu = thousand(volume * between(r, -0.01, 0.06));
			const kur = thousand(pop * 1.5e5 * growth(year, 0.12) * between(r, 0.6, 1.4));
			const values = [
				own,
				aset - own,
				aset,
				volume,
				shu,
				thousand(aset * between(r, 0.3, 0.6)),
				kur,
				whole(kur / between(r, 2.5e7, 6e7))
			];
			addTo(provinceFin, `${k.provinceCode}|${year}`, values);
			pembiayaan.row([k.code, year, ...values, status(year), SOURCE]);
		}
	}
	for (const p of provinces) {
		for (const year of years) {
			const values = provinceFin.get(`${p.code}|${year}`) ?? pembiayaanFacts.map(() => 0);
			pembiayaan.row([p.code, year, ...values, status(year), SOURCE]);
		}
	}
	pembiayaan.close();

	// jangkauan_pasar, by business category
	const pasarFacts = [
		'jumlah_umkm',
		'umkm_pemasaran_luar_daerah',
		'umkm_ekspor',
		'umkm_daring',
		'penjualan_total',
		'penjualan_luar_daerah',
		'nilai_ekspor',
		'galeri_produk',
		'keikutsertaan_pameran'
	];
	const pasar = new CsvFile(path.join(datasetsDir, 'jangkauan_pasar.csv'), [
		'kode_wilayah',
		'tahun',
		'kategori_usaha',
		...pasarFacts,
		'status_data',
		'sumber'
	]);
	const provincePasar: Sums = new Map();
	for (const k of kabkota) {
		const pr = profile.get(k.code)!;
		for (const year of years) {
			const pop = population(k.code, year);
			for (const [kategori, share] of Object.entries(KATEGORI)) {
				const r = rng('pasar', k.code, year, kategori);
				const umkm = whole(
					pop * pr.umkmPerCapita * share * growth(year, 0.03) * between(r, 0.9, 1.1)
				);
				const sales = thousand(
					umkm * pr.salesPerUmkm * growth(year, 0.05) * between(r, 0.85, 1.15)
				);
				const outside = Math.min(umkm, whole(umkm * pr.outsideShare * between(r, 0.8, 1.2)));
				const values = [
					umkm,
					outside,
					Math.min(umkm, whole(umkm * pr.exportShare * between(r, 0.7, 1.3))),
					Math.min(umkm, whole(umkm * pr.onlineShare * growth(year, 0.08) * between(r, 0.8, 1.2))),
					sales,
					Math.min(sales, thousand(sales * pr.outsideShare * between(r, 0.9, 1.3))),
					thousand(sales * pr.exportShare * between(r, 0.5, 2)),
					whole(between(r, 0, 4)),
					whole(between(r, 0, 12) * (year === 2020 || year === 2021 ? 0.3 : 1))
				];
				addTo(provincePasar, `${k.provinceCode}|${year}|${kategori}`, values);
				pasar.row([k.code, year, kategori, ...values, status(year), SOURCE]);
			}
		}
	}
	for (const p of provinces) {
		for (const year of years) {
			for (const kategori of Object.keys(KATEGORI)) {
				const values =
					provincePasar.get(`${p.code}|${year}|${kategori}`) ?? pasarFacts.map(() => 0);
				pasar.row([p.code, year, kategori, ...values, status(year), SOURCE]);
			}
		}
	}
	pasar.close();

	// The per-cooperative register: cooperatives spread over regencies by population and density.
	const weights = kabkota.map((k) => k.population2025 * profile.get(k.code)!.coopDensity);
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const perRegion = weights.map((w) => Math.floor((scale.cooperatives * w) / weightSum));
	for (
		let i = 0, left = scale.cooperatives - perRegion.reduce((a, b) => a + b, 0);
		left > 0;
		i++, left--
	)
		perRegion[i % perRegion.length]! += 1;
	const registerFile = path.join(outDir, `register_koperasi_${scale.cooperatives}.csv`);
	const register = new CsvFile(
		registerFile,
		[
			'id_koperasi',
			'nama_koperasi',
			'kode_wilayah',
			'nama_wilayah',
			'tahun',
			'jenis_koperasi',
			...koperasiFacts,
			'status_data',
			'sumber'
		],
		';'
	);
	kabkota.forEach((k, i) => {
		const pr = profile.get(k.code)!;
		const prefix = (k.bpsCode ?? k.code.replace('.', '')).padEnd(4, '0');
		for (let c = 0; c < perRegion[i]!; c++) {
			const r = rng('register', k.code, c);
			const jenis = pick(r, JENIS);
			const word = () => NAME_WORDS[Math.floor(r() * NAME_WORDS.length)]!;
			let name = `${TYPE_PREFIX[jenis]} ${word()} ${word()} ${k.shortName}`;
			if (r() < 0.03) name = `${TYPE_PREFIX[jenis]} "${word()}" ${k.shortName}`;
			const id = `${prefix}${String(1_000_000_000_000 + c * 7919 + Math.floor(r() * 7000)).slice(1)}`;
			let members = Math.max(20, Math.round(pr.membersPerCoop * Math.exp((r() - 0.5) * 1.6)));
			let active = r() < pr.activeShare;
			for (const year of scale.registerYears) {
				if (r() < 0.08) active = !active;
				members = Math.max(20, Math.round(members * between(r, 0.95, 1.08)));
				const aktif = active ? 1 : 0;
				const rat = active && r() < pr.ratShare / pr.activeShare ? 1 : 0;
				register.row([
					id,
					name,
					k.code,
					k.name,
					year,
					jenis,
					1,
					aktif,
					Math.min(aktif, rat),
					active ? members : whole(members * 0.6),
					active ? 1 + Math.floor(r() * 4) : 0,
					active ? Math.floor(r() * r() * 25) : 0,
					'sintetis',
					REGISTER_SOURCE
				]);
			}
		}
	});
	register.close();

	return {
		dir: outDir,
		datasetsDir,
		register: registerFile,
		registerRows: register.rows,
		rows: {
			penduduk: penduduk.rows,
			koperasi: koperasi.rows,
			pembiayaan: pembiayaan.rows,
			jangkauan_pasar: pasar.rows,
			register: register.rows
		}
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const scale = SCALES[args.includes('--quick') ? 'quick' : 'national'];
	const out = args.find((a) => !a.startsWith('--')) ?? path.join('bench/data', scale.name);
	const began = performance.now();
	const files = generate(scale, path.resolve(out));
	console.log(JSON.stringify({ ...files, ms: Math.round(performance.now() - began) }, null, 2));
}
