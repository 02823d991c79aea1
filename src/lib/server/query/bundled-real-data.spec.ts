/**
 * The real figures of the bundled data, as the app answers them: the bundled CSVs loaded into a
 * real DuckDB file as at a first start, asked through the same query path as the API. Expected
 * values come from the copies of the publishers' files in datasets/sources/, not from kdkmp.csv.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, FACT_DATASETS } from '$lib/catalogue/datasets';
import { findIndicator, type Normalisation } from '$lib/catalogue/indicators';
import type { QueryRow } from '$lib/query/indicator-query';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { runIndicatorQuery } from './run-indicator-query';

type Row = Record<string, string>;
const DATASETS_DIR = path.resolve('datasets');
const EXPORT = path.join(DATASETS_DIR, 'sources', 'simkopdes-kdkmp-kabkota-2026-08');
const VILLAGES = path.join(
	DATASETS_DIR,
	'sources',
	'desa-kecamatan-2025',
	'desa_kelurahan_per_kabkota_kepmendagri2025.csv'
);

function read(file: string): Row[] {
	return Papa.parse<Row>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true })
		.data;
}

const kabkota = read(path.join(EXPORT, 'kdkmp_kabkota_2026-08-05_kemendagri.csv'));
const provinceRows = read(path.join(EXPORT, 'kopdes_stats_province.csv'));
const villagesOf = new Map<string, number>();
for (const v of read(VILLAGES)) {
	const n = Number(v.desa_kelurahan_total);
	villagesOf.set(v.kode_kabkota!, n);
	villagesOf.set(v.kode_provinsi!, (villagesOf.get(v.kode_provinsi!) ?? 0) + n);
}
/** SIMKOPDES province name → Kemendagri code, from the kab/kota rows that carry both. */
const provinceCode = new Map(kabkota.map((r) => [r.province!, r.kode_wilayah!.split('.')[0]!]));
const province = provinceRows.map((r) => ({ ...r, kode_wilayah: provinceCode.get(r.province!)! }));
const n = (r: Row, column: string) => Number(r[column]);

let opened: SpecDatabase;
const codes = [...kabkota.map((r) => r.kode_wilayah!), ...province.map((r) => r.kode_wilayah)];

beforeAll(async () => {
	const datasets = Object.fromEntries(
		fs
			.readdirSync(DATASETS_DIR)
			.filter((f) => f.endsWith('.csv'))
			.map((f) => [f, fs.readFileSync(path.join(DATASETS_DIR, f), 'utf8')])
	);
	opened = await openSpecDatabase('bundled-real', { datasets });
}, 120_000);

afterAll(() => opened?.dispose());

async function ask(id: string, per: Normalisation = 'total', from = 2026, to = 2026) {
	const indicator = findIndicator(id);
	if (!indicator) throw new Error(`No indicator ${id}`);
	const rows = await runIndicatorQuery(opened.db, { indicator, per, regions: codes, from, to });
	return new Map<string, QueryRow>(rows.map((r) => [r.region_code, r]));
}

/** Every region's value equals `want` (to 1e-9 relative) and is resmi; returns how many held. */
async function expectResmi(
	id: string,
	rows: readonly (Row & { kode_wilayah: string })[],
	want: (r: Row) => number | null
): Promise<number> {
	const answers = await ask(id);
	let held = 0;
	for (const r of rows) {
		const got = answers.get(r.kode_wilayah);
		const expected = want(r);
		const where = `${id} ${r.kode_wilayah}`;
		if (expected === null) expect(got?.value ?? null, where).toBeNull();
		else {
			expect(got?.value, where).toBeCloseTo(expected, 9 - Math.ceil(Math.log10(expected + 1)));
			expect(got?.status, where).toBe('resmi');
			expect(got?.sources, where).toContain('SIMKOPDES');
		}
		held++;
	}
	return held;
}

const share = (column: string) => (r: Row) =>
	n(r, 'cooperatives') === 0 ? null : (n(r, column) / n(r, 'cooperatives')) * 100;
const savings = (r: Row) => n(r, 'simpanan_pokok_amount') + n(r, 'simpanan_wajib_amount');
const CASES: [string, (r: Row) => number | null][] = [
	['kdkmp_koperasi', (r) => n(r, 'cooperatives')],
	['kdkmp_persen_nib', share('nib_count')],
	['kdkmp_persen_npwp', share('npwp_count')],
	['kdkmp_persen_rekening', share('accounts_count')],
	['kdkmp_simpanan_per_koperasi', (r) => savings(r) / n(r, 'cooperatives')],
	[
		'kdkmp_simpanan_per_anggota',
		(r) =>
			n(r, 'simpanan_pokok_members') === 0 ? null : savings(r) / n(r, 'simpanan_pokok_members')
	],
	['kdkmp_transaksi_per_koperasi', (r) => n(r, 'transaction_value') / n(r, 'cooperatives')]
];

describe('SIMKOPDES KDKMP export of 2026-08-05, as the app answers it', () => {
	it('the export lists 514 kab/kota and 38 provinces, the 11 junk rows left out', () => {
		expect(new Set(kabkota.map((r) => r.kode_wilayah)).size).toBe(514);
		expect(new Set(province.map((r) => r.kode_wilayah)).size).toBe(38);
		expect(province.every((r) => /^\d\d$/.test(r.kode_wilayah))).toBe(true);
		for (const junk of ['Akaiwa', 'Fukuoka', 'Sak Lek'])
			expect(kabkota.some((r) => r.district!.includes(junk))).toBe(false);
	});

	it.each(CASES)('%s equals the export for 514/514 kab/kota, resmi', async (id, want) => {
		expect(await expectResmi(id, kabkota as (Row & { kode_wilayah: string })[], want)).toBe(514);
	});

	it.each(CASES)('%s equals the export for 38/38 provinces, resmi', async (id, want) => {
		expect(await expectResmi(id, province, want)).toBe(38);
	});

	it('village coverage is cooperatives over desa + kelurahan: Bekasi 187 of 187, Babel 394 of 393, Lanny Jaya 114 of 355', async () => {
		const coverage = await ask('kdkmp_cakupan_desa');
		const villages = await ask('desa_kelurahan');
		const coops = await ask('kdkmp_koperasi');
		for (const r of [...kabkota, ...province]) {
			const code = r.kode_wilayah!;
			expect(villages.get(code)?.value, code).toBe(villagesOf.get(code));
			expect(villages.get(code)?.status, code).toBe('resmi');
			expect(coverage.get(code)?.value, code).toBeCloseTo(
				(n(r, 'cooperatives') / villagesOf.get(code)!) * 100,
				9
			);
			expect(coverage.get(code)?.status, code).toBe('resmi');
		}
		expect([coops.get('32.16')?.value, villages.get('32.16')?.value]).toEqual([187, 187]);
		expect(coverage.get('32.16')?.value).toBe(100);
		expect([coops.get('19')?.value, villages.get('19')?.value]).toEqual([394, 393]);
		expect([coops.get('95.07')?.value, villages.get('95.07')?.value]).toEqual([114, 355]);
		expect(coverage.get('95.07')?.value).toBeCloseTo(32.11, 2);
	});

	it('province health shares come from the province file; kab/kota have none', async () => {
		const healthy = await ask('kdkmp_persen_sehat');
		for (const r of province) {
			const want =
				((n(r, 'healthy_count') + n(r, 'fairly_healthy_count')) /
					n(r, 'health_total_cooperative')) *
				100;
			expect(healthy.get(r.kode_wilayah)?.value, r.kode_wilayah).toBeCloseTo(want, 9);
			expect(healthy.get(r.kode_wilayah)?.status).toBe('resmi');
		}
		for (const r of kabkota) expect(healthy.get(r.kode_wilayah!)?.value).toBeNull();
	});

	it('the share of kab/kota reporting trade counts kab/kota with a non-zero value', async () => {
		const reporting = await ask('kdkmp_persen_lapor_transaksi');
		for (const r of kabkota)
			expect(reporting.get(r.kode_wilayah!)?.value).toBe(n(r, 'transaction_value') > 0 ? 100 : 0);
		for (const p of province) {
			const own = kabkota.filter((k) => k.kode_wilayah!.startsWith(`${p.kode_wilayah}.`));
			const want = (own.filter((k) => n(k, 'transaction_value') > 0).length / own.length) * 100;
			expect(reporting.get(p.kode_wilayah)?.value, p.kode_wilayah).toBeCloseTo(want, 9);
		}
		expect(reporting.get('32')?.value).toBe(100);
		expect(reporting.get('95')?.value).toBe(0);
	});

	it('is a 2026 snapshot: no year before it has a figure', async () => {
		const rows = await ask('kdkmp_koperasi', 'total', 2018, 2026);
		expect(rows.size).toBe(552);
		const indicator = findIndicator('kdkmp_koperasi')!;
		const all = await runIndicatorQuery(opened.db, {
			indicator,
			per: 'total',
			regions: codes,
			from: 2018,
			to: 2025
		});
		expect(all.filter((r) => r.value !== null)).toEqual([]);
		expect(indicator.definition.id).toContain('2026');
	});

	it('per 100,000 residents divides by the 2025 population, so it is estimasi', async () => {
		const perCapita = await ask('kdkmp_koperasi', 'population');
		expect(perCapita.get('32.16')).toMatchObject({ population_year: 2025, status: 'estimasi' });
		expect(perCapita.get('32.16')?.value).toBeCloseTo((187 * 100_000) / 3_387_601, 9);
	});
});

describe('status of the bundled fact cells', () => {
	it('measures resmi, estimasi and sintetis shares of every stored fact value', async () => {
		const counts = await opened.db.withConnection(async (c) => {
			const tally: Record<string, Record<string, number>> = {};
			for (const kind of FACT_DATASETS) {
				const facts = DATASETS[kind].facts.map((f) => `count("${f.id}")`).join(' + ');
				const reader = await c.runAndReadAll(
					`SELECT status_data, (${facts})::INTEGER FROM "${kind}" GROUP BY 1 ORDER BY 1`
				);
				tally[kind] = Object.fromEntries(reader.getRows().map(([s, k]) => [String(s), Number(k)]));
			}
			return tally;
		});
		// The measured figures quoted in README.md and datasets/SOURCES.md.
		// 13,248 cells in the three older datasets: 45 resmi (0.34 %), 476 estimasi, 12,727 sintetis;
		// the 6,224 cells of kdkmp are all resmi.
		expect(counts).toEqual({
			koperasi: { resmi: 38, estimasi: 178, sintetis: 3240 },
			pembiayaan: { resmi: 5, estimasi: 60, sintetis: 4543 },
			jangkauan_pasar: { resmi: 2, estimasi: 238, sintetis: 4944 },
			kdkmp: { resmi: 6224 }
		});
	});
});
