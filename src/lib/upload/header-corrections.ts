/**
 * The analyst's corrections of the column mapping. The server only reads headers, so a
 * correction renames the header: in the preview before re-validation, and in the file sent.
 */
import type { Delimiter } from '$lib/csv/parse-csv';
import { IGNORED_COLUMNS } from '$lib/csv/map-columns';

/** Per header position: a schema column id, or null to leave the column out. */
export type ColumnChoices = Record<number, string | null>;

/** A header the validation recognises as "describes the row, not stored". */
const IGNORED_LABEL = IGNORED_COLUMNS.find((c) => c === 'keterangan') ?? 'keterangan';

/** The header after corrections; a unit such as `(Rp juta)` stays, so the multiplier does too. */
export function correctHeader(header: readonly string[], choices: ColumnChoices): string[] {
	return header.map((label, i) => {
		if (!Object.hasOwn(choices, i)) return label;
		const target = choices[i];
		if (target === null || target === undefined) return IGNORED_LABEL;
		const unit = /\(.*?\)/.exec(label)?.[0];
		return unit ? `${target} ${unit}` : target;
	});
}

/** Where the first record (the header) ends: the first line break outside quotes. */
export function headerEnd(text: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) return i;
	}
	return text.length;
}

function headerCell(label: string, delimiter: Delimiter): string {
	return /["\r\n]/.test(label) || label.includes(delimiter)
		? `"${label.replace(/"/g, '""')}"`
		: label;
}

/**
 * The file text with its header line replaced and every data line left byte for byte. This is
 * not an export (writeCsv's formula guard would change the labels the server must read).
 */
export function replaceHeader(
	text: string,
	delimiter: Delimiter,
	header: readonly string[]
): string {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const line = header.map((h) => headerCell(h, delimiter)).join(delimiter);
	return line + body.slice(headerEnd(body));
}
