import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
	it('scales every line into the box on one shared scale', () => {
		const [focus, benchmark] = sparkline({
			lines: [
				[0, 5, 10],
				[10, 10, 20]
			],
			width: 100,
			height: 40,
			inset: 0
		});
		expect(focus!.d).toBe('M0 40L50 30L100 20');
		expect(benchmark!.d).toBe('M0 20L50 20L100 0');
		expect(focus!.lonely).toEqual([]);
	});

	it('breaks the line at a missing year and keeps lonely points as dots', () => {
		const [line] = sparkline({ lines: [[1, null, 3, 4, null]], width: 40, height: 10, inset: 0 });
		expect(line!.d).toBe('M0 10M20 3.3L30 0');
		expect(line!.lonely.map((p) => p.index)).toEqual([0]);
		expect(line!.points.map((p) => p.value)).toEqual([1, 3, 4]);
	});

	it('puts a flat trend in the middle and a single year in the centre', () => {
		const [flat] = sparkline({ lines: [[7, 7]], width: 20, height: 10, inset: 0 });
		expect(flat!.d).toBe('M0 5L20 5');
		const [single] = sparkline({ lines: [[7]], width: 20, height: 10, inset: 0 });
		expect(single!.lonely).toEqual([{ x: 10, y: 5, value: 7, index: 0 }]);
	});

	it('draws nothing for a line without figures', () => {
		const [empty] = sparkline({ lines: [[null, null]], width: 20, height: 10 });
		expect(empty).toEqual({ d: '', points: [], lonely: [] });
	});
});
