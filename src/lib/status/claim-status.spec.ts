import { describe, expect, it } from 'vitest';
import {
	claimStatus,
	coverageOf,
	coverageStatus,
	syntheticShare,
	visibleRows,
	weakest
} from './claim-status';
import { coverageText } from './status-text';

const fig = (value: number | null, status: 'resmi' | 'estimasi' | 'sintetis' | null) => ({
	value,
	status
});

describe('weakest status', () => {
	it('is the weakest of the inputs, and says resmi when all are', () => {
		expect(weakest(['resmi', 'resmi'])).toBe('resmi');
		expect(weakest(['resmi', 'estimasi'])).toBe('estimasi');
		expect(weakest(['estimasi', 'sintetis', 'resmi'])).toBe('sintetis');
	});

	it('is nothing without inputs, and takes an unknown status as sintetis', () => {
		expect(weakest([])).toBeNull();
		expect(weakest(['resmi', null])).toBe('sintetis');
	});

	it('counts only the figures a claim is made from (those with a value)', () => {
		expect(claimStatus([fig(1, 'resmi'), fig(null, null), undefined])).toBe('resmi');
		expect(claimStatus([fig(1, 'resmi'), fig(2, 'sintetis')])).toBe('sintetis');
		expect(claimStatus([fig(null, null)])).toBeNull();
	});
});

describe('coverage of a group figure', () => {
	const group = [
		fig(1, 'resmi'),
		fig(2, 'estimasi'),
		fig(3, 'sintetis'),
		fig(4, 'sintetis'),
		undefined
	];

	it('counts each status among the members, before any is hidden', () => {
		const shown = coverageOf(group, 5, true);
		expect(shown.counts).toEqual({ resmi: 1, estimasi: 1, sintetis: 2 });
		expect(shown.used).toBe(4);
		expect(coverageStatus(shown)).toBe('sintetis');
	});

	it('rests on what is left when sintetis figures are hidden', () => {
		const hidden = coverageOf(group, 5, false);
		expect(hidden.counts.sintetis).toBe(2);
		expect(hidden.used).toBe(2);
		expect(hidden.syntheticHidden).toBe(true);
		expect(coverageStatus(hidden)).toBe('estimasi');
		expect(coverageStatus(coverageOf([fig(3, 'sintetis')], 1, false))).toBeNull();
	});
});

describe('what a page may show', () => {
	const rows = [fig(1, 'resmi'), fig(2, 'sintetis'), fig(null, null)];

	it('leaves the sintetis rows out when they are hidden, and keeps all when shown', () => {
		expect(visibleRows(rows, false)).toEqual([fig(1, 'resmi'), fig(null, null)]);
		expect(visibleRows(rows, true)).toEqual(rows);
	});

	it('gives the share of sintetis among the figures in view', () => {
		expect(syntheticShare(rows)).toBe(50);
		expect(syntheticShare([fig(null, null)])).toBeNull();
	});
});

describe('coverage in words', () => {
	it('names every status and the group size, and what was hidden', () => {
		const counts = { resmi: 0, estimasi: 3, sintetis: 24 };
		const shown = { counts, of: 27, syntheticHidden: false, used: 27 };
		expect(coverageText(shown, 'id')).toBe('resmi 0 · estimasi 3 · sintetis 24 dari 27');
		expect(coverageText({ ...shown, syntheticHidden: true, used: 3 }, 'id')).toBe(
			'resmi 0 · estimasi 3 dari 27 · 24 sintetis disembunyikan'
		);
		expect(coverageText(shown, 'en')).toBe('official 0 · estimate 3 · synthetic 24 of 27');
	});
});
