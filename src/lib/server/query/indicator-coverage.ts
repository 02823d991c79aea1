/**
 * What an indicator's page says about its data: per year, how many regions have a figure of each
 * status, and the sources behind the figures (how many figures each carries). Read through the
 * indicator query itself, compiled from the catalogue with bound parameters, so the page counts
 * exactly the figures the dashboards show.
 */
import { DATA_STATUSES, type DataStatus } from '$lib/catalogue/datasets';
import type { Indicator, Normalisation } from '$lib/catalogue/indicators';
import { dataYears, type AppContext } from '../app';
import { runIndicatorQuery } from './run-indicator-query';

export interface YearCoverage {
	year: number;
	counts: Record<DataStatus, number>;
	/** Regions of each level with a figure. */
	provinsi: number;
	kabkota: number;
}

export interface IndicatorCoverage {
	per: Normalisation;
	regions: number;
	years: YearCoverage[];
	/** Distinct sources, most figures first; a figure from several sources counts for each. */
	sources: { source: string; figures: number }[];
}

export async function indicatorCoverage(
	app: AppContext,
	indicator: Indicator,
	per: Normalisation = 'total'
): Promise<IndicatorCoverage> {
	const { from, to } = await dataYears(app);
	const rows = await runIndicatorQuery(app.db, {
		indicator,
		regions: app.regions.map((r) => r.code),
		from,
		to,
		per
	});
	const years = new Map<number, YearCoverage>();
	const sources = new Map<string, number>();
	for (const row of rows) {
		if (row.value === null) continue;
		let year = years.get(row.year);
		if (!year) {
			year = {
				year: row.year,
				counts: Object.fromEntries(DATA_STATUSES.map((s) => [s, 0])) as Record<DataStatus, number>,
				provinsi: 0,
				kabkota: 0
			};
			years.set(row.year, year);
		}
		year.counts[row.status ?? 'sintetis']++;
		if (row.region_level === 'provinsi') year.provinsi++;
		else year.kabkota++;
		for (const source of (row.sources ?? '').split(' | ')) {
			const text = source.trim();
			if (text) sources.set(text, (sources.get(text) ?? 0) + 1);
		}
	}
	return {
		per,
		regions: app.regions.length,
		years: [...years.values()].sort((a, b) => b.year - a.year),
		sources: [...sources]
			.map(([source, figures]) => ({ source, figures }))
			.sort((a, b) => b.figures - a.figures || a.source.localeCompare(b.source, 'id'))
	};
}
