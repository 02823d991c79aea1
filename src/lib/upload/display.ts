/** Small helpers that turn upload facts into words and links in the reader's language. */
import type { Pathname } from '$app/types';
import type { Role } from '$lib/auth/roles';
import { DATASET_KINDS, DATASETS } from '$lib/catalogue/datasets';
import { PARAM } from '$lib/components/dashboard-view';
import type { TextEncoding } from '$lib/csv/decode-text';
import type { Delimiter } from '$lib/csv/parse-csv';
import type { ColumnConvention, NumberConvention } from '$lib/csv/parse-number';
import { formatNumber } from '$lib/format/number';
import { LANG_PARAM, type Locale } from '$lib/i18n';
import { td, type DataMessageKey } from '$lib/i18n/data-messages';
import type { Changes } from './api';

export const ENCODING_KEY: Record<TextEncoding, DataMessageKey> = {
	'utf-8': 'encodingUtf8',
	'utf-8-bom': 'encodingUtf8Bom',
	'windows-1252': 'encodingWindows1252'
};

export const DELIMITER_KEY: Record<Delimiter, DataMessageKey> = {
	';': 'delimiterSemicolon',
	',': 'delimiterComma',
	'\t': 'delimiterTab'
};

export const ROLE_KEY: Record<Role, DataMessageKey> = {
	viewer: 'roleViewer',
	analyst: 'roleAnalyst',
	admin: 'roleAdmin'
};

/** A path of ours with an optional query, typed so `resolve()` accepts it. */
export type LocalPath<P extends Pathname> = P | `${P}?${string}`;

/** A same-site link that keeps the page's language. */
export function localHref<P extends Pathname>(
	path: P,
	locale: Locale,
	params: Record<string, string> = {}
): LocalPath<P> {
	const search = new URLSearchParams(params);
	if (locale !== 'id') search.set(LANG_PARAM, locale);
	const text = search.toString();
	return text ? `${path}?${text}` : path;
}

/** The dashboard focused on the first region and year an upload changed. */
export function dashboardHref(changes: Changes | null, locale: Locale): LocalPath<'/'> {
	const first = changes?.by_region_year[0];
	return localHref(
		'/',
		locale,
		first ? { [PARAM.focus]: first.region_code, [PARAM.year]: String(first.year) } : {}
	);
}

const CONVENTION_KEY: Record<NumberConvention, DataMessageKey> = { id: 'formatId', en: 'formatEn' };

/** The number format of a figure column as the column table shows it. */
export function conventionText(
	detected: ColumnConvention | null,
	chosen: NumberConvention | null,
	locale: Locale
): string {
	if (chosen) return td(locale, 'formatChosen', { format: td(locale, CONVENTION_KEY[chosen]) });
	if (!detected) return '';
	switch (detected.kind) {
		case 'decided':
			return td(locale, CONVENTION_KEY[detected.convention]);
		case 'plain':
			return td(locale, 'formatPlain');
		case 'ambiguous':
			return td(locale, 'formatAmbiguous');
		case 'mixed':
			return td(locale, 'formatMixed');
	}
}

/** `1e6` → `× 1.000.000`; no multiplier → a dash. */
export function multiplierText(multiplier: number, locale: Locale): string {
	return multiplier === 1
		? td(locale, 'unitNone')
		: td(locale, 'unitTimes', { factor: formatNumber(multiplier, locale, 0) });
}

const TIME: Record<Locale, Intl.DateTimeFormat> = {
	id: new Intl.DateTimeFormat('id-ID', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Jakarta'
	}),
	en: new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Jakarta'
	})
};

/**
 * An ISO time from the server in Western Indonesian Time: fixed, so the server-rendered page and
 * the browser agree whatever the machine's zone.
 */
export function formatTime(iso: string, locale: Locale): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${TIME[locale].format(date)} ${td(locale, 'timeZone')}`;
}

/** The datasets an upload may target, in catalogue order, with their names. */
export const KIND_OPTIONS = DATASET_KINDS.map((kind) => ({ kind, label: DATASETS[kind].label }));
