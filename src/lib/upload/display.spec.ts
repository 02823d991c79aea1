import { describe, expect, it } from 'vitest';
import { td } from '$lib/i18n/data-messages';
import {
	conventionText,
	dashboardHref,
	formatTime,
	KIND_OPTIONS,
	localHref,
	multiplierText
} from './display';

describe('links', () => {
	it('keeps English, leaves Indonesian links clean', () => {
		expect(localHref('/data/riwayat', 'id')).toBe('/data/riwayat');
		expect(localHref('/data/riwayat', 'en')).toBe('/data/riwayat?lang=en');
		expect(localHref('/login', 'en', { next: '/data?lang=en' })).toBe(
			'/login?next=%2Fdata%3Flang%3Den&lang=en'
		);
	});

	it('opens the dashboard on the first region and year an upload changed', () => {
		const changes = {
			added: 1,
			replaced: 0,
			by_region_year: [{ region_code: '33.74', year: 2026, added: 1, replaced: 0 }]
		};
		expect(dashboardHref(changes, 'id')).toBe('/?fokus=33.74&tahun=2026');
		expect(dashboardHref(null, 'en')).toBe('/?lang=en');
	});
});

describe('words', () => {
	it('names number formats, the analyst’s choice first', () => {
		expect(conventionText({ kind: 'decided', convention: 'id' }, null, 'id')).toBe(
			'Indonesia (1.234,5)'
		);
		expect(conventionText({ kind: 'ambiguous', example: '1.234' }, 'en', 'en')).toBe(
			'English (1,234.5), your choice'
		);
		expect(conventionText({ kind: 'plain' }, null, 'en')).toBe('whole numbers');
		expect(conventionText(null, null, 'en')).toBe('');
	});

	it('writes multipliers in the reader’s digits', () => {
		expect(multiplierText(1e6, 'id')).toBe('× 1.000.000');
		expect(multiplierText(1e3, 'en')).toBe('× 1,000');
		expect(multiplierText(1, 'en')).toBe('—');
	});

	it('shows server times in Western Indonesian Time', () => {
		expect(formatTime('2026-11-29T11:05:00Z', 'en')).toBe('29 Nov 2026, 18:05 WIB');
		expect(formatTime('2026-11-29T11:05:00Z', 'id')).toMatch(/^29 Nov 2026.*18\.05 WIB$/);
		expect(formatTime('not a time', 'id')).toBe('not a time');
	});

	it('lists every dataset as an upload target', () => {
		expect(KIND_OPTIONS.map((o) => o.kind)).toEqual([
			'koperasi',
			'pembiayaan',
			'jangkauan_pasar',
			'penduduk',
			'kdkmp'
		]);
	});
});

describe('td', () => {
	it('fills parameters and picks the English word for a count', () => {
		expect(td('en', 'confirm', { rows: '1' })).toBe('Store 1 row');
		expect(td('en', 'confirm', { rows: '1,204' })).toBe('Store 1,204 rows');
		expect(td('id', 'confirm', { rows: '1' })).toBe('Simpan 1 baris');
		expect(td('en', 'problemsCount', { count: '2' })).toMatch(/^2 problems found/);
		expect(td('en', 'undoDone')).toBe('Version {id} undone. The earlier data applies again.');
	});
});
