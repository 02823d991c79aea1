import { describe, expect, it } from 'vitest';
import { countPoints } from './count-points';

describe('countPoints', () => {
	it('counts finite numbers in every series, whatever the item shape', () => {
		expect(
			countPoints({
				series: [
					{ type: 'line', data: [1, null, 3, NaN] },
					{ type: 'bar', data: [{ value: 4 }, { value: null }, [2020, 5]] }
				]
			})
		).toBe(4);
	});

	it('is zero without series', () => {
		expect(countPoints({})).toBe(0);
	});
});
