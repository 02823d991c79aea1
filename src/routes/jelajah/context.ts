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
import { sourcesOf } from '$lib/components/compare';
import { t } from '$lib/i18n';
import { ss } from '$lib/i18n/status-messages';
import { claimStatus } from '$lib/status/claim-status';
import { claimLabel } from '$lib/status/status-text';

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
	/** The rows the views draw: sintetis ones left out while hidden. */
	rows: QueryRow[];
	rowsY: QueryRow[];
	/** Every row of the indicator, sintetis ones too: coverage counts what was hidden. */
	allRows: QueryRow[];
	showSynthetic: boolean;
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

/** The first sources in a downloaded image; the link leads to all of them. */
const IMAGE_SOURCES = 3;

/**
 * The lines under a downloaded chart: its sources (the data's own first), the standing of what
 * it shows, when it was made and the link to the view.
 */
export function exportFooter(
	ctx: ViewContext,
	rows: readonly QueryRow[],
	href: string,
	now = new Date()
): string[] {
	const drawn = rows.filter((r) => r.value !== null);
	const sources = sourcesOf(drawn);
	const more = sources.length - IMAGE_SOURCES;
	const status = claimStatus(drawn);
	const { locale } = ctx;
	return [
		sources.length
			? `${t(locale, 'sources')} (${sources.length}): ${sources.slice(0, IMAGE_SOURCES).join('; ')}${more > 0 ? ` … (+${more})` : ''}`
			: t(locale, 'sourceUnknown'),
		...(status ? [ss(locale, 'chartStatus', { status: claimLabel(status, locale) })] : []),
		`${ss(locale, 'chartMadeOn', {
			date: now.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', {
				dateStyle: 'long',
				timeStyle: 'short'
			})
		})} · ${href}`
	];
}
