import { describe, expect, it } from 'vitest';
import { findIndicator } from '$lib/catalogue/indicators';
import { peerGroup } from '$lib/summary/peer-group';
import { BABEL, BEKASI, REGIONS } from '$lib/summary/spec-regions';
import { factNoun, formatFact, heldText, scopePhrase, unitNote } from './display';

const group = (kind: 'provinsi' | 'nasional' | 'pilihan', focus = BEKASI) => {
	const result = peerGroup(kind, focus, REGIONS);
	if (!result.ok) throw new Error('no group');
	return result.group;
};

describe('summary wording', () => {
	it('names the scope of the ranks', () => {
		expect(scopePhrase(group('provinsi'), 'id')).toBe('kabupaten/kota di Jawa Barat');
		expect(scopePhrase(group('nasional'), 'en')).toBe('regencies and cities nationwide');
		expect(scopePhrase(group('provinsi', BABEL), 'id')).toBe('provinsi se-Indonesia');
		expect(scopePhrase(group('pilihan'), 'id')).toBe('wilayah pilihan');
	});

	it('says how a figure is normalised, and warns about raw totals', () => {
		const active = findIndicator('koperasi_aktif')!;
		expect(unitNote(active, 'population', 'id')).toBe('per 100.000 penduduk');
		expect(unitNote(active, 'total', 'en')).toBe('total figure (not normalised)');
		expect(unitNote(findIndicator('kepatuhan_rat')!, 'total', 'id')).toBeNull();
	});

	it('turns facts into nouns and amounts', () => {
		expect(factNoun('jumlah_anggota', 'id')).toBe('anggota');
		expect(factNoun('volume_usaha', 'id')).toBe('volume usaha');
		expect(factNoun('umkm_ekspor', 'id')).toBe('UMKM eksportir');
		expect(factNoun('jumlah_anggota', 'en')).toBe('members');
		expect(heldText({ population: true, facts: ['koperasi_aktif'] }, 'id')).toBe(
			'jumlah penduduk dan koperasi aktif'
		);
		expect(formatFact('volume_usaha', 7e11, 'id')).toBe('Rp700 M');
		expect(formatFact('jumlah_anggota', 31200, 'id')).toBe('31.200');
	});
});
