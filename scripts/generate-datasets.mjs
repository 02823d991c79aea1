#!/usr/bin/env node
// Builds datasets/{wilayah,penduduk,koperasi,pembiayaan,jangkauan_pasar,kdkmp}.csv from the
// real inputs in datasets/sources/ and fills the gaps deterministically.
// Usage: node scripts/generate-datasets.mjs [output-dir]   (default: datasets/)
// Methods, real figures and decisions are documented in datasets/SOURCES.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { buildKdkmp, KDKMP_COLUMNS, KDKMP_FILE } from './kdkmp-dataset.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'datasets', 'sources');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'datasets'));
const SEED = 2026;
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const STATUS_ORDER = { resmi: 0, estimasi: 1, sintetis: 2 };

// ---------------------------------------------------------------- helpers

function readCsv(rel) {
	const text = fs.readFileSync(path.join(SRC, rel), 'utf8').replace(/^\uFEFF/, '');
	const res = Papa.parse(text, { header: true, skipEmptyLines: true });
	if (res.errors.length) throw new Error(`${rel}: ${res.errors[0].message}`);
	return res.data;
}

function compareKode(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		if (pa[i] === undefined) return -1;
		if (pb[i] === undefined) return 1;
		if (pa[i] !== pb[i]) return pa[i] - pb[i];
	}
	return 0;
}

function csvField(v) {
	if (v === null || v === undefined || v === '') return '';
	if (typeof v === 'number') {
		if (!Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
		return String(v);
	}
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(name, columns, rows) {
	const lines = [columns.join(',')];
	for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
	fs.writeFileSync(path.join(OUT, name), lines.join('\n') + '\n', 'utf8');
}

function hash(str) {
	let h = 2166136261;
	for (let i = 0; i < str.length; i++) {
		h ^= str.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

function mulberry32(a) {
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One independent stream per (dataset, region, purpose), so adding a region or a fact never shifts the others' numbers. */
const rngFor = (...parts) => mulberry32(hash([SEED, ...parts].join('|')));
const uni = (r, lo, hi) => lo + (hi - lo) * r();
const logUni = (r, lo, hi) => Math.exp(uni(r, Math.log(lo), Math.log(hi)));

/** Multiplicative AR(1) noise: consecutive years move together, so series look like trends rather than jitter. */
function noiseSeries(r, sd) {
	const out = {};
	let e = 0;
	for (const y of YEARS) {
		const z = (r() + r() + r() + r() - 2) * Math.sqrt(3);
		e = 0.6 * e + sd * z;
		out[y] = Math.exp(e);
	}
	return out;
}

const byYear = (fn) => Object.fromEntries(YEARS.map((y) => [y, fn(y)]));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const rp = (v) => Math.round(v / 1000) * 1000; // generated money: full rupiah, rounded to Rp1.000
const n0 = (v) => Math.max(0, Math.round(v));

/**
 * Keeps real anchors exact and bends the baseline through them: the ratio anchor/baseline is
 * interpolated linearly between anchor years and held constant outside, so estimates follow the
 * baseline's shape (national trend, population) while passing through every real figure.
 */
function anchored(base, anchors) {
	const ys = [...anchors.keys()].sort((a, b) => a - b);
	if (!ys.length) return { ...base };
	const ratio = (y) => anchors.get(y) / base[y];
	const out = {};
	for (const y of YEARS) {
		if (anchors.has(y)) {
			out[y] = anchors.get(y);
			continue;
		}
		let r;
		if (y < ys[0]) r = ratio(ys[0]);
		else if (y > ys[ys.length - 1]) r = ratio(ys[ys.length - 1]);
		else {
			const lo = ys.filter((a) => a < y).pop();
			const hi = ys.find((a) => a > y);
			const w = (y - lo) / (hi - lo);
			r = ratio(lo) * (1 - w) + ratio(hi) * w;
		}
		out[y] = base[y] * r;
	}
	return out;
}

// Integer allocation that sums exactly to total (largest remainder).
function allocate(total, weights) {
	const keys = Object.keys(weights);
	const wsum = sum(keys.map((k) => weights[k]));
	const raw = keys.map((k) => ({ k, v: (total * weights[k]) / wsum }));
	const out = Object.fromEntries(raw.map(({ k, v }) => [k, Math.floor(v)]));
	let left = total - sum(Object.values(out));
	raw
		.map(({ k, v }) => ({ k, f: v - Math.floor(v) }))
		.sort((a, b) => b.f - a.f || compareKode(a.k, b.k))
		.forEach(({ k }) => {
			if (left > 0) {
				out[k] += 1;
				left -= 1;
			}
		});
	return out;
}

// ---------------------------------------------------------------- inputs

const wilayahSrc = readCsv('kode-wilayah-penduduk-2025/wilayah_provinsi_kabkota_2025.csv');
const crosswalk = readCsv(
	'kode-wilayah-penduduk-2025/crosswalk_kode_bps_mfd2015_kemendagri2025.csv'
);
const fakta = readCsv('koperasi-fakta-terkutip/koperasi_umkm_fakta_terkutip.csv');
const odj = readCsv('umkm-jabar-opendata/proyeksi_jumlah_umkm_jabar_2016_2023.csv');

const W = new Map(
	wilayahSrc.map((w) => [w.kode, { ...w, pop: Number(w.penduduk_total), area: Number(w.luas_km2) }])
);
const provinces = wilayahSrc.filter((w) => w.tingkat === 'provinsi').map((w) => W.get(w.kode));
const kabOf = (p) =>
	wilayahSrc
		.filter((w) => w.tingkat === 'kabkota' && w.kode_provinsi === p)
		.map((w) => W.get(w.kode));
const kabJB = kabOf('32');
const kabBB = kabOf('19');
const COVERAGE = [...provinces, ...kabJB, ...kabBB].map((w) => w.kode).sort(compareKode);
const inCoverage = new Set(COVERAGE);
const popNat = sum(provinces.map((p) => p.pop));

const F = new Map(fakta.map((f) => [f.fact_id, f]));
const fv = (id) => Number(F.get(id).nilai);

// ---------------------------------------------------------------- wilayah + penduduk

/** BPS MFD 2015 predates the 2022 Papua split and numbers Papua Barat 91 and Papua 94. */
const BPS_PROVINSI = { 91: '94', 92: '91', 93: '', 94: '', 95: '', 96: '' };
const bpsByKemendagri = new Map(crosswalk.map((c) => [c.kode_kemendagri, c.kode_bps]));

const wilayahRows = wilayahSrc
	.map((w) => {
		let kodeBps;
		if (w.tingkat === 'provinsi') kodeBps = w.kode in BPS_PROVINSI ? BPS_PROVINSI[w.kode] : w.kode;
		else {
			kodeBps = bpsByKemendagri.get(w.kode);
			if (!kodeBps) throw new Error(`no BPS code for ${w.kode}`);
		}
		return {
			kode_wilayah: w.kode,
			kode_bps: kodeBps,
			nama_wilayah: w.nama,
			nama_pendek: w.nama_pendek,
			tingkat: w.tingkat,
			jenis: w.jenis,
			kode_provinsi: w.kode_provinsi,
			nama_provinsi: w.nama_provinsi,
			penduduk_2025: Number(w.penduduk_total),
			luas_km2: w.luas_km2
		};
	})
	.sort((a, b) => compareKode(a.kode_wilayah, b.kode_wilayah));

const SUMBER_PENDUDUK =
	'Kepmendagri No. 300.2.2-2138 Tahun 2025 (Kemendagri/Dukcapil, data registrasi administrasi), via https://github.com/cahyadsn/wilayah';
const pendudukRows = wilayahRows.map((w) => ({
	kode_wilayah: w.kode_wilayah,
	tahun: 2025,
	jumlah_penduduk: w.penduduk_2025,
	status_data: 'resmi',
	sumber: SUMBER_PENDUDUK
}));

// ---------------------------------------------------------------- fact stores

const DATASETS = {
	koperasi: {
		file: 'koperasi.csv',
		dim: 'jenis_koperasi',
		facts: [
			'jumlah_koperasi',
			'koperasi_aktif',
			'koperasi_rat',
			'jumlah_anggota',
			'jumlah_manajer',
			'jumlah_karyawan'
		]
	},
	pembiayaan: {
		file: 'pembiayaan.csv',
		dim: null,
		facts: [
			'modal_sendiri',
			'modal_luar',
			'aset',
			'volume_usaha',
			'shu',
			'pinjaman_diberikan',
			'kur_realisasi',
			'kur_debitur'
		]
	},
	jangkauan_pasar: {
		file: 'jangkauan_pasar.csv',
		dim: 'kategori_usaha',
		facts: [
			'jumlah_umkm',
			'umkm_pemasaran_luar_daerah',
			'umkm_ekspor',
			'umkm_daring',
			'penjualan_total',
			'penjualan_luar_daerah',
			'nilai_ekspor',
			'galeri_produk',
			'keikutsertaan_pameran'
		]
	}
};
const COLUMN_DATASET = Object.fromEntries(
	Object.entries(DATASETS).flatMap(([ds, d]) => d.facts.map((f) => [f, ds]))
);

// cells[ds] : Map "kode|tahun|fact" -> { value, status, group (resmi) | note (estimasi/sintetis) }
const cells = Object.fromEntries(Object.keys(DATASETS).map((ds) => [ds, new Map()]));
const resmiGroups = new Map(); // "ds|kode|tahun|url" -> { url, owners, ids, notes, alts }

function setCell(ds, kode, tahun, fact, cell) {
	const key = `${kode}|${tahun}|${fact}`;
	if (cells[ds].has(key)) throw new Error(`one-grain violation: ${ds} ${key}`);
	if (!Number.isSafeInteger(cell.value)) throw new Error(`non-integer ${ds} ${key}: ${cell.value}`);
	cells[ds].set(key, cell);
}
const getResmi = (ds, kode, tahun, fact) => {
	const c = cells[ds].get(`${kode}|${tahun}|${fact}`);
	return c && c.status === 'resmi' ? c.value : undefined;
};

function resmiGroup(ds, kode, tahun, url, owner) {
	const key = `${ds}|${kode}|${tahun}|${url}`;
	if (!resmiGroups.has(key))
		resmiGroups.set(key, { url, owners: [], ids: [], notes: [], alts: [] });
	const g = resmiGroups.get(key);
	if (owner && !g.owners.includes(owner)) g.owners.push(owner);
	return key;
}

// ---------------------------------------------------------------- real figures (fakta file)

const FACT_INDIKATOR = new Set(Object.keys(COLUMN_DATASET));

function factYear(periode) {
	let m;
	if ((m = /^(\d{4})$/.exec(periode))) return { year: +m[1], note: '' };
	if ((m = /^c\.(\d{4})$/.exec(periode))) return { year: +m[1], note: `sekitar ${m[1]}` };
	if ((m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(periode)))
		return { year: +m[1], note: `per ${periode}` };
	return null;
}

/** Figures that disagree with a kept figure for the same region-year-fact: recorded as "Fxxx=value" in the kept row's sumber. */
const ALTERNATIVE = {
	F044: {
		keep: 'F041',
		why: 'Pj Bupati Dani Ramdan, sekitar 2023, "terpantau aktif"; dipakai angka Sekda 691'
	},
	F059: { keep: 'F062', why: 'ANTARA 2022; dipakai angka situs resmi Dinas KUKM Babel' },
	F060: { keep: 'F062', why: 'Bangka Pos, per September 2022' },
	F051: {
		keep: 'ODJ',
		why: 'Diskop UKM Kota Bekasi 2018, 2.866 binaan + 204.075 jasa; dipakai proyeksi Open Data Jabar agar seri 27 kab/kota konsisten'
	}
};
/** Part-year or partial-channel flows: never written as a full-year figure (see kurAnchors). */
const NOT_FULL_YEAR = new Set(['F040', 'F081', 'F082']);
/**
 * BPS 2024 counts active coops on a different basis (~4x fewer than the 2018-2021 series): never
 * written as a figure; the cell keeps the fitted value and its row's sumber notes "Fxxx=value".
 */
const BASIS_BREAK = new Set(['F088', 'F089']);
// Figures read from the catatan of a fact row (the row's own nilai is another indicator).
const FROM_CATATAN = [
	{ id: 'F059', fact: 'koperasi_aktif', value: 719, alt: 'F060 catatan per Sep 2022: aktif 720' },
	{
		id: 'F059',
		fact: 'jumlah_anggota',
		value: 37784,
		alt: 'F060 catatan per Sep 2022: anggota 41073'
	},
	{
		id: 'F060',
		fact: 'koperasi_rat',
		value: 262,
		alt: '',
		note: 'RAT s.d. September 2022, musim RAT sudah lewat: dipakai sebagai angka 2022'
	},
	{ id: 'F077', fact: 'koperasi_aktif', value: 69, alt: '' }
];

for (const f of fakta) {
	if (!FACT_INDIKATOR.has(f.indikator) || !inCoverage.has(f.kode_wilayah)) continue;
	const py = factYear(f.periode);
	if (!py || py.year < YEARS[0] || py.year > YEARS[YEARS.length - 1]) continue;
	if (f.fact_id in ALTERNATIVE || NOT_FULL_YEAR.has(f.fact_id) || BASIS_BREAK.has(f.fact_id))
		continue;
	const ds = COLUMN_DATASET[f.indikator];
	const gk = resmiGroup(ds, f.kode_wilayah, py.year, f.url_sumber, f.pemilik_data_menurut_sumber);
	const g = resmiGroups.get(gk);
	g.ids.push(f.fact_id);
	if (py.note) g.notes.push(`${f.fact_id} ${py.note}`);
	if (f.fact_id === 'F036') g.alts.push('Dinas KUK Jabar 13277 aktif (F036/F038 catatan)');
	setCell(ds, f.kode_wilayah, py.year, f.indikator, {
		value: Number(f.nilai),
		status: 'resmi',
		group: gk,
		fid: f.fact_id
	});
}
for (const c of FROM_CATATAN) {
	const f = F.get(c.id);
	if (!f.catatan.match(/\d+/g).map(Number).includes(c.value))
		throw new Error(`${c.id} catatan lacks ${c.value}`);
	const py = factYear(f.periode);
	const ds = COLUMN_DATASET[c.fact];
	const gk = resmiGroup(ds, f.kode_wilayah, py.year, f.url_sumber, f.pemilik_data_menurut_sumber);
	const g = resmiGroups.get(gk);
	g.notes.push(
		`${c.id} catatan: ${c.fact} ${c.value}${py.note ? `, ${py.note}` : ''}${c.note ? ` (${c.note})` : ''}`
	);
	if (c.alt) g.alts.push(c.alt);
	setCell(ds, f.kode_wilayah, py.year, c.fact, {
		value: c.value,
		status: 'resmi',
		group: gk,
		fid: c.id
	});
}

// Open Data Jabar projection, joined on the full uppercase name (KABUPATEN BEKASI != KOTA BEKASI).
// A projection, not a count: every kab/kota grows by the same factor each year, so it is estimasi.
const ODJ_GROWTH = 1.0619;
const ODJ_NOTE =
	'UMKM: proyeksi Open Data Jabar (https://opendata.jabarprov.go.id/, Dinas KUK Jabar: Proyeksi Jumlah UMKM Berdasarkan Kabupaten/Kota di Jawa Barat); metode: laju tetap 6,19 %/th untuk semua 27 kab/kota 2016-2023, bukan hasil pendataan';
const kabJBByName = new Map(kabJB.map((w) => [w.nama.toUpperCase(), w]));
const odjValue = new Map(); // "kode|tahun" -> value (2016-2023)
for (const r of odj) {
	const w = kabJBByName.get(r['Nama Kabupaten / Kota'].trim());
	if (!w) throw new Error(`Open Data Jabar name not in wilayah: ${r['Nama Kabupaten / Kota']}`);
	odjValue.set(`${w.kode}|${Number(r.Tahun)}`, Number(r['Proyeksi Jumlah UMKM']));
}
if (new Set([...odjValue.keys()].map((k) => k.split('|')[0])).size !== 27)
	throw new Error('ODJ must cover 27 kab/kota');
for (const w of kabJB)
	for (const y of YEARS.filter((y) => y <= 2023)) {
		const v = odjValue.get(`${w.kode}|${y}`);
		const growth = y > 2016 ? v / odjValue.get(`${w.kode}|${y - 1}`) : ODJ_GROWTH;
		if (Math.abs(growth - ODJ_GROWTH) > 0.001)
			throw new Error(`ODJ ${w.kode} ${y}: not the fixed rate`);
		setCell('jangkauan_pasar', w.kode, y, 'jumlah_umkm', {
			value: v,
			status: 'estimasi',
			note: [ODJ_NOTE],
			fid: 'ODJ'
		});
	}

// Attach every disagreeing figure to the row that carries the kept figure.
for (const [id, a] of Object.entries(ALTERNATIVE)) {
	const f = F.get(id);
	const py = factYear(f.periode);
	const ds = COLUMN_DATASET[f.indikator];
	const kept = cells[ds].get(`${f.kode_wilayah}|${py.year}|${f.indikator}`);
	if (!kept || kept.fid !== a.keep) throw new Error(`${id}: kept figure ${a.keep} not found`);
	const alt = `${id}=${f.nilai} (${a.why})`;
	if (kept.status === 'resmi') resmiGroups.get(kept.group).alts.push(alt);
	else kept.note.push(`sumber lain: ${alt}`);
}

// Basis breaks: "ds|kode|tahun|fact" -> note for the row that carries the generated value (see put).
const BASIS_BREAK_NOTE = new Map(
	[...BASIS_BREAK].map((id) => {
		const f = F.get(id);
		const py = factYear(f.periode);
		const key = `${f.kode_wilayah}|${py.year}|${f.indikator}`;
		const ds = COLUMN_DATASET[f.indikator];
		if (cells[ds].has(key)) throw new Error(`${id}: ${key} already has a resmi figure`);
		return [
			`${ds}|${key}`,
			`sumber lain: ${id}=${f.nilai} (BPS ${py.year}, basis berbeda dari seri 2018-2021; tidak dipakai)`
		];
	})
);

// ---------------------------------------------------------------- national reference series

const natSeries = (id2year) => new Map(Object.entries(id2year).map(([id, y]) => [y, fv(id)]));
const NAT_AKTIF_GROWTH = 1.01; // after 2021 (no comparable national figure; BPS 2024 = different basis)
const natAktif = byYear((y) => {
	const f = fakta.find(
		(x) => x.kode_wilayah === '0' && x.indikator === 'koperasi_aktif' && x.periode === String(y)
	);
	return y <= 2021 ? Number(f.nilai) : fv('F009') * NAT_AKTIF_GROWTH ** (y - 2021);
});
const nominal = (y) => 1.04 ** (y - 2020);
const natMembers = anchored(
	byYear((y) => natAktif[y] * 200),
	natSeries({ F011: 2019, F017: 2022 })
);
const natVU = anchored(
	byYear((y) => natAktif[y] * 1.4e9 * nominal(y)),
	natSeries({ F014: 2020, F010: 2021, F018: 2022 })
);
const natSHU = anchored(
	byYear((y) => natVU[y] * 0.041),
	natSeries({ F012: 2019, F013: 2020 })
);
const natAset = anchored(
	byYear((y) => natAktif[y] * 1.75e9 * nominal(y)),
	natSeries({ F015: 2020, F019: 2022 })
);
const perCoop = (s) => byYear((y) => s[y] / natAktif[y]);
const MPC = perCoop(natMembers);
const VUPC = perCoop(natVU);
const SHUPC = perCoop(natSHU);
const ASETPC = perCoop(natAset);
// KUR: F028 is Jan 1 - Sep 15 2020 (8.5 months) -> annualised x12/8.5; +12 %/yr assumed trend.
const KUR_ANNUALISE_2020 = 12 / 8.5;
const natKUR2020 = fv('F028') * KUR_ANNUALISE_2020;
const KURPC = byYear((y) => (natKUR2020 * 1.12 ** (y - 2020)) / popNat);
const natDebtors2020 = 3.17e6; // F028 catatan "3.17 juta debitur"
const AVG_LOAN = byYear((y) => (fv('F028') / natDebtors2020) * 1.08 ** (y - 2020));

// ---------------------------------------------------------------- KDKMP wave (2025)

/**
 * Babel's registered count jumped +444 in 2025 while SIMKOPDES lists 394 KDKMP there: the village
 * cooperatives founded in 2025 are in the Dinas counts. They add units but almost no members or
 * capital (Babel members stayed ~38k; KDKMP simpanan pokok ~Rp164k per coop), so they are added to
 * counts only, on top of a "core" series that drives members and money. The counts are the real
 * ones of the SIMKOPDES export of 2026-08-05, per province and per kab/kota (assumed formed in 2025).
 */
const KD_ACTIVE_SHARE = 0.9;
const kdkmp = buildKdkmp(readCsv, wilayahRows, compareKode);
const kd = Object.fromEntries(kdkmp.counts);
/** F050 (Kota Bekasi ~1,500) is dated January 2025, i.e. before KDKMP existed: its 2025 figures stay pre-KDKMP. */
const KD_NOT_APPLIED = new Set(['32.75']);
const kdOf = (kode, y) => (y === 2025 && !KD_NOT_APPLIED.has(kode) ? kd[kode] : 0);
const kdAktifOf = (kode, y) => Math.round(KD_ACTIVE_SHARE * kdOf(kode, y));
const kdNote = (kode) =>
	`2025 + ${kd[kode]} KDKMP (jumlah nyata wilayah ini, SIMKOPDES 2026-08-05)`;

// ---------------------------------------------------------------- koperasi

// Derived (estimasi) anchors: arithmetic on real figures, used like real anchors for fitting.
const DERIVED = {
	'19|koperasi_aktif': new Map([[2018, Math.round(fv('F056') * 0.66)]]), // F056 catatan: 66 % aktif
	'32.75|koperasi_aktif': new Map([[2025, Math.round(fv('F050') * 0.6)]]), // F050 catatan: ~60 % aktif
	'32.01|jumlah_koperasi': new Map([
		[2019, fv('F052') + 1062], // F052 catatan: tidak aktif 1062
		[2020, fv('F053') + 1150] // F053 catatan: tidak aktif 1150
	])
};
const DERIVED_NOTE = {
	'19|koperasi_aktif': '2018 = 66 % x 980, F056 catatan',
	'32.75|koperasi_aktif': '2025 = 60 % x 1500, F050 catatan',
	'32.01|jumlah_koperasi': '= aktif + tidak aktif, F052/F053 catatan'
};

// Anchors for fitting, in "core" terms (KDKMP removed from 2025), derived anchors included.
function anchorsFor(ds, kode, fact) {
	const m = new Map(DERIVED[`${kode}|${fact}`] ?? []);
	for (const y of YEARS) {
		const c = cells[ds].get(`${kode}|${y}|${fact}`);
		if (c && c.status === 'resmi') m.set(y, c.value);
	}
	if (fact === 'koperasi_aktif' && m.has(2025)) m.set(2025, m.get(2025) - kdAktifOf(kode, 2025));
	if (fact === 'jumlah_koperasi' && m.has(2025)) m.set(2025, m.get(2025) - kdOf(kode, 2025));
	return m;
}
const anchorIds = (ds, kode, fact) => {
	const ids = YEARS.map((y) => cells[ds].get(`${kode}|${y}|${fact}`))
		.filter((c) => c && c.status === 'resmi')
		.map((c) => (c.fid === 'ODJ' ? 'ODJ' : c.fid));
	return [...new Set(ids)].join(',');
};

// Per-region working state; `st` = status per fact, `note` = method per fact.
const R = {};
for (const kode of COVERAGE) R[kode] = { w: W.get(kode), st: {}, note: {} };

function fitAktifProvinces() {
	const anch = [];
	const free = [];
	for (const p of provinces) {
		const a = anchorsFor('koperasi', p.kode, 'koperasi_aktif');
		(a.size ? anch : free).push(p);
		if (a.size) {
			const s = R[p.kode];
			s.aktifCore = anchored(
				byYear((y) => (natAktif[y] * p.pop) / popNat),
				a
			);
			s.st.koperasi_aktif = 'estimasi';
			s.note.koperasi_aktif = `aktif: melalui angka resmi (${[anchorIds('koperasi', p.kode, 'koperasi_aktif'), DERIVED_NOTE[`${p.kode}|koperasi_aktif`]].filter(Boolean).join('; ')}), mengikuti tren nasional BPS`;
		}
	}
	const weights = {};
	const noises = {};
	for (const p of free) {
		const r = rngFor('koperasi', p.kode, 'aktif');
		weights[p.kode] = p.pop * uni(r, 0.65, 1.45);
		noises[p.kode] = noiseSeries(r, 0.02);
	}
	const wsum = sum(Object.values(weights));
	for (const p of free) {
		const s = R[p.kode];
		s.aktifCore = byYear((y) => {
			const rest = natAktif[y] - sum(anch.map((a) => R[a.kode].aktifCore[y]));
			return ((rest * weights[p.kode]) / wsum) * noises[p.kode][y];
		});
		s.st.koperasi_aktif = 'sintetis';
		s.note.koperasi_aktif =
			'aktif: sisa total aktif nasional BPS dibagi menurut penduduk x faktor acak';
	}
}

function fitAktifJabarKab() {
	const P = R['32'];
	const popP = sum(kabJB.map((k) => k.pop));
	const anch = [];
	const free = [];
	for (const k of kabJB) {
		const a = anchorsFor('koperasi', k.kode, 'koperasi_aktif');
		(a.size ? anch : free).push(k);
		if (a.size) {
			R[k.kode].aktifCore = anchored(
				byYear((y) => (P.aktifCore[y] * k.pop) / popP),
				a
			);
			R[k.kode].st.koperasi_aktif = 'estimasi';
			R[k.kode].note.koperasi_aktif =
				`aktif: melalui angka resmi (${[anchorIds('koperasi', k.kode, 'koperasi_aktif'), DERIVED_NOTE[`${k.kode}|koperasi_aktif`]].filter(Boolean).join('; ')}), mengikuti tren Jabar x penduduk`;
		}
	}
	const weights = {};
	const noises = {};
	for (const k of free) {
		const r = rngFor('koperasi', k.kode, 'aktif');
		weights[k.kode] = k.pop * uni(r, 0.7, 1.35);
		noises[k.kode] = noiseSeries(r, 0.025);
	}
	const wsum = sum(Object.values(weights));
	for (const k of free) {
		R[k.kode].aktifCore = byYear((y) => {
			const rest = P.aktifCore[y] - sum(anch.map((a) => R[a.kode].aktifCore[y]));
			return ((rest * weights[k.kode]) / wsum) * noises[k.kode][y];
		});
		R[k.kode].st.koperasi_aktif = 'sintetis';
		R[k.kode].note.koperasi_aktif =
			'aktif: sisa tren aktif Jabar dibagi menurut penduduk x faktor acak';
	}
}

function fitJumlah(kode, base, defaultNote) {
	const s = R[kode];
	const a = anchorsFor('koperasi', kode, 'jumlah_koperasi');
	s.jumlahCore = anchored(base, a);
	const est = a.size && s.st.koperasi_aktif === 'estimasi';
	s.st.jumlah_koperasi = est ? 'estimasi' : 'sintetis';
	s.note.jumlah_koperasi = a.size
		? `jumlah: rasio jumlah/aktif melalui angka resmi (${[anchorIds('koperasi', kode, 'jumlah_koperasi'), DERIVED_NOTE[`${kode}|jumlah_koperasi`]].filter(Boolean).join('; ')})`
		: defaultNote;
}

function finishKoperasi(kode, opts) {
	const s = R[kode];
	const r = rngFor('koperasi', kode, 'struktur');
	// final counts incl. KDKMP, with real figures overriding the fit
	s.aktif = byYear(
		(y) =>
			getResmi('koperasi', kode, y, 'koperasi_aktif') ?? n0(s.aktifCore[y] + kdAktifOf(kode, y))
	);
	s.jumlah = byYear(
		(y) => getResmi('koperasi', kode, y, 'jumlah_koperasi') ?? n0(s.jumlahCore[y] + kdOf(kode, y))
	);
	for (const y of YEARS) {
		const aR = getResmi('koperasi', kode, y, 'koperasi_aktif') !== undefined;
		const jR = getResmi('koperasi', kode, y, 'jumlah_koperasi') !== undefined;
		if (!jR) s.jumlah[y] = Math.max(s.jumlah[y], Math.ceil(s.aktif[y] * 1.05));
		else if (!aR) s.aktif[y] = Math.min(s.aktif[y], Math.floor(s.jumlah[y] * 0.95));
		else if (s.aktif[y] > s.jumlah[y]) throw new Error(`${kode} ${y}: resmi aktif > resmi jumlah`);
	}
	// RAT
	const ratA = anchorsFor('koperasi', kode, 'koperasi_rat');
	const ratNoise = noiseSeries(r, 0.04);
	const ratBase = byYear((y) => s.aktif[y] * opts.ratShare(y) * (ratA.size ? 1 : ratNoise[y]));
	s.rat = byYear((y) => Math.min(n0(anchored(ratBase, ratA)[y]), s.aktif[y]));
	s.st.koperasi_rat = ratA.size && s.st.koperasi_aktif === 'estimasi' ? 'estimasi' : 'sintetis';
	s.note.koperasi_rat = ratA.size
		? `RAT: rasio RAT/aktif melalui angka resmi (${anchorIds('koperasi', kode, 'koperasi_rat')})`
		: opts.ratNote;
	// members (core coops only; KDKMP add almost no members)
	const memA = anchorsFor('koperasi', kode, 'jumlah_anggota');
	const memNoise = noiseSeries(r, 0.03);
	const memBase = byYear(
		(y) => s.aktifCore[y] * MPC[y] * opts.memberFactor(y) * (memA.size ? 1 : memNoise[y])
	);
	s.anggota = byYear((y) => n0(anchored(memBase, memA)[y]));
	s.st.jumlah_anggota = memA.size && s.st.koperasi_aktif === 'estimasi' ? 'estimasi' : 'sintetis';
	s.note.jumlah_anggota = memA.size
		? `anggota: anggota/koperasi melalui angka resmi (${anchorIds('koperasi', kode, 'jumlah_anggota')})`
		: opts.memberNote;
	/** Relative coop size (members per core coop vs national): drives staff and money, so big-coop regions get more of both. */
	s.size = byYear((y) => s.anggota[y] / (s.aktifCore[y] * MPC[y]));
	const mgrNoise = noiseSeries(r, 0.05);
	const empNoise = noiseSeries(r, 0.06);
	s.manajer = byYear((y) => n0(s.aktifCore[y] * 0.22 * s.size[y] ** 0.3 * mgrNoise[y]));
	s.karyawan = byYear((y) =>
		n0(s.aktifCore[y] * 3.0 * s.size[y] ** 0.8 * (opts.kopkar ?? 1) * empNoise[y])
	);
	s.st.jumlah_manajer = 'sintetis';
	s.st.jumlah_karyawan = 'sintetis';
	s.note.jumlah_manajer = `manajer & karyawan: rasio per koperasi aktif x ukuran koperasi${opts.kopkar ? ' (karyawan x1,5: Kopkar)' : ''}`;
	s.note.jumlah_karyawan = s.note.jumlah_manajer;
}

// provinces
fitAktifProvinces();
for (const p of provinces) {
	const r = rngFor('koperasi', p.kode, 'jumlah');
	const t0 = uni(r, 1.45, 2.1);
	const nz = noiseSeries(r, 0.02);
	const hasA = anchorsFor('koperasi', p.kode, 'jumlah_koperasi').size > 0;
	fitJumlah(
		p.kode,
		byYear((y) => R[p.kode].aktifCore[y] * (hasA ? 1.8 : t0 * nz[y])),
		'jumlah: aktif x rasio jumlah/aktif acak 1,45-2,1'
	);
}
for (const p of provinces) {
	const r = rngFor('koperasi', p.kode, 'param');
	const ratShare = uni(r, 0.42, 0.62);
	const m = logUni(r, 0.6, 1.5);
	finishKoperasi(p.kode, {
		ratShare: () => ratShare,
		ratNote: 'RAT: aktif x pangsa acak 42-62 %',
		memberFactor: () => m,
		memberNote: 'anggota: aktif x anggota/koperasi nasional x faktor acak'
	});
}

// Jawa Barat kab/kota
fitAktifJabarKab();
const P32 = R['32'];
const tRatio = (P) => byYear((y) => P.jumlahCore[y] / P.aktifCore[y]);
const t32 = tRatio(P32);
for (const k of kabJB) {
	const r = rngFor('koperasi', k.kode, 'jumlah');
	const f = uni(r, 0.85, 1.15);
	const nz = noiseSeries(r, 0.02);
	const hasA = anchorsFor('koperasi', k.kode, 'jumlah_koperasi').size > 0;
	fitJumlah(
		k.kode,
		byYear((y) => R[k.kode].aktifCore[y] * t32[y] * (hasA ? 1 : f * nz[y])),
		'jumlah: aktif x rasio jumlah/aktif Jabar x faktor acak'
	);
}
const ratShare32 = byYear((y) => P32.rat[y] / P32.aktif[y]);
const size32 = P32.size;
for (const k of kabJB) {
	const r = rngFor('koperasi', k.kode, 'param');
	const rf = uni(r, 0.85, 1.15);
	const mf = uni(r, 0.8, 1.2);
	const bekasi = k.kode === '32.16';
	finishKoperasi(k.kode, {
		ratShare: (y) => Math.min(0.9, ratShare32[y] * rf),
		ratNote: 'RAT: aktif x pangsa RAT Jabar x faktor acak',
		/** Kab. Bekasi: many company cooperatives (Kopkar) with large memberships -> 1.05 x national members per coop (Babel: ~0.2). */
		memberFactor: (y) => (bekasi ? 1.05 : size32[y] * mf),
		memberNote: bekasi
			? 'anggota: aktif x anggota/koperasi nasional x 1,05 (Kopkar besar)'
			: 'anggota: aktif x anggota/koperasi Jabar x faktor acak',
		kopkar: bekasi ? 1.5 : undefined
	});
}

// Bangka Belitung kab/kota: registered counts per kab/kota are real for 2025, so fit jumlah first.
const P19 = R['19'];
const jumlahCore2025 = Object.fromEntries(
	kabBB.map((k) => [k.kode, anchorsFor('koperasi', k.kode, 'jumlah_koperasi').get(2025)])
);
const jc2025Sum = sum(Object.values(jumlahCore2025));
const rate19 = byYear((y) => P19.aktifCore[y] / P19.jumlahCore[y]);
for (const k of kabBB) {
	const s = R[k.kode];
	s.st.koperasi_aktif = 'estimasi';
	s.jumlahCore = anchored(
		byYear((y) => (P19.jumlahCore[y] * jumlahCore2025[k.kode]) / jc2025Sum),
		anchorsFor('koperasi', k.kode, 'jumlah_koperasi')
	);
	s.st.jumlah_koperasi = 'estimasi';
	s.note.jumlah_koperasi = `jumlah: tren Babel x pangsa kab/kota 2025, melalui angka resmi (${anchorIds('koperasi', k.kode, 'jumlah_koperasi')})`;
	const aA = anchorsFor('koperasi', k.kode, 'koperasi_aktif');
	const fit = anchored(
		byYear((y) => s.jumlahCore[y] * rate19[y]),
		aA
	);
	s.aktifCore = byYear((y) => (aA.has(y) ? fit[y] : Math.min(fit[y], s.jumlahCore[y] * 0.95)));
	s.note.koperasi_aktif = `aktif: jumlah x rasio aktif/jumlah Babel${aA.size ? `, melalui angka resmi (${anchorIds('koperasi', k.kode, 'koperasi_aktif')})` : ''}`;
}
const ratShare19 = byYear((y) => P19.rat[y] / P19.aktif[y]);
for (const k of kabBB) {
	const r = rngFor('koperasi', k.kode, 'param');
	const rf = uni(r, 0.85, 1.15);
	const mf = uni(r, 0.8, 1.2);
	finishKoperasi(k.kode, {
		ratShare: (y) => Math.min(0.9, ratShare19[y] * rf),
		ratNote: 'RAT: aktif x pangsa RAT Babel x faktor acak',
		memberFactor: (y) => P19.size[y] * mf,
		memberNote: 'anggota: aktif x anggota/koperasi Babel x faktor acak'
	});
}

// ---------------------------------------------------------------- pembiayaan

const FIN_ANCHOR_BASE = {
	volume_usaha: (s, y) => s.aktifCore[y] * VUPC[y],
	shu: (s, y) => s.aktifCore[y] * SHUPC[y],
	modal_sendiri: (s, y) => s.aktifCore[y] * ASETPC[y] * 0.42
};

/** Scale factor vs the national average coop: from the region's own real money figures if any, else from its membership size. */
function moneyScale(kode, fallback) {
	const s = R[kode];
	const implied = [];
	for (const [fact, base] of Object.entries(FIN_ANCHOR_BASE))
		for (const [y, v] of anchorsFor('pembiayaan', kode, fact)) implied.push(v / base(s, y));
	if (!implied.length) return { scale: fallback, fromReal: false };
	return { scale: Math.exp(sum(implied.map(Math.log)) / implied.length), fromReal: true };
}

function kurAnchors(kode) {
	const m = new Map();
	if (kode === '32') m.set(2020, fv('F040') * KUR_ANNUALISE_2020);
	if (kode === '19') m.set(2024, fv('F082') * 3);
	if (kode === '19.01') m.set(2024, fv('F082') * 3 * 0.2504); // F082 catatan: Kab. Bangka 25,04 %
	return m;
}
const KUR_NOTE = {
	32: `KUR: F040=${F.get('F040').nilai} (s.d. 15 Sep 2020) x12/8,5 = 2020, tren nasional +12 %/th`,
	19: `KUR: F082=${F.get('F082').nilai} (Jan-Apr 2024) x3 = 2024, tren nasional +12 %/th`,
	19.01: `KUR: 25,04 % x Babel 2024 (F082 catatan); F081=${F.get('F081').nilai} (2021-pertengahan 2022, satu bank) tidak dipakai`
};

function buildPembiayaan(kode, parentKode, fallbackScale) {
	const s = R[kode];
	const r = rngFor('pembiayaan', kode, 'param');
	const { scale, fromReal } = moneyScale(kode, fallbackScale(r));
	const fin = {};
	const st = {};
	const note = {};
	const aktifEst = s.st.koperasi_aktif === 'estimasi';
	const series = (fact, baseFn, sd) => {
		const a = anchorsFor('pembiayaan', kode, fact);
		const nz = noiseSeries(rngFor('pembiayaan', kode, fact), sd);
		const est = a.size > 0 && aktifEst;
		fin[fact] = anchored(
			byYear((y) => baseFn(y) * (est ? 1 : nz[y])),
			a
		);
		st[fact] = est ? 'estimasi' : 'sintetis';
		note[fact] = a.size
			? `${fact}: melalui angka resmi (${anchorIds('pembiayaan', kode, fact)}), aktif x rata-rata per koperasi nasional`
			: `keuangan: aktif x rata-rata per koperasi nasional x skala ${fromReal ? 'dari angka resmi wilayah' : 'ukuran koperasi'}`;
	};
	series('volume_usaha', (y) => s.aktifCore[y] * VUPC[y] * scale, 0.03);
	series('shu', (y) => s.aktifCore[y] * SHUPC[y] * scale, 0.05);
	series('aset', (y) => s.aktifCore[y] * ASETPC[y] * scale, 0.03);
	const msShare0 = uni(r, 0.4, 0.47);
	series(
		'modal_sendiri',
		(y) => s.aktifCore[y] * ASETPC[y] * scale * (msShare0 - 0.004 * (y - 2018)),
		0.02
	);
	// Keep modal luar > modal sendiri (DOMAIN 7.2): cap a fitted own-capital share at 48 % of assets,
	// or lift assets when own capital is real/anchored.
	for (const y of YEARS) {
		if (
			st.modal_sendiri === 'estimasi' ||
			getResmi('pembiayaan', kode, y, 'modal_sendiri') !== undefined
		)
			fin.aset[y] = Math.max(fin.aset[y], fin.modal_sendiri[y] / 0.48);
		else fin.modal_sendiri[y] = Math.min(fin.modal_sendiri[y], fin.aset[y] * 0.48);
	}
	fin.modal_luar = byYear((y) => fin.aset[y] - fin.modal_sendiri[y]);
	st.modal_luar = 'sintetis';
	note.modal_luar = 'modal_luar = aset - modal sendiri';
	const loanShare = uni(r, 0.35, 0.5);
	series('pinjaman_diberikan', (y) => fin.volume_usaha[y] * loanShare, 0.04);
	// KUR is a population-scale programme, not tied to coop counts.
	const ka = kurAnchors(kode);
	const kNoise = noiseSeries(rngFor('pembiayaan', kode, 'kur'), 0.05);
	const kFactor = uni(r, 0.6, 1.4);
	const parent = parentKode ? R[parentKode].fin : null;
	const kabFactor = uni(r, 0.8, 1.25);
	const kurBase = byYear((y) =>
		parent
			? ((parent.kur_realisasi[y] * s.w.pop) / R[parentKode].w.pop) * kabFactor
			: s.w.pop * KURPC[y] * kFactor
	);
	fin.kur_realisasi = anchored(
		byYear((y) => kurBase[y] * (ka.size ? 1 : kNoise[y])),
		ka
	);
	st.kur_realisasi = ka.size ? 'estimasi' : 'sintetis';
	note.kur_realisasi =
		KUR_NOTE[kode] ??
		(parent
			? 'KUR: KUR provinsi x pangsa penduduk x faktor acak'
			: 'KUR: penduduk x KUR per kapita nasional (F028 dianualisasi, +12 %/th) x faktor acak');
	const da = new Map(kode === '19' ? [[2024, 7823 * 3]] : []); // F082 catatan: 7.823 debitur Jan-Apr 2024
	const lf = kode.startsWith('19') && kode !== '19' ? null : uni(r, 0.8, 1.3);
	const avgLoan19 = kode.startsWith('19.')
		? byYear((y) => R['19'].fin.kur_realisasi[y] / R['19'].fin.kur_debitur[y])
		: null;
	const kabLoanFactor = uni(r, 0.9, 1.1);
	fin.kur_debitur = anchored(
		byYear(
			(y) => fin.kur_realisasi[y] / (avgLoan19 ? avgLoan19[y] * kabLoanFactor : AVG_LOAN[y] * lf)
		),
		da
	);
	st.kur_debitur = da.size ? 'estimasi' : 'sintetis';
	note.kur_debitur = da.size
		? 'debitur: 7823 Jan-Apr 2024 (F082 catatan) x3 = 2024, tahun lain KUR / rata-rata per debitur'
		: `debitur: KUR / rata-rata per debitur (${avgLoan19 ? 'Babel' : 'nasional'}) x faktor acak`;
	s.fin = fin;
	s.finScale = scale;
	s.finSt = st;
	s.finNote = note;
}

for (const p of provinces)
	buildPembiayaan(p.kode, null, (r) => R[p.kode].size[2022] ** 0.5 * uni(r, 0.85, 1.15));
for (const k of [...kabJB, ...kabBB]) {
	const P = R[k.kode.slice(0, 2)];
	const bekasi = k.kode === '32.16';
	/** Kab. Bekasi: industrial-estate Kopkar are large; DOMAIN 7.2 puts its VU at Rp0.7-1.5 T. */
	buildPembiayaan(k.kode, k.kode.slice(0, 2), (r) =>
		bekasi ? 1.25 : P.finScale * Math.sqrt(R[k.kode].size[2022] / P.size[2022]) * uni(r, 0.9, 1.1)
	);
}

// ---------------------------------------------------------------- jangkauan pasar

const DARING = {
	2018: 0.08,
	2019: 0.11,
	2020: 0.17,
	2021: 0.22,
	2022: 0.26,
	2023: 0.29,
	2024: 0.32,
	2025: 0.35
};
const COVID = { 2020: 0.88, 2021: 0.94 };
const PAMERAN_COVID = { 2020: 0.35, 2021: 0.6 };
const OMZET = byYear((y) => 95e6 * 1.05 ** (y - 2018) * (COVID[y] ?? 1));
const UMKM_GROWTH_ASSUMED = 1.03;

const jp = {}; // kode -> { fact: {y: v}, st: {}, note: {} }

function umkmSeries() {
	// Jawa Barat kab/kota: real 2018-2023, 2024-2025 continue each kab/kota's 2022->2023 projection growth.
	for (const k of kabJB) {
		const g = odjValue.get(`${k.kode}|2023`) / odjValue.get(`${k.kode}|2022`);
		jp[k.kode] = {
			U: byYear((y) =>
				y <= 2023
					? odjValue.get(`${k.kode}|${y}`)
					: Math.round(odjValue.get(`${k.kode}|2023`) * g ** (y - 2023))
			),
			st: { jumlah_umkm: 'estimasi' },
			note: { jumlah_umkm: 'UMKM: laju proyeksi Open Data Jabar (6,19 %/th) dilanjutkan' }
		};
	}
	jp['32'] = {
		U: byYear((y) => sum(kabJB.map((k) => jp[k.kode].U[y]))),
		st: { jumlah_umkm: 'estimasi' },
		note: { jumlah_umkm: 'UMKM: jumlah 27 kab/kota Open Data Jabar (2024-2025 diekstrapolasi)' }
	};
	// Bangka Belitung: 2022 real (F079), Kab. Bangka 2022 real (F080); other years +3 %/yr assumed.
	const babel = byYear((y) => Math.round(fv('F079') * UMKM_GROWTH_ASSUMED ** (y - 2022)));
	jp['19'] = {
		U: babel,
		st: { jumlah_umkm: 'estimasi' },
		note: { jumlah_umkm: 'UMKM: angka resmi 2022 (F079), asumsi tumbuh 3 %/th' }
	};
	const bangka = byYear((y) => Math.round(fv('F080') * UMKM_GROWTH_ASSUMED ** (y - 2022)));
	jp['19.01'] = {
		U: bangka,
		st: { jumlah_umkm: 'estimasi' },
		note: { jumlah_umkm: 'UMKM: angka resmi 2022 (F080), asumsi tumbuh 3 %/th' }
	};
	const others = kabBB.filter((k) => k.kode !== '19.01');
	const w = Object.fromEntries(
		others.map((k) => [k.kode, k.pop * uni(rngFor('jangkauan_pasar', k.kode, 'umkm'), 0.85, 1.15)])
	);
	const alloc = byYear((y) => allocate(babel[y] - bangka[y], w));
	for (const k of others)
		jp[k.kode] = {
			U: byYear((y) => alloc[y][k.kode]),
			st: { jumlah_umkm: 'sintetis' },
			note: {
				jumlah_umkm: 'UMKM: Babel dikurangi Kab. Bangka, dibagi menurut penduduk x faktor acak'
			}
		};
	// Other provinces: mean 2022 UMKM per capita of Jawa Barat and Babel x random factor, +3 %/yr.
	const perCap = (jp['32'].U[2022] / W.get('32').pop + fv('F079') / W.get('19').pop) / 2;
	for (const p of provinces.filter((p) => !jp[p.kode])) {
		const r = rngFor('jangkauan_pasar', p.kode, 'umkm');
		const f = uni(r, 0.75, 1.3);
		const nz = noiseSeries(r, 0.015);
		jp[p.kode] = {
			U: byYear((y) => Math.round(p.pop * perCap * f * UMKM_GROWTH_ASSUMED ** (y - 2022) * nz[y])),
			st: { jumlah_umkm: 'sintetis' },
			note: {
				jumlah_umkm: 'UMKM: penduduk x UMKM per kapita Jabar/Babel 2022 x faktor acak, +3 %/th'
			}
		};
	}
}
umkmSeries();

/** Region profiles from DOMAIN §7.3; Babel kab/kota inherit the Babel profile, other regions are drawn at random. */
function marketProfile(kode, r) {
	const babel = kode === '19' || kode.startsWith('19.');
	if (kode === '32.16')
		return { luar: 0.16, ekspor: 0.006, daring: 1.2, omzet: 1.3, eksporPer: 1.4 };
	if (babel)
		return {
			luar: 0.1 * uni(r, 0.85, 1.15),
			ekspor: 0.003 * uni(r, 0.8, 1.2),
			daring: 0.85 * uni(r, 0.9, 1.1),
			omzet: 1.05 * uni(r, 0.9, 1.1),
			eksporPer: 0.8
		};
	const kota = W.get(kode).jenis === 'Kota';
	return {
		luar: uni(r, 0.07, 0.2),
		ekspor: uni(r, 0.0015, 0.007),
		daring: kota ? uni(r, 1.05, 1.3) : uni(r, 0.7, 1.15),
		omzet: uni(r, 0.75, 1.25) * (kota ? 1.1 : 1),
		eksporPer: uni(r, 0.6, 1.3)
	};
}

/**
 * Permanent product galleries. Kab. Bekasi has no dedicated building (it uses mall outlets);
 * Babel's known galleries: Dekranasda Pangkalpinang (2016) + Museum Timah UMKM gallery,
 * Dekranasda Bangka Tengah (Koba, Feb 2023), Dekranasda Bangka Barat (Muntok); Kota Bekasi has a
 * Galeri UMKM in the city-hall lobby (2018). Everything else is drawn at random.
 */
function galeri(kode, r) {
	const fixed = {
		32.16: () => 0,
		32.75: () => 1,
		19.71: () => 2,
		19.04: (y) => (y >= 2023 ? 1 : 0),
		19.05: () => 1,
		19.02: () => 1,
		19.01: () => 0,
		19.03: () => 0,
		19.06: () => 0
	};
	if (fixed[kode]) return byYear(fixed[kode]);
	const w = W.get(kode);
	const g0 =
		w.tingkat === 'provinsi'
			? Math.round(3 + (w.pop / 1.5e6) * uni(r, 0.5, 1.5))
			: Math.floor(uni(r, 0, 3));
	const step = Math.floor(uni(r, 2019, 2027));
	return byYear((y) => g0 + (y >= step ? 1 : 0));
}

function pameran(kode, r) {
	const w = W.get(kode);
	let base;
	if (kode === '32.16') base = 12;
	else if (kode === '19') base = 7;
	else if (w.tingkat === 'provinsi') base = 5 + (w.pop / 3e6) * uni(r, 0.6, 1.4);
	else if (kode.startsWith('19.')) base = uni(r, 2, 6);
	else base = uni(r, 4, 14);
	const nz = noiseSeries(r, 0.1);
	return byYear((y) => n0(base * 1.03 ** (y - 2018) * (PAMERAN_COVID[y] ?? 1) * nz[y]));
}

function buildMarket(kode) {
	const r = rngFor('jangkauan_pasar', kode, 'profil');
	const pf = marketProfile(kode, r);
	const j = jp[kode];
	const U = j.U;
	const nz = (tag, sd) => noiseSeries(rngFor('jangkauan_pasar', kode, tag), sd);
	const nL = nz('luar', 0.04);
	const nE = nz('ekspor', 0.06);
	const nD = nz('daring', 0.03);
	const nS = nz('omzet', 0.03);
	const nSL = nz('omzet_luar', 0.03);
	const nX = nz('nilai_ekspor', 0.06);
	const luarShare = byYear((y) => Math.min(0.6, pf.luar + 0.006 * (y - 2018)) * nL[y]);
	j.umkm_pemasaran_luar_daerah = byYear((y) => Math.min(U[y], n0(U[y] * luarShare[y])));
	j.umkm_ekspor = byYear((y) => Math.min(U[y], n0(U[y] * pf.ekspor * 1.04 ** (y - 2018) * nE[y])));
	j.umkm_daring = byYear((y) =>
		Math.min(U[y], n0(U[y] * Math.min(0.85, DARING[y] * pf.daring) * nD[y]))
	);
	j.penjualan_total = byYear((y) => rp(U[y] * OMZET[y] * pf.omzet * nS[y]));
	j.penjualan_luar_daerah = byYear((y) =>
		Math.min(
			j.penjualan_total[y],
			rp(j.penjualan_total[y] * Math.min(0.7, 1.6 * luarShare[y]) * nSL[y])
		)
	);
	j.nilai_ekspor = byYear((y) =>
		Math.min(
			rp(j.penjualan_luar_daerah[y] * 0.8),
			rp(j.umkm_ekspor[y] * 0.9e9 * pf.eksporPer * 1.05 ** (y - 2018) * nX[y])
		)
	);
	j.galeri_produk = galeri(kode, r);
	j.keikutsertaan_pameran = pameran(kode, r);
}
for (const kode of COVERAGE) buildMarket(kode);
// Jawa Barat and Babel provinces: market counts and sales are the sum of their kab/kota.
for (const [p, kabs] of [
	['32', kabJB],
	['19', kabBB]
]) {
	for (const f of [
		'umkm_pemasaran_luar_daerah',
		'umkm_ekspor',
		'umkm_daring',
		'penjualan_total',
		'penjualan_luar_daerah',
		'nilai_ekspor'
	])
		jp[p][f] = byYear((y) => sum(kabs.map((k) => jp[k.kode][f][y])));
	const extra = p === '32' ? 2 : 0; // provincial showrooms on top of kab/kota ones (Jabar only; Babel's four known are all in kab/kota)
	jp[p].galeri_produk = byYear((y) => sum(kabs.map((k) => jp[k.kode].galeri_produk[y])) + extra);
}
const MARKET_NOTE =
	'pasar: jumlah UMKM x pangsa luar daerah/ekspor/daring dan omzet per UMKM menurut profil wilayah';
function marketNote(kode, fact) {
	if (fact !== 'galeri_produk' && fact !== 'keikutsertaan_pameran') return MARKET_NOTE;
	if (fact === 'keikutsertaan_pameran') return 'pameran: per tahun, turun 2020-2021 (pandemi)';
	if (kode === '32.16') return 'galeri: 0, tidak ada gedung galeri (produk dipajang di gerai mal)';
	if (kode === '32.75') return 'galeri: Galeri UMKM lobi Pemkot Bekasi (2018)';
	if (kode === '19' || kode.startsWith('19.'))
		return 'galeri: galeri Dekranasda Pangkalpinang (2016), Bangka Tengah (2023), Bangka Barat, Museum Timah; sisanya acak';
	return 'galeri: acak';
}

// ---------------------------------------------------------------- write cells

const SINTETIS_TAG = `seed ${SEED}`;
for (const kode of COVERAGE) {
	const s = R[kode];
	const j = jp[kode];
	const put = (ds, fact, values, st, note, transform = (v) => v) => {
		for (const y of YEARS) {
			if (cells[ds].has(`${kode}|${y}|${fact}`)) continue;
			const n = [note];
			if (
				ds === 'koperasi' &&
				(fact === 'koperasi_aktif' || fact === 'jumlah_koperasi') &&
				kdOf(kode, y)
			)
				n.push(kdNote(kode));
			if (ds === 'koperasi' && fact === 'koperasi_rat' && kode === '19' && y === 2023)
				n.push('F061 catatan 217 RAT per Feb 2023 tidak dipakai (musim RAT belum selesai)');
			const bb = BASIS_BREAK_NOTE.get(`${ds}|${kode}|${y}|${fact}`);
			if (bb) n.push(bb);
			setCell(ds, kode, y, fact, { value: transform(values[y]), status: st, note: n });
		}
	};
	put('koperasi', 'jumlah_koperasi', s.jumlah, s.st.jumlah_koperasi, s.note.jumlah_koperasi);
	put('koperasi', 'koperasi_aktif', s.aktif, s.st.koperasi_aktif, s.note.koperasi_aktif);
	put('koperasi', 'koperasi_rat', s.rat, s.st.koperasi_rat, s.note.koperasi_rat);
	put('koperasi', 'jumlah_anggota', s.anggota, s.st.jumlah_anggota, s.note.jumlah_anggota);
	put('koperasi', 'jumlah_manajer', s.manajer, 'sintetis', s.note.jumlah_manajer);
	put('koperasi', 'jumlah_karyawan', s.karyawan, 'sintetis', s.note.jumlah_karyawan);
	for (const fact of DATASETS.pembiayaan.facts) {
		const isCount = fact === 'kur_debitur';
		put('pembiayaan', fact, s.fin[fact], s.finSt[fact], s.finNote[fact], isCount ? n0 : rp);
	}
	put('jangkauan_pasar', 'jumlah_umkm', j.U, j.st.jumlah_umkm, j.note.jumlah_umkm);
	for (const fact of DATASETS.jangkauan_pasar.facts.slice(1))
		put('jangkauan_pasar', fact, j[fact], 'sintetis', marketNote(kode, fact));
}

// Consistency after summing rows (cells are unique per region-year-fact, so the sum is the cell).
for (const kode of COVERAGE)
	for (const y of YEARS) {
		const g = (ds, f) => cells[ds].get(`${kode}|${y}|${f}`).value;
		const checks = [
			[g('koperasi', 'koperasi_rat') <= g('koperasi', 'koperasi_aktif'), 'rat<=aktif'],
			[g('koperasi', 'koperasi_aktif') <= g('koperasi', 'jumlah_koperasi'), 'aktif<=jumlah'],
			[
				g('jangkauan_pasar', 'penjualan_luar_daerah') <= g('jangkauan_pasar', 'penjualan_total'),
				'luar<=total'
			],
			[g('pembiayaan', 'shu') > 0, 'shu>0'],
			...['umkm_pemasaran_luar_daerah', 'umkm_ekspor', 'umkm_daring'].map((f) => [
				g('jangkauan_pasar', f) <= g('jangkauan_pasar', 'jumlah_umkm'),
				`${f}<=jumlah_umkm`
			])
		];
		for (const [ok, what] of checks) if (!ok) throw new Error(`inconsistent ${kode} ${y}: ${what}`);
	}

function resmiSumber(g) {
	const src = g.url || 'URL tidak tercatat (kutipan ANTARA)';
	const ids = g.ids.filter((i) => i !== 'Open Data Jabar');
	const inner = [g.owners.join(' / '), ids.length ? `fakta ${ids.join(', ')}` : '', ...g.notes]
		.filter(Boolean)
		.join('; ');
	return `${src} (${inner})${g.alts.length ? `; sumber lain: ${g.alts.join('; ')}` : ''}`;
}

function buildRows(ds) {
	const d = DATASETS[ds];
	const rows = new Map(); // "kode|tahun|status|group" -> row
	for (const [key, c] of cells[ds]) {
		const [kode, tahun, fact] = key.split('|');
		const rk = `${kode}|${tahun}|${c.status}|${c.status === 'resmi' ? c.group : ''}`;
		if (!rows.has(rk)) {
			const row = {
				kode_wilayah: kode,
				tahun: Number(tahun),
				notes: [],
				status_data: c.status,
				group: c.group
			};
			if (d.dim) row[d.dim] = 'semua';
			rows.set(rk, row);
		}
		const row = rows.get(rk);
		row[fact] = c.value;
		for (const n of c.note ?? []) if (!row.notes.includes(n)) row.notes.push(n);
	}
	const out = [...rows.values()].map((row) => {
		row.sumber =
			row.status_data === 'resmi'
				? resmiSumber(resmiGroups.get(row.group))
				: `${row.status_data}${row.status_data === 'sintetis' ? ` (${SINTETIS_TAG})` : ''}: ${row.notes.join('; ')}`;
		return row;
	});
	out.sort(
		(a, b) =>
			compareKode(a.kode_wilayah, b.kode_wilayah) ||
			a.tahun - b.tahun ||
			(d.dim ? a[d.dim].localeCompare(b[d.dim]) : 0) ||
			STATUS_ORDER[a.status_data] - STATUS_ORDER[b.status_data] ||
			(a.sumber < b.sumber ? -1 : a.sumber > b.sumber ? 1 : 0)
	);
	return out;
}

fs.mkdirSync(OUT, { recursive: true });
writeCsv(
	'wilayah.csv',
	[
		'kode_wilayah',
		'kode_bps',
		'nama_wilayah',
		'nama_pendek',
		'tingkat',
		'jenis',
		'kode_provinsi',
		'nama_provinsi',
		'penduduk_2025',
		'luas_km2'
	],
	wilayahRows
);
writeCsv(
	'penduduk.csv',
	['kode_wilayah', 'tahun', 'jumlah_penduduk', 'status_data', 'sumber'],
	pendudukRows
);
for (const [ds, d] of Object.entries(DATASETS)) {
	const cols = [
		'kode_wilayah',
		'tahun',
		...(d.dim ? [d.dim] : []),
		...d.facts,
		'status_data',
		'sumber'
	];
	writeCsv(d.file, cols, buildRows(ds));
}
writeCsv(KDKMP_FILE, KDKMP_COLUMNS, kdkmp.rows);
