import { describe, expect, it } from 'vitest';
import {
	brushSelection,
	roleOf,
	selectionColour,
	SELECTION_COLOURS,
	toggleSelected
} from './selection';

describe('selection', () => {
	const roles = { focus: '32.16', benchmark: '32', selected: ['32.73', '32.16'] };

	it('gives focus and benchmark their role even when picked', () => {
		expect(['32.16', '32', '32.73', '32.01'].map((c) => roleOf(c, roles))).toEqual([
			'focus',
			'benchmark',
			'selected',
			'other'
		]);
		expect(roleOf('32', { ...roles, benchmark: null })).toBe('other');
	});

	it('toggles a region in and out, keeping picking order', () => {
		expect(toggleSelected(['32.73'], '32.01')).toEqual(['32.73', '32.01']);
		expect(toggleSelected(['32.73', '32.01'], '32.73')).toEqual(['32.01']);
	});

	it('takes a brushed area as the new selection, each region once', () => {
		expect(brushSelection(['32.01', '32.73', '32.01'])).toEqual(['32.01', '32.73']);
	});

	it('colours picked regions by picking order, cycling', () => {
		const many = Array.from({ length: SELECTION_COLOURS.length + 1 }, (_, i) => `32.${10 + i}`);
		expect(selectionColour(many, many[0]!)).toBe(SELECTION_COLOURS[0]);
		expect(selectionColour(many, many.at(-1)!)).toBe(SELECTION_COLOURS[0]);
		expect(selectionColour(many, '19')).toBeNull();
	});
});
