import { describe, expect, it } from 'vitest';
import type { QueryRow } from '$lib/query/indicator-query';
import {
	findingSentence,
	findingStatus,
	indicatorName,
	rankPhrase,
	selectFindings,
	type Finding,
	type SentenceContext
} from './findings';
import { summariseIndicator, type IndicatorSummary } from './indicator-summary';
import { indicator, rows } from './spec-rows';

const FOCUS = '32.16';
const BENCHMARK = '19';
const PEERS = ['32.01', FOCUS, '32.75'];

function summary(
	id: string,
	data: QueryRow[],
	per: 'total' | 'population' = 'total',
	showSynthetic = true
) {
	return summariseIndicator({
		showSynthetic,
		indicator: indicator(id),
		per,
		rows: data,
		focus: FOCUS,
		benchmark: BENCHMARK,
		peers: PEERS,
		year: 2024
	});
}

/** Focus and benchmark in 2023 and 2024, peers in 2023 and 2024. */
function pair(focus: [number | null, number | null], benchmark: number | null, peers = [0, 0]) {
	return rows({
		[FOCUS]: { 2023: focus[0], 2024: focus[1] },
		[BENCHMARK]: { 2024: benchmark },
		'32.01': { 2023: peers[0]!, 2024: peers[0]! },
		'32.75': { 2023: peers[1]!, 2024: peers[1]! }
	});
}

const id: SentenceContext = {
	locale: 'id',
	focus: 'Kabupaten Bekasi',
	benchmark: 'Kepulauan Bangka Belitung',
	scope: 'kabupaten/kota di Jawa Barat',
	peerCount: 3
};
const en: SentenceContext = {
	...id,
	locale: 'en',
	scope: 'regencies and cities in Jawa Barat'
};
const ids = (findings: readonly Finding[]) =>
	findings.map((f) => (f.kind === 'rank-steady' ? f.kind : f.summary.indicator.id));

describe('selectFindings: gaps', () => {
	const summaries: IndicatorSummary[] = [
		summary('koperasi_aktif', pair([9, 9], 10)), // −10 %
		summary('kepatuhan_rat', pair([30, 30], 60)), // −50 %
		summary('anggota_per_koperasi', pair([80, 80], 100)), // −20 %
		summary('volume_usaha_per_koperasi', pair([62, 62], 100)), // −38 %
		summary('rasio_modal_sendiri', pair([50, 50], 40)), // +25 %
		summary('jumlah_umkm', pair([70, 70], 100)), // −30 %
		summary('persen_umkm_luar_daerah', pair([1, 1], 0)), // zero benchmark
		summary('galeri_produk', pair([null, null], 5)), // no data
		summary('kur_realisasi', pair([95, 95], 100)) // −5 %
	];

	it('lists the largest shortfalls first, at most five', () => {
		const { gaps } = selectFindings(summaries);
		expect(ids(gaps)).toEqual([
			'kepatuhan_rat',
			'volume_usaha_per_koperasi',
			'jumlah_umkm',
			'anggota_per_koperasi',
			'koperasi_aktif'
		]);
	});

	it('fills up to three with the largest leads when the focus is rarely behind', () => {
		const { gaps } = selectFindings([summaries[0]!, summaries[4]!, summaries[6]!, summaries[7]!]);
		expect(ids(gaps)).toEqual(['koperasi_aktif', 'rasio_modal_sendiri']);
		const three = selectFindings([
			summaries[0]!,
			summaries[4]!,
			summary('jumlah_umkm', pair([150, 150], 100))
		]);
		expect(ids(three.gaps)).toEqual(['koperasi_aktif', 'jumlah_umkm', 'rasio_modal_sendiri']);
	});

	it('skips a zero benchmark and a region without data', () => {
		const gapIds = ids(selectFindings(summaries).gaps);
		expect(gapIds).not.toContain('persen_umkm_luar_daerah');
		expect(gapIds).not.toContain('galeri_produk');
	});

	it('keeps the catalogue order between equal gaps', () => {
		const tied = selectFindings([
			summary('jumlah_umkm', pair([50, 50], 100)),
			summary('koperasi_aktif', pair([5, 5], 10))
		]);
		expect(ids(tied.gaps)).toEqual(['jumlah_umkm', 'koperasi_aktif']);
	});
});

describe('selectFindings: changes and ranks', () => {
	const summaries = [
		summary('koperasi_aktif', pair([10, 12], 20, [11, 5])), // +20 %, rank 2 → 1
		summary('jumlah_umkm', pair([10, 15], 20, [11, 5])), // +50 %, rank 2 → 1
		summary('anggota_per_koperasi', pair([100, 90], 20, [95, 5])), // −10 %, rank 1 → 2
		summary('kepatuhan_rat', pair([40, 20], 20, [30, 5])), // −50 %, rank 1 → 2 (tie)
		summary('aset', pair([null, 20], 20)), // missing previous year
		summary('shu', pair([0, 20], 20)) // zero base
	];

	it('picks the fastest improvements and the steepest declines', () => {
		const found = selectFindings(summaries);
		expect(ids(found.improvements)).toEqual(['jumlah_umkm', 'koperasi_aktif']);
		expect(ids(found.declines)).toEqual(['kepatuhan_rat', 'anggota_per_koperasi']);
	});

	it('lists rank changes, the largest first', () => {
		const found = selectFindings(summaries);
		expect(found.ranks).toHaveLength(2);
		expect(found.ranks.every((f) => f.kind === 'rank')).toBe(true);
	});

	it('says the rank did not move when no rank changed, and nothing without ranks', () => {
		const steady = selectFindings([summary('koperasi_aktif', pair([10, 12], 20, [20, 5]))]);
		expect(steady.ranks).toEqual([{ kind: 'rank-steady', year: 2024, status: 'estimasi' }]);
		const none = selectFindings([summary('koperasi_aktif', pair([null, null], 20, [20, 5]))]);
		expect(none.ranks).toEqual([]);
		expect(none.gaps).toEqual([]);
		expect(none.improvements).toEqual([]);
	});
});

describe('findingSentence', () => {
	it('writes the gap as the issue asks, with the figures behind it', () => {
		const gap = selectFindings([
			summary('volume_usaha_per_koperasi', pair([2_070_000_000, 2_070_000_000], 3_350_000_000))
		]).gaps[0]!;
		expect(findingSentence(gap, id)).toBe(
			'Volume usaha per koperasi aktif Kabupaten Bekasi 38% di bawah Kepulauan Bangka Belitung (2024: Rp2,07 M dibanding Rp3,35 M).'
		);
		expect(findingSentence(gap, en)).toBe(
			'Business volume per active cooperative in Kabupaten Bekasi is 38% below Kepulauan Bangka Belitung (2024: Rp2.07 B against Rp3.35 B).'
		);
	});

	it('names the normalisation and says "above" for a lead', () => {
		const lead = selectFindings([summary('koperasi_aktif', pair([null, 12.5], 10), 'population')])
			.gaps[0]!;
		expect(findingSentence(lead, id)).toBe(
			'Koperasi aktif per 100.000 penduduk Kabupaten Bekasi 25% di atas Kepulauan Bangka Belitung (2024: 12,5 dibanding 10).'
		);
	});

	it('writes changes, in points for percentages', () => {
		const found = selectFindings([
			summary('jumlah_umkm', pair([1000, 1045], 20)),
			summary('kepatuhan_rat', pair([40, 36.5], 20))
		]);
		expect(findingSentence(found.improvements[0]!, id)).toBe(
			'Jumlah UMKM Kabupaten Bekasi naik 4,5% dari 2023 ke 2024 (1.000 → 1.045).'
		);
		expect(findingSentence(found.declines[0]!, id)).toBe(
			'Kepatuhan RAT Kabupaten Bekasi turun 3,5 poin persen (−8,8%) dari 2023 ke 2024 (40% → 36,5%).'
		);
		expect(findingSentence(found.declines[0]!, en)).toBe(
			'Annual-meeting compliance in Kabupaten Bekasi fell 3.5 percentage points (−8.8%) from 2023 to 2024 (40% → 36.5%).'
		);
	});

	it('writes rank changes and a steady rank', () => {
		const found = selectFindings([summary('jumlah_umkm', pair([10, 15], 20, [11, 5]))]);
		expect(findingSentence(found.ranks[0]!, id)).toBe(
			'Peringkat Kabupaten Bekasi untuk Jumlah UMKM naik dari ke-2 menjadi ke-1 dari 3 kabupaten/kota di Jawa Barat (2023 → 2024).'
		);
		expect(findingSentence(found.ranks[0]!, en)).toBe(
			'Kabupaten Bekasi moved up from 2nd to 1st of 3 regencies and cities in Jawa Barat on MSMEs (2023 → 2024).'
		);
		expect(findingSentence({ kind: 'rank-steady', year: 2024, status: 'resmi' }, id)).toBe(
			'Peringkat Kabupaten Bekasi di antara kabupaten/kota di Jawa Barat tidak berubah dari 2023 ke 2024 pada semua indikator utama yang dapat diperingkat.'
		);
	});

	it('says the rank counts only regions with data when some have none', () => {
		expect(rankPhrase({ rank: 5, of: 34 }, { ...id, peerCount: 514 })).toBe(
			'ke-5 dari 34 kabupaten/kota di Jawa Barat yang punya data'
		);
		expect(rankPhrase({ rank: 3, of: 3 }, en)).toBe('3rd of 3 regencies and cities in Jawa Barat');
		expect(rankPhrase({ rank: 12, of: 27 }, en)).toBe(
			'12th of 27 regencies and cities in Jawa Barat'
		);
	});

	it('names indicators with their normalisation', () => {
		expect(indicatorName(indicator('galeri_produk'), 'population', 'en')).toBe(
			'Permanent product galleries per 100,000 residents'
		);
		expect(indicatorName(indicator('kepatuhan_rat'), 'total', 'id')).toBe('Kepatuhan RAT');
	});
});

/** The rows with one region's status changed. */
const withStatus = (data: QueryRow[], code: string, status: QueryRow['status']) =>
	data.map((r) => (r.region_code === code && r.value !== null ? { ...r, status } : r));

describe('findings are as real as their weakest figure', () => {
	const synthetic = withStatus(pair([10, 12], 20, [11, 5]), FOCUS, 'sintetis');

	it('never writes a finding from a sintetis figure while sintetis figures are hidden', () => {
		const found = selectFindings([summary('koperasi_aktif', synthetic, 'total', false)]);
		const all = [...found.gaps, ...found.improvements, ...found.declines, ...found.ranks];
		expect(all).toEqual([]);
	});

	it('labels a change and a rank resting on a sintetis figure when they are shown', () => {
		const found = selectFindings([summary('koperasi_aktif', synthetic)]);
		expect(found.improvements.map(findingStatus)).toEqual(['sintetis']);
		expect(found.ranks.map(findingStatus)).toEqual(['sintetis']);
	});

	it('picks the largest gap only among figures of at least estimasi standing', () => {
		const found = selectFindings([
			summary('koperasi_aktif', synthetic), // −40 %, sintetis
			summary('jumlah_umkm', pair([9, 9], 10)) // −10 %, estimasi
		]);
		expect(ids(found.gaps)).toEqual(['jumlah_umkm']);
		expect(found.gaps.map(findingStatus)).toEqual(['estimasi']);
	});

	it('says resmi for a gap between two official figures', () => {
		const official = withStatus(withStatus(pair([9, 9], 10), FOCUS, 'resmi'), BENCHMARK, 'resmi');
		const [gap] = selectFindings([summary('jumlah_umkm', official)]).gaps;
		expect(findingStatus(gap!)).toBe('resmi');
	});
});

describe('findings that would mislead are not written', () => {
	it('skips a gap where either side reads as zero ("100% below, 0 against 0")', () => {
		const found = selectFindings([
			summary('jumlah_umkm', pair([0, 0], 10)),
			summary('kepatuhan_rat', pair([0.01, 0.01], 40)),
			summary('koperasi_aktif', pair([5, 5], 0))
		]);
		expect(found.gaps).toEqual([]);
	});

	it('skips a change from or to a figure that reads as zero', () => {
		const found = selectFindings([summary('kepatuhan_rat', pair([0.02, 30], 20))]);
		expect(found.improvements).toEqual([]);
	});

	it('writes the gap of a percentage in percentage points', () => {
		const [gap] = selectFindings([summary('kepatuhan_rat', pair([30, 30], 42.5))]).gaps;
		expect(findingSentence(gap!, id)).toBe(
			'Kepatuhan RAT Kabupaten Bekasi 12,5 poin persentase di bawah Kepulauan Bangka Belitung (2024: 30% dibanding 42,5%).'
		);
		expect(findingSentence(gap!, en)).toContain('is 12.5 percentage points below');
	});

	it('compares ranks only among the regions ranked in both years', () => {
		// 2023: only the focus and 32.01 have figures (focus 2nd of 2); 2024: 32.75 joins at the
		// bottom. Among the same two regions the focus is still 2nd: no move to report.
		const joined = rows({
			[FOCUS]: { 2023: 10, 2024: 10 },
			[BENCHMARK]: { 2024: 20 },
			'32.01': { 2023: 11, 2024: 11 },
			'32.75': { 2023: null, 2024: 1 }
		});
		const s = summary('koperasi_aktif', joined);
		expect(s.rank).toEqual({ rank: 2, of: 3 });
		expect(s.rankMove).toEqual({
			previous: { rank: 2, of: 2 },
			current: { rank: 2, of: 2 },
			status: 'estimasi'
		});
		expect(selectFindings([s]).ranks.map((f) => f.kind)).toEqual(['rank-steady']);
	});
});
