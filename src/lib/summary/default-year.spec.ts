import { describe, expect, it } from 'vitest';
import { latestYearWithData } from '$lib/components/compare';
import { defaultSummaryYear } from './default-year';
import { rows } from './spec-rows';

const PAIR = ['32.16', '19'];
/** Nine headline cards with 2018-2025 for both regions. */
const bundled = Array.from({ length: 9 }, () =>
	rows({
		'32.16': { 2024: 1, 2025: 2 },
		'19': { 2024: 3, 2025: 4 }
	})
);

describe('defaultSummaryYear', () => {
	it('is the latest year with every card filled for focus and benchmark', () => {
		expect(defaultSummaryYear(bundled, PAIR)).toEqual({ year: 2025, covered: 9, total: 9 });
	});

	it('stays on the full year after a 4-row 2026 upload for the focus only (issue 12, point 5)', () => {
		const uploaded = bundled.map((card, i) =>
			i === 0 ? [...card, ...rows({ '32.16': { 2026: 5 } })] : card
		);
		expect(defaultSummaryYear(uploaded, PAIR)?.year).toBe(2025);
		// the old rule: the focus's newest year on any card, which left 8 of 9 cards empty
		expect(latestYearWithData(uploaded.flat(), PAIR)).toBe(2026);
	});

	it('stays on the full year when a new year has a few cards for both regions', () => {
		const partial = bundled.map((card, i) =>
			i < 2 ? [...card, ...rows({ '32.16': { 2026: 5 }, '19': { 2026: 6 } })] : card
		);
		expect(defaultSummaryYear(partial, PAIR)).toEqual({ year: 2025, covered: 9, total: 9 });
	});

	it('moves to a new year once it is as complete as the last one', () => {
		const full = bundled.map((card) => [
			...card,
			...rows({ '32.16': { 2026: 5 }, '19': { 2026: 6 } })
		]);
		expect(defaultSummaryYear(full, PAIR)).toEqual({ year: 2026, covered: 9, total: 9 });
	});

	it('falls back to the latest year of either region when they share none, and null without data', () => {
		const apart = [rows({ '32.16': { 2020: 1 }, '19': { 2022: 2 } })];
		expect(defaultSummaryYear(apart, PAIR)).toEqual({ year: 2022, covered: 0, total: 1 });
		expect(defaultSummaryYear([rows({ '32.16': { 2020: null } })], PAIR)).toBeNull();
	});

	it('works for one region compared with itself', () => {
		expect(defaultSummaryYear(bundled, ['32.16'])?.year).toBe(2025);
	});
});
