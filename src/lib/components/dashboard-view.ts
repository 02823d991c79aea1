/**
 * The dashboard's state as URL search parameters, so a copied link reproduces the view. Default
 * values are left out of the links this module builds.
 */
import {
	DEFAULT_BENCHMARK,
	DEFAULT_CHART_INDICATOR,
	DEFAULT_FOCUS,
	defaultPer
} from '$lib/catalogue/headline';
import { findIndicator, type Normalisation } from '$lib/catalogue/indicators';
import { DEFAULT_LOCALE, LANG_PARAM, type Locale } from '$lib/i18n';

export const PARAM = {
	focus: 'fokus',
	benchmark: 'banding',
	year: 'tahun',
	indicator: 'indikator',
	per: 'per',
	peers: 'kelompok',
	peerList: 'daftar'
} as const;

/**
 * Who the focus region is ranked against: the regencies/cities of its own province, every region
 * of its level nationwide, or a list of regions chosen by hand (`daftar`).
 */
export const PEER_KINDS = ['provinsi', 'nasional', 'pilihan'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];
export const DEFAULT_PEERS: PeerKind = 'provinsi';

export function isPeerKind(value: string): value is PeerKind {
	return (PEER_KINDS as readonly string[]).includes(value);
}

/** The parameters that decide which data is fetched, as written (not yet checked). */
export interface DataView {
	focus: string;
	benchmark: string;
	indicator: string;
	per: string | null;
	/** As written; the page refuses an unknown kind. */
	peers: string;
	/** The hand-picked peer regions, as written (only read for `pilihan`). */
	peerList: string[];
}

/** Reads only the data parameters, so a load that calls it does not re-run for `tahun`/`lang`. */
export function readDataView(params: URLSearchParams): DataView {
	return {
		focus: params.get(PARAM.focus) || DEFAULT_FOCUS,
		benchmark: params.get(PARAM.benchmark) || DEFAULT_BENCHMARK,
		indicator: params.get(PARAM.indicator) || DEFAULT_CHART_INDICATOR,
		per: params.get(PARAM.per) || null,
		peers: params.get(PARAM.peers) || DEFAULT_PEERS,
		peerList: (params.get(PARAM.peerList) ?? '')
			.split(',')
			.map((code) => code.trim())
			.filter((code) => code !== '')
	};
}

/** The chosen year, or null to show the latest year with data. */
export function readYear(params: URLSearchParams): number | null {
	const text = params.get(PARAM.year);
	return text && /^\d{4}$/.test(text) ? Number(text) : null;
}

export interface ViewChange {
	focus?: string;
	benchmark?: string;
	year?: number;
	indicator?: string;
	per?: Normalisation;
	peers?: PeerKind;
	peerList?: readonly string[];
	lang?: Locale;
}

/** A query string for links: empty, or `?` and the parameters. */
export type Search = '' | `?${string}`;

export function toSearch(params: URLSearchParams): Search {
	const text = params.toString();
	return text ? `?${text}` : '';
}

/**
 * The query string of the current view with some choices changed. Choosing another indicator
 * resets the normalisation to that indicator's default unless one is given.
 */
export function viewSearch(
	current: URLSearchParams,
	change: ViewChange,
	defaultYear: number | null
): Search {
	const params = new URLSearchParams(current);
	const set = (name: string, value: string | number | undefined) => {
		if (value !== undefined) params.set(name, String(value));
	};
	set(PARAM.focus, change.focus);
	set(PARAM.benchmark, change.benchmark);
	set(PARAM.year, change.year);
	if (change.indicator !== undefined && change.indicator !== params.get(PARAM.indicator)) {
		params.delete(PARAM.per);
	}
	set(PARAM.indicator, change.indicator);
	set(PARAM.per, change.per);
	set(PARAM.peers, change.peers);
	if (change.peerList !== undefined) {
		const list = [...new Set(change.peerList)];
		if (list.length > 0) params.set(PARAM.peerList, list.join(','));
		else params.delete(PARAM.peerList);
	}
	// A hand-picked list only means something for the hand-picked group.
	if ((params.get(PARAM.peers) ?? DEFAULT_PEERS) !== 'pilihan') params.delete(PARAM.peerList);
	set(LANG_PARAM, change.lang);

	const indicator = findIndicator(params.get(PARAM.indicator) ?? DEFAULT_CHART_INDICATOR);
	const defaults: Record<string, string | undefined> = {
		[PARAM.focus]: DEFAULT_FOCUS,
		[PARAM.benchmark]: DEFAULT_BENCHMARK,
		[PARAM.year]: defaultYear === null ? undefined : String(defaultYear),
		[PARAM.indicator]: DEFAULT_CHART_INDICATOR,
		[PARAM.per]: indicator ? defaultPer(indicator) : undefined,
		[PARAM.peers]: DEFAULT_PEERS,
		[LANG_PARAM]: DEFAULT_LOCALE
	};
	for (const [name, value] of Object.entries(defaults)) {
		if (value !== undefined && params.get(name) === value) params.delete(name);
	}
	return toSearch(params);
}

/** The same view in another language, every other parameter kept. */
export function languageSearch(current: URLSearchParams, locale: Locale): Search {
	const params = new URLSearchParams(current);
	if (locale === DEFAULT_LOCALE) params.delete(LANG_PARAM);
	else params.set(LANG_PARAM, locale);
	return toSearch(params);
}
