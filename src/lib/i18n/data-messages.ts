/**
 * UI text of the data pages (upload, history, login), in Indonesian (the reference) and English.
 * Same pattern as messages.ts: `en` is typed against the Indonesian keys; `{name}` is a parameter.
 */
import type { Locale } from '$lib/format/number';
import { id, type DataMessageKey } from './data-messages.id';
import { en } from './data-messages.en';

export type { DataMessageKey };

const DATA_MESSAGES: Record<Locale, Record<DataMessageKey, string>> = { id, en };

/**
 * A data-page text in the locale, with `{name}` parameters filled in. `{name|one|other}` is the
 * word for that count (English only needs it: Indonesian nouns do not change with number).
 */
export function td(
	locale: Locale,
	key: DataMessageKey,
	values: Record<string, string | number> = {}
): string {
	return DATA_MESSAGES[locale][key].replace(
		/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
		(match, name: string, one?: string, other?: string) => {
			if (!Object.hasOwn(values, name)) return match;
			const value = String(values[name]);
			if (one === undefined || other === undefined) return value;
			return value === '1' ? one : other;
		}
	);
}
