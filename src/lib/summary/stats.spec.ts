import { describe, expect, it } from 'vitest';
import {
	improvement,
	median,
	quantile,
	rankOf,
	relativeChange,
	topQuartileThreshold
} from './stats';

describe('quantile and median', () => {
	it('interpolates between order statistics (type 7)', () => {
		expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([4, 1, 3, 2], 0)).toBe(1);
		expect(quantile([4, 1, 3, 2], 1)).toBe(4);
	});

	it('takes the middle value or the mean of the two middle values', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([5, 1, 3, 7])).toBe(4);
		expect(median([2])).toBe(2);
	});

	it('ignores missing figures and returns null without any', () => {
		expect(median([null, 3, undefined, Number.NaN, 1, Infinity])).toBe(2);
		expect(median([])).toBeNull();
		expect(median([null, null])).toBeNull();
		expect(quantile([null], 0.75)).toBeNull();
	});

	it('keeps ties', () => {
		expect(median([2, 2, 2, 9])).toBe(2);
		expect(quantile([5, 5, 5, 5], 0.75)).toBe(5);
	});

	it('refuses a quantile outside 0–1', () => {
		expect(() => quantile([1], 1.5)).toThrow(RangeError);
	});

	it('takes the top quartile in the direction of the indicator', () => {
		expect(topQuartileThreshold([10, 20, 30, 40, 50], true)).toBe(40);
		expect(topQuartileThreshold([10, 20, 30, 40, 50], false)).toBe(20);
	});
});

describe('rankOf', () => {
	const group = [
		{ code: 'a', value: 10 },
		{ code: 'b', value: 30 },
		{ code: 'c', value: 30 },
		{ code: 'd', value: null },
		{ code: 'e', value: 5 }
	];

	it('ranks the best first, ties sharing the better rank', () => {
		expect(rankOf(group, 'b', true)).toEqual({ rank: 1, of: 4 });
		expect(rankOf(group, 'c', true)).toEqual({ rank: 1, of: 4 });
		expect(rankOf(group, 'a', true)).toEqual({ rank: 3, of: 4 });
		expect(rankOf(group, 'e', true)).toEqual({ rank: 4, of: 4 });
	});

	it('reverses when lower is better', () => {
		expect(rankOf(group, 'e', false)).toEqual({ rank: 1, of: 4 });
		expect(rankOf(group, 'b', false)).toEqual({ rank: 3, of: 4 });
	});

	it('counts only regions with a figure, and does not rank a region without one', () => {
		expect(rankOf(group, 'd', true)).toBeNull();
		expect(rankOf(group, 'zz', true)).toBeNull();
		expect(rankOf([{ code: 'a', value: 1 }], 'a', true)).toEqual({ rank: 1, of: 1 });
	});
});

describe('relativeChange and improvement', () => {
	it('is relative to the absolute previous value', () => {
		expect(relativeChange(110, 100)).toBeCloseTo(10);
		expect(relativeChange(90, 100)).toBeCloseTo(-10);
		expect(relativeChange(-50, -100)).toBeCloseTo(50);
	});

	it('is null for a missing year or a zero base', () => {
		expect(relativeChange(5, null)).toBeNull();
		expect(relativeChange(null, 5)).toBeNull();
		expect(relativeChange(5, 0)).toBeNull();
	});

	it('turns a change into an improvement by the indicator direction', () => {
		expect(improvement(12, true)).toBe(12);
		expect(improvement(12, false)).toBe(-12);
		expect(improvement(null, true)).toBeNull();
	});
});
