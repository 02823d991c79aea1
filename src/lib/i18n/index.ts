import type { Locale } from '$lib/format/number';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export type { Locale } from '$lib/format/number';

export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';
export const LANG_PARAM = 'lang';

/** The page's locale: `?lang=en` for English, Indonesian otherwise (as hooks.server.ts does). */
export function localeOf(params: URLSearchParams): Locale {
	return params.get(LANG_PARAM) === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** A UI text in the locale, with `{name}` parameters filled in. */
export function t(
	locale: Locale,
	key: MessageKey,
	values: Record<string, string | number> = {}
): string {
	return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : match
	);
}

const STATUS_KEY = {
	resmi: 'statusResmi',
	estimasi: 'statusEstimasi',
	sintetis: 'statusSintetis'
} as const satisfies Record<string, MessageKey>;

/** The display word for a data status (`resmi` → "official" in English). */
export function statusLabel(locale: Locale, status: keyof typeof STATUS_KEY): string {
	return t(locale, STATUS_KEY[status]);
}
