/**
 * Every choice on the explorer as URL search parameters and back, so a copied link opens the same
 * view and the browser's back button walks through the changes. Defaults are left out of links;
 * anything unreadable falls back to its default and is reported, never guessed.
 */
import { defaultPer } from '$lib/catalogue/headline';
import { findIndicator, type Indicator, type Normalisation } from '$lib/catalogue/indicators';
import { DEFAULT_LOCALE, LANG_PARAM, type Locale } from '$lib/i18n';
import { YEAR_BOUNDS } from '$lib/query/indicator-query';
import { KEMENDAGRI_CODE } from '$lib/regions/region';
import { choiceText, readChoice, SYNTHETIC_PARAM } from '$lib/status/synthetic-switch';
import { isRegionToken } from './region-set';

export const VIEWS = ['garis', 'batang', 'sebar', 'peta', 'tabel'] as const;
export type ExplorerView = (typeof VIEWS)[number];

export const PARAM = {
	view: 'tampilan',
	indicator: 'indikator',
	per: 'per',
	from: 'dari',
	to: 'sampai',
	year: 'tahun',
	regions: 'wilayah',
	focus: 'fokus',
	benchmark: 'banding',
	indicatorY: 'indikator2',
	perY: 'per2',
	selected: 'pilih',
	sort: 'urut',
	search: 'cari',
	synthetic: SYNTHETIC_PARAM
} as const;

/** The parameters the data depends on: a change to any other one is answered without a request. */
export const DATA_PARAMS = [
	PARAM.indicator,
	PARAM.per,
	PARAM.regions,
	PARAM.focus,
	PARAM.benchmark,
	PARAM.indicatorY,
	PARAM.perY
] as const;

/** Written for "none" where absence would mean the default. */
export const NONE = '-';

export interface TableSort {
	column: 'kode' | 'nama' | number;
	descending: boolean;
}

export interface DataState {
	indicator: string;
	per: Normalisation;
	/** Region tokens (see region-set.ts). */
	regions: string[];
	focus: string;
	benchmark: string | null;
	/** The scatter's second indicator (y axis). */
	indicatorY: string;
	perY: Normalisation;
}

export interface ExplorerState extends DataState {
	view: ExplorerView;
	/** Year range; null = from the first / to the last year with data. */
	from: number | null;
	to: number | null;
	/** The year of the one-year views (bars, scatter, map); null = the latest with data. */
	year: number | null;
	/** Regions picked by clicking or brushing, highlighted in every view. */
	selected: string[];
	sort: TableSort | null;
	search: string;
	/**
	 * The sintetis switch as the URL states it; null: not stated (the remembered choice or the
	 * default applies, see synthetic-switch.ts). Not a data parameter: rows are filtered here.
	 */
	synthetic: boolean | null;
}

const DEFAULT_INDICATOR = 'anggota_per_koperasi';
const DEFAULT_INDICATOR_Y = 'pinjaman_diberikan';

/** The regencies/cities of Jawa Barat, Kabupaten Bekasi against its province. */
export const DEFAULT_STATE: ExplorerState = {
	view: 'batang',
	indicator: DEFAULT_INDICATOR,
	per: 'total',
	from: null,
	to: null,
	year: null,
	regions: ['32.*'],
	focus: '32.16',
	benchmark: '32',
	indicatorY: DEFAULT_INDICATOR_Y,
	perY: 'population',
	selected: [],
	sort: null,
	search: '',
	synthetic: null
};

const MAX_SEARCH = 80;

function perOf(indicator: Indicator, text: string | null, ignored: string[], name: string) {
	if (text === null) return defaultPer(indicator);
	if ((indicator.normalisations as readonly string[]).includes(text)) return text as Normalisation;
	ignored.push(name);
	return defaultPer(indicator);
}

function indicatorOf(text: string | null, fallback: string, ignored: string[], name: string) {
	const found = text === null ? undefined : findIndicator(text);
	if (text !== null && !found) ignored.push(name);
	return found ?? findIndicator(fallback)!;
}

function list(text: string | null): string[] {
	if (text === null || text === NONE) return [];
	return [
		...new Set(
			text
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean)
		)
	];
}

function yearOf(text: string | null, ignored: string[], name: string): number | null {
	if (text === null) return null;
	const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
	if (year >= YEAR_BOUNDS.min && year <= YEAR_BOUNDS.max) return year;
	ignored.push(name);
	return null;
}

function codeOf(text: string | null, fallback: string, ignored: string[], name: string) {
	if (text === null) return fallback;
	if (KEMENDAGRI_CODE.test(text)) return text;
	ignored.push(name);
	return fallback;
}

export interface Read<T> {
	state: T;
	/** Parameters that could not be read and fell back to their default. */
	ignored: string[];
}

/** Reads only the data parameters, so a load that calls it re-runs only when they change. */
export function readDataState(params: URLSearchParams): Read<DataState> {
	const ignored: string[] = [];
	const get = (name: string) => params.get(name);
	const indicator = indicatorOf(get(PARAM.indicator), DEFAULT_INDICATOR, ignored, PARAM.indicator);
	const indicatorY = indicatorOf(
		get(PARAM.indicatorY),
		DEFAULT_INDICATOR_Y,
		ignored,
		PARAM.indicatorY
	);

	const regionsText = get(PARAM.regions);
	let regions = regionsText === null ? DEFAULT_STATE.regions : list(regionsText);
	if (regions.some((t) => !isRegionToken(t))) {
		ignored.push(PARAM.regions);
		regions = regions.filter(isRegionToken);
	}

	const benchmarkText = get(PARAM.benchmark);
	return {
		state: {
			indicator: indicator.id,
			per: perOf(indicator, get(PARAM.per), ignored, PARAM.per),
			regions,
			focus: codeOf(get(PARAM.focus), DEFAULT_STATE.focus, ignored, PARAM.focus),
			benchmark:
				benchmarkText === NONE
					? null
					: codeOf(benchmarkText, DEFAULT_STATE.benchmark!, ignored, PARAM.benchmark),
			indicatorY: indicatorY.id,
			perY: perOf(indicatorY, get(PARAM.perY), ignored, PARAM.perY)
		},
		ignored
	};
}

function sortOf(text: string | null, ignored: string[]): TableSort | null {
	if (text === null) return null;
	const match = /^(-?)(kode|nama|\d{4})$/.exec(text);
	if (!match) {
		ignored.push(PARAM.sort);
		return null;
	}
	const column = /^\d{4}$/.test(match[2]!) ? Number(match[2]) : (match[2] as 'kode' | 'nama');
	return { column, descending: match[1] === '-' };
}

export function readState(params: URLSearchParams): Read<ExplorerState> {
	const { state: data, ignored } = readDataState(params);
	const viewText = params.get(PARAM.view);
	const view = VIEWS.find((v) => v === viewText);
	if (viewText !== null && !view) ignored.push(PARAM.view);

	let from = yearOf(params.get(PARAM.from), ignored, PARAM.from);
	let to = yearOf(params.get(PARAM.to), ignored, PARAM.to);
	if (from !== null && to !== null && from > to) {
		ignored.push(PARAM.from, PARAM.to);
		from = to = null;
	}
	const selected = list(params.get(PARAM.selected));
	if (selected.some((code) => !KEMENDAGRI_CODE.test(code))) ignored.push(PARAM.selected);

	return {
		state: {
			...data,
			view: view ?? DEFAULT_STATE.view,
			from,
			to,
			year: yearOf(params.get(PARAM.year), ignored, PARAM.year),
			selected: selected.filter((code) => KEMENDAGRI_CODE.test(code)),
			sort: sortOf(params.get(PARAM.sort), ignored),
			search: (params.get(PARAM.search) ?? '').trim().slice(0, MAX_SEARCH),
			synthetic: readChoice(params.get(PARAM.synthetic))
		},
		ignored
	};
}

function sortText(sort: TableSort): string {
	return `${sort.descending ? '-' : ''}${sort.column}`;
}

/** The state as parameters in a fixed order, defaults left out. */
export function writeState(state: ExplorerState, locale: Locale = DEFAULT_LOCALE): URLSearchParams {
	const params = new URLSearchParams();
	const put = (name: string, value: string | null, fallback: string | null) => {
		if (value !== fallback) params.set(name, value ?? NONE);
	};
	const indicator = findIndicator(state.indicator);
	const indicatorY = findIndicator(state.indicatorY);
	const joined = (items: readonly string[]) => (items.length ? items.join(',') : NONE);
	const year = (y: number | null) => (y === null ? null : String(y));

	put(PARAM.view, state.view, DEFAULT_STATE.view);
	put(PARAM.indicator, state.indicator, DEFAULT_STATE.indicator);
	put(PARAM.per, state.per, indicator ? defaultPer(indicator) : null);
	if (state.from !== null) params.set(PARAM.from, String(state.from));
	if (state.to !== null) params.set(PARAM.to, String(state.to));
	if (state.year !== null) params.set(PARAM.year, year(state.year)!);
	put(PARAM.regions, joined(state.regions), joined(DEFAULT_STATE.regions));
	put(PARAM.focus, state.focus, DEFAULT_STATE.focus);
	put(PARAM.benchmark, state.benchmark, DEFAULT_STATE.benchmark);
	put(PARAM.indicatorY, state.indicatorY, DEFAULT_STATE.indicatorY);
	put(PARAM.perY, state.perY, indicatorY ? defaultPer(indicatorY) : null);
	if (state.selected.length) params.set(PARAM.selected, state.selected.join(','));
	if (state.sort) params.set(PARAM.sort, sortText(state.sort));
	if (state.search.trim()) params.set(PARAM.search, state.search.trim());
	if (state.synthetic !== null) params.set(PARAM.synthetic, choiceText(state.synthetic));
	if (locale !== DEFAULT_LOCALE) params.set(LANG_PARAM, locale);
	return params;
}

/** `''` or `?…`, with the commas of code lists left readable. */
export function stateSearch(
	state: ExplorerState,
	locale: Locale = DEFAULT_LOCALE
): '' | `?${string}` {
	const text = writeState(state, locale).toString().replace(/%2C/gi, ',');
	return text ? `?${text}` : '';
}

/**
 * The state after a change. A new indicator keeps the normalisation when it allows it; a year range
 * is put in order; a chosen year outside the range falls back to the latest.
 */
export function changeState(state: ExplorerState, change: Partial<ExplorerState>): ExplorerState {
	const next = { ...state, ...change };
	const keepPer = (id: string, per: Normalisation) => {
		const indicator = findIndicator(id);
		if (!indicator) return per;
		return indicator.normalisations.includes(per) ? per : defaultPer(indicator);
	};
	next.per = keepPer(next.indicator, next.per);
	next.perY = keepPer(next.indicatorY, next.perY);
	if (next.from !== null && next.to !== null && next.from > next.to) {
		[next.from, next.to] = [next.to, next.from];
	}
	if (
		next.year !== null &&
		((next.from !== null && next.year < next.from) || (next.to !== null && next.year > next.to))
	) {
		next.year = null;
	}
	return next;
}
