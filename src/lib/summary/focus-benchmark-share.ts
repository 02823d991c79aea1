/**
 * What the two composition panels that compare the focus and the benchmark region side by side
 * (where UMKM sell, cooperative types) share: one colour per region, the legend, and a data table
 * with a percent and a count column per region.
 */
import { COLOURS } from '$lib/charts/theme';
import type { Locale } from '$lib/i18n';
import { st } from '$lib/i18n/summary-messages';
import type { Region } from '$lib/regions/region';

/** The focus first, then the benchmark: the summary's two role colours. */
export function roleColour(index: number): string {
	return [COLOURS.focus, COLOURS.benchmark][index] ?? COLOURS.other;
}

export function regionLegend(regions: readonly Region[]): { label: string; colour: string }[] {
	return regions.map((r, i) => ({ label: r.name, colour: roleColour(i) }));
}

/** The table's header (`first`, then percent and count per region) and its numeric columns. */
export function shareTableColumns(
	first: string,
	regions: readonly Region[],
	locale: Locale
): { columns: string[]; numeric: number[] } {
	return {
		columns: [
			first,
			...regions.flatMap((r) => [
				`${r.name}: ${st(locale, 'colShare')}`,
				`${r.name}: ${st(locale, 'colCount')}`
			])
		],
		numeric: regions.flatMap((_, i) => [2 * i + 1, 2 * i + 2])
	};
}
