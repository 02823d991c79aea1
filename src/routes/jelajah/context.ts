/** What every view of the explorer reads: the page derives it once from the URL and the load. */
import type { ResolvedPathname } from '$app/types';
import { NORMALISATION_LABEL, type Indicator, type Normalisation } from '$lib/catalogue/indicators';
import type { RowIndex } from '$lib/explorer/explorer-model';
import { roleOf, selectionColour, type RegionRole, type Roles } from '$lib/explorer/selection';
import type { TableRow } from '$lib/explorer/table';
import type { ExplorerState } from '$lib/explorer/url-state';
import type { Locale } from '$lib/i18n';
import { te } from '$lib/i18n/explorer-messages';
import type { QueryRow } from '$lib/query/indicator-query';
import type { Region } from '$lib/regions/region';

export interface ViewContext {
	locale: Locale;
	state: ExplorerState;
	indicator: Indicator;
	indicatorY: Indicator;
	/** Every region shown: the chosen set plus focus and benchmark, in code order. */
	regions: Region[];
	/** Codes of the chosen set alone. */
	setCodes: ReadonlySet<string>;
	byCode: ReadonlyMap<string, Region>;
	rows: QueryRow[];
	rowsY: QueryRow[];
	index: RowIndex;
	indexY: RowIndex;
	/** Every year with data, and the chosen range of them. */
	allYears: number[];
	years: number[];
	/** The year of the one-year views. */
	year: number | null;
	roles: Roles;
	/** The table's rows as shown (searched and sorted): the CSV follows this order. */
	table: TableRow[];
	href: (change: Partial<ExplorerState>) => ResolvedPathname;
	go: (change: Partial<ExplorerState>, options?: { replace?: boolean }) => void;
	pick: (code: string) => void;
}

/** `Anggota per koperasi aktif` or `Jumlah UMKM (per 100.000 penduduk)`. */
export function indicatorTitle(indicator: Indicator, per: Normalisation, locale: Locale): string {
	const label = indicator.label[locale];
	return per === 'total' ? label : `${label} (${NORMALISATION_LABEL[per][locale]})`;
}

export function roleLabel(locale: Locale, role: RegionRole): string {
	if (role === 'focus') return te(locale, 'focusShort');
	if (role === 'benchmark') return te(locale, 'benchmarkShort');
	return te(locale, 'otherShort');
}

export function regionRole(ctx: ViewContext, code: string) {
	return {
		role: roleOf(code, ctx.roles),
		pickedColour: selectionColour(ctx.roles.selected, code)
	};
}
