import { describe, expect, it } from 'vitest';
import { languageSearch, readDataView, readYear, viewSearch } from './dashboard-view';

const url = (search: string) => new URLSearchParams(search);

describe('readDataView', () => {
	it('fills in the defaults', () => {
		expect(readDataView(new URLSearchParams())).toEqual({
			focus: '32.16',
			benchmark: '19',
			indicator: 'koperasi_aktif',
			per: null,
			peers: 'provinsi',
			peerList: []
		});
	});

	it('reads what the link says', () => {
		const view = readDataView(
			new URLSearchParams('fokus=32.75&banding=32&indikator=aset&per=member')
		);
		expect(view).toEqual({
			focus: '32.75',
			benchmark: '32',
			indicator: 'aset',
			per: 'member',
			peers: 'provinsi',
			peerList: []
		});
	});

	it('reads the peer group and a hand-picked list', () => {
		const view = readDataView(new URLSearchParams('kelompok=pilihan&daftar=32.01, 32.04,,19'));
		expect(view.peers).toBe('pilihan');
		expect(view.peerList).toEqual(['32.01', '32.04', '19']);
	});
});

describe('readYear', () => {
	it('accepts four digits only', () => {
		expect(readYear(new URLSearchParams('tahun=2023'))).toBe(2023);
		expect(readYear(new URLSearchParams('tahun=23'))).toBeNull();
		expect(readYear(new URLSearchParams())).toBeNull();
	});
});

describe('viewSearch', () => {
	it('leaves defaults out', () => {
		expect(viewSearch(url('?fokus=32.75'), { focus: '32.16' }, 2025)).toBe('');
		expect(viewSearch(url(''), { year: 2025, lang: 'id' }, 2025)).toBe('');
	});

	it('keeps the other parameters', () => {
		expect(viewSearch(url('?banding=32&tahun=2021'), { lang: 'en' }, 2025)).toBe(
			'?banding=32&tahun=2021&lang=en'
		);
	});

	it('resets the normalisation when the indicator changes', () => {
		expect(viewSearch(url('?per=total'), { indicator: 'aset' }, null)).toBe('?indikator=aset');
		expect(viewSearch(url('?indikator=aset'), { per: 'member' }, null)).toBe(
			'?indikator=aset&per=member'
		);
	});

	it("omits the indicator's default normalisation", () => {
		expect(viewSearch(url(''), { indicator: 'jumlah_umkm', per: 'population' }, null)).toBe(
			'?indikator=jumlah_umkm'
		);
	});
});

describe('viewSearch and the peer group', () => {
	it('leaves the default group out and keeps a list only for the hand-picked group', () => {
		expect(viewSearch(url('?kelompok=nasional'), { peers: 'provinsi' }, null)).toBe('');
		expect(
			viewSearch(url(''), { peers: 'pilihan', peerList: ['32.01', '32.04', '32.01'] }, null)
		).toBe('?kelompok=pilihan&daftar=32.01%2C32.04');
		expect(viewSearch(url('?kelompok=pilihan&daftar=32.01'), { peers: 'nasional' }, null)).toBe(
			'?kelompok=nasional'
		);
		expect(viewSearch(url('?kelompok=pilihan&daftar=32.01'), { peerList: [] }, null)).toBe(
			'?kelompok=pilihan'
		);
	});
});

describe('languageSearch', () => {
	it('switches the language and keeps the rest', () => {
		expect(languageSearch(url('fokus=32.75&tahun=2021'), 'en')).toBe(
			'?fokus=32.75&tahun=2021&lang=en'
		);
		expect(languageSearch(url('fokus=32.75&lang=en'), 'id')).toBe('?fokus=32.75');
		expect(languageSearch(url('lang=en'), 'id')).toBe('');
	});
});
