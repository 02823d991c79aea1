import { describe, expect, it } from 'vitest';
import { scoreKinds, suggestKind } from './suggest-kind';

describe('suggestKind', () => {
	it('picks the dataset whose figure columns the header names', () => {
		const header = ['kode_wilayah', 'tahun', 'jenis_koperasi', 'jumlah_koperasi', 'koperasi_aktif'];
		expect(suggestKind(header)).toBe('koperasi');
		expect(scoreKinds(header)[0]).toEqual({ kind: 'koperasi', facts: 2 });
	});

	it('reads English synonyms and units in headers', () => {
		expect(suggestKind(['region_code', 'year', 'Own capital (Rp juta)', 'Assets'])).toBe(
			'pembiayaan'
		);
		expect(suggestKind(['kode_wilayah', 'tahun', 'jumlah_penduduk'])).toBe('penduduk');
	});

	it('suggests nothing without figure columns or on a tie', () => {
		expect(suggestKind(['kode_wilayah', 'tahun', 'status_data'])).toBeNull();
		expect(suggestKind(['jumlah_koperasi', 'jumlah_umkm'])).toBeNull();
		expect(suggestKind([])).toBeNull();
	});

	it('counts every kind, best first', () => {
		const scores = scoreKinds(['jumlah_umkm', 'umkm_ekspor', 'aset']);
		expect(scores.map((s) => s.kind)).toEqual([
			'jangkauan_pasar',
			'pembiayaan',
			'koperasi',
			'penduduk',
			'kdkmp'
		]);
		expect(scores.map((s) => s.facts)).toEqual([2, 1, 0, 0, 0]);
	});
});
