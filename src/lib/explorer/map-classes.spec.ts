import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classBreaks, classColours, classOf, legendClasses, MAP_PALETTE } from './map-classes';

describe('classBreaks', () => {
	it('splits at the quintiles, rounded to two significant digits', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(classBreaks(values)).toEqual([21, 41, 60, 80]);
	});

	it('keeps more digits where two digits would merge classes', () => {
		expect(classBreaks([1001, 1002, 1003, 1004, 1005, 1006])).toEqual([1002, 1003, 1004, 1005]);
	});

	it('gives fewer classes for few distinct values, none for one', () => {
		expect(classBreaks([1, 1, 1, 5, 5, 5])).toEqual([1]);
		expect(classBreaks([7, 7, 7])).toEqual([]);
		expect(classBreaks([3])).toEqual([]);
		expect(classBreaks([])).toEqual([]);
	});

	it('ignores values that are not figures', () => {
		expect(classBreaks([1, NaN, 2, Infinity, 3, 4, 5])).toEqual(classBreaks([1, 2, 3, 4, 5]));
	});

	it('always gives increasing breaks inside the range, every class used at least by its bound', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 2 }),
				(values) => {
					const breaks = classBreaks(values);
					expect(breaks.length).toBeLessThan(MAP_PALETTE.length);
					for (let i = 1; i < breaks.length; i++)
						expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
					const min = Math.min(...values);
					const max = Math.max(...values);
					for (const b of breaks) {
						expect(b).toBeGreaterThanOrEqual(min);
						expect(b).toBeLessThan(max);
					}
					expect(classOf(min, breaks)).toBe(0);
					expect(classOf(max, breaks)).toBe(breaks.length);
				}
			)
		);
	});
});

describe('classOf', () => {
	it('counts a value on a break in the lower class', () => {
		expect([0, 10, 10.5, 20, 99].map((v) => classOf(v, [10, 20]))).toEqual([0, 0, 1, 1, 2]);
	});
});

describe('legendClasses', () => {
	const format = (v: number) => v.toLocaleString('id-ID');

	it('labels each class with its bounds, in the colour classOf gives it', () => {
		expect(legendClasses([10, 20], format, { min: 1, max: 30 })).toEqual([
			{ label: '≤ 10', colour: MAP_PALETTE[0] },
			{ label: '10 – 20', colour: MAP_PALETTE[2] },
			{ label: '> 20', colour: MAP_PALETTE[4] }
		]);
		expect(classColours(5)).toEqual([...MAP_PALETTE]);
	});

	it('names the only class by the range when there are no breaks', () => {
		expect(legendClasses([], format, { min: 1500, max: 1500 })).toEqual([
			{ label: '1.500', colour: MAP_PALETTE[2] }
		]);
	});
});
