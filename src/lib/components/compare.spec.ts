import { describe, expect, it } from 'vitest';
import type { QueryRow } from '$lib/query/indicator-query';
import {
	formatYears,
	gapPercent,
	gapVerdict,
	hasUnofficial,
	latestYearWithData,
	populationYearsUsed,
	sourcesOf,
	yearsOf
} from './compare';

const row = (over: Partial<QueryRow>): QueryRow => ({
	region_code: '32.16',
	region_name: 'Kabupaten Bekasi',
	region_level: 'kabkota',
	year: 2024,
	value: 1,
	status: 'resmi',
	sources: 'BPS',
	population_year: null,
	...over
});

describe('gaps', () => {
	it('is relative to the absolute benchmark', () => {
		expect(gapPercent(150, 100)).toBe(50);
		expect(gapPercent(-50, -100)).toBe(50);
		expect(gapPercent(1, 0)).toBeNull();
		expect(gapPercent(null, 3)).toBeNull();
	});

	it('judges by the indicator direction', () => {
		expect(gapVerdict(10, true)).toBe('better');
		expect(gapVerdict(10, false)).toBe('worse');
		expect(gapVerdict(-10, false)).toBe('better');
		expect(gapVerdict(0.01, true)).toBe('equal');
		expect(gapVerdict(null, true)).toBe('unknown');
	});
});

describe('rows', () => {
	const rows = [
		row({ year: 2023, status: 'estimasi', sources: 'estimasi: tren | Dinas | BPS' }),
		row({ year: 2025, value: null, status: null, sources: null }),
		row({ region_code: '19', year: 2025, sources: 'Kemenkop' })
	];

	it('finds non-official figures among those drawn', () => {
		expect(hasUnofficial(rows)).toBe(true);
		expect(hasUnofficial(rows.slice(1))).toBe(false);
	});

	it('lists distinct sources, each by the earliest place it takes in a row', () => {
		// Row one: estimasi note first (0), Dinas (1), BPS (2); row two: Kemenkop first (0).
		expect(sourcesOf(rows)).toEqual(['Kemenkop', 'estimasi: tren', 'Dinas', 'BPS']);
	});

	it("names the data's own source before the population's, each once", () => {
		const population = 'Kepmendagri 300.2.2-2138/2025';
		const perCapita = [
			row({ status: 'sintetis', sources: `sintetis: generator | ${population}` }),
			row({ region_code: '19', sources: `Dinas KUKM Babel | ${population}` }),
			row({ region_code: '32.75', sources: `Dinas KUKM Babel | ${population}` })
		];
		expect(sourcesOf(perCapita)).toEqual(['Dinas KUKM Babel', 'sintetis: generator', population]);
	});

	it('finds the latest year with data, focus first', () => {
		expect(latestYearWithData(rows, ['32.16', '19'])).toBe(2023);
		expect(latestYearWithData(rows, ['11', '19'])).toBe(2025);
		expect(latestYearWithData(rows, ['11'])).toBeNull();
		expect(yearsOf(rows)).toEqual([2025, 2023]);
	});
});

describe('populationYearsUsed', () => {
	it('groups the data years by the population year used for them', () => {
		const used = populationYearsUsed([
			row({ year: 2023, population_year: 2025 }),
			row({ region_code: '19', year: 2023, population_year: 2025 }),
			row({ year: 2024, population_year: 2025 }),
			row({ year: 2025, population_year: 2025 }),
			row({ year: 2019, population_year: 2020 }),
			row({ year: 2018, value: null, population_year: 2020 })
		]);
		expect([...used]).toEqual([
			[2025, [2023, 2024]],
			[2020, [2019]]
		]);
	});
});

describe('formatYears', () => {
	it('joins consecutive years into ranges', () => {
		expect(formatYears([2023, 2018, 2019, 2020])).toBe('2018–2020, 2023');
		expect(formatYears([2024])).toBe('2024');
		expect(formatYears([])).toBe('');
	});
});
