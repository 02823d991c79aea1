import { describe, expect, it } from 'vitest';
import { summariseIndicator, type SummaryInput } from './indicator-summary';
import { indicator, rows } from './spec-rows';

const base: Omit<SummaryInput, 'rows'> = {
	indicator: indicator('koperasi_aktif'),
	per: 'population',
	focus: '32.16',
	benchmark: '19',
	peers: ['32.01', '32.16', '32.75', '32.04'],
	year: 2024
};

describe('summariseIndicator', () => {
	const summary = summariseIndicator({
		...base,
		rows: rows({
			'32.16': { 2022: 8, 2023: 10, 2024: 12 },
			'19': { 2022: 18, 2023: 19, 2024: 20 },
			'32.01': { 2022: 5, 2023: 11, 2024: 12 },
			'32.75': { 2022: 1, 2023: 20, 2024: 30 },
			'32.04': { 2022: null, 2023: null, 2024: null }
		})
	});

	it('compares the focus region with the benchmark in the year', () => {
		expect(summary.focusValue).toBe(12);
		expect(summary.benchmarkValue).toBe(20);
		expect(summary.gap).toBeCloseTo(-40);
		expect(summary.verdict).toBe('worse');
	});

	it('takes the change since the year before', () => {
		expect(summary.previousValue).toBe(10);
		expect(summary.change).toBeCloseTo(20);
		expect(summary.improvement).toBeCloseTo(20);
		expect(summary.pointsChange).toBeNull();
	});

	it('ranks among the peers with a figure, ties sharing the better rank', () => {
		expect(summary.rank).toEqual({ rank: 2, of: 3 });
		expect(summary.previousRank).toEqual({ rank: 3, of: 3 });
		expect(summary.peerCount).toBe(4);
	});

	it("takes the peers' median and top quartile, ignoring a region without data", () => {
		expect(summary.median).toBe(12);
		expect(summary.topQuartile).toBe(21);
		expect(summary.medianSeries).toEqual([5, 11, 12]);
	});

	it('lines up every series on the same years', () => {
		expect(summary.years).toEqual([2022, 2023, 2024]);
		expect(summary.focusSeries).toEqual([8, 10, 12]);
		expect(summary.benchmarkSeries).toEqual([18, 19, 20]);
	});

	it('has no change for a missing previous year, no gap against a zero benchmark', () => {
		const gappy = summariseIndicator({
			...base,
			rows: rows({ '32.16': { 2022: 8, 2024: 12 }, '19': { 2022: 1, 2024: 0 } })
		});
		expect(gappy.previousValue).toBeNull();
		expect(gappy.change).toBeNull();
		expect(gappy.improvement).toBeNull();
		expect(gappy.gap).toBeNull();
		expect(gappy.verdict).toBe('unknown');
	});

	it('leaves a focus region without data unranked', () => {
		const none = summariseIndicator({
			...base,
			rows: rows({ '32.16': { 2024: null }, '32.01': { 2024: 3 }, '19': { 2024: 4 } })
		});
		expect(none.focusValue).toBeNull();
		expect(none.rank).toBeNull();
		expect(none.median).toBe(3);
	});

	it('gives percentage indicators their change in points too', () => {
		const rat = summariseIndicator({
			...base,
			indicator: indicator('kepatuhan_rat'),
			per: 'total',
			rows: rows({ '32.16': { 2023: 40, 2024: 45 }, '19': { 2024: 50 } })
		});
		expect(rat.pointsChange).toBe(5);
		expect(rat.change).toBeCloseTo(12.5);
	});

	it('draws no median for years the peers were not fetched for', () => {
		const large = summariseIndicator({
			...base,
			peerYears: [2023, 2024],
			rows: rows({ '32.16': { 2022: 8, 2023: 10, 2024: 12 }, '32.01': { 2023: 11, 2024: 12 } })
		});
		expect(large.medianSeries).toEqual([null, 10.5, 12]);
	});

	describe('the standing of every derived figure', () => {
		// Focus resmi, benchmark estimasi, 32.01 estimasi, 32.75 sintetis; 32.04 has no figure.
		const mixed = rows({
			'32.16': { 2023: 10, 2024: 12 },
			'19': { 2023: 19, 2024: 20 },
			'32.01': { 2023: 11, 2024: 12 },
			'32.75': { 2023: 20, 2024: 30 },
			'32.04': { 2024: null }
		}).map((r) =>
			r.value === null
				? r
				: {
						...r,
						status:
							r.region_code === '32.16'
								? ('resmi' as const)
								: r.region_code === '32.75'
									? ('sintetis' as const)
									: ('estimasi' as const)
					}
		);
		const shown = summariseIndicator({ ...base, rows: mixed, showSynthetic: true });
		const hidden = summariseIndicator({ ...base, rows: mixed, showSynthetic: false });

		it('gives the change the status of its two years, the gap the weaker of its two sides', () => {
			expect(shown.statuses.focus).toBe('resmi');
			expect(shown.statuses.change).toBe('resmi');
			expect(shown.statuses.gap).toBe('estimasi');
		});

		it('gives rank, median and quartile the weakest status of the group, with its coverage', () => {
			expect(shown.statuses.group).toBe('sintetis');
			expect(shown.coverage.counts).toEqual({ resmi: 1, estimasi: 1, sintetis: 1 });
			expect(shown.coverage.of).toBe(4);
			expect(shown.rank).toEqual({ rank: 2, of: 3 });
			expect(shown.statuses.rankMove).toBe('sintetis');
		});

		it('ranks among what is left when sintetis figures are hidden, and says so', () => {
			expect(hidden.rank).toEqual({ rank: 1, of: 2 });
			expect(hidden.median).toBe(12);
			expect(hidden.statuses.group).toBe('estimasi');
			expect(hidden.coverage).toMatchObject({ used: 2, syntheticHidden: true });
			expect(hidden.coverage.counts.sintetis).toBe(1);
			expect(hidden.statuses.rankMove).toBe('estimasi');
		});

		it('makes no claim at all from a sintetis figure that is hidden', () => {
			const onlySynthetic = mixed.map((r) =>
				r.value === null ? r : { ...r, status: 'sintetis' as const }
			);
			const none = summariseIndicator({ ...base, rows: onlySynthetic, showSynthetic: false });
			expect(none.focusValue).toBeNull();
			expect(none.gap).toBeNull();
			expect(none.rank).toBeNull();
			expect(none.median).toBeNull();
			expect(none.statuses).toEqual({
				focus: null,
				benchmark: null,
				gap: null,
				change: null,
				group: null,
				rankMove: null
			});
			expect(none.years).toEqual([]);
		});
	});
});
