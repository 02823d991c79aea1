/**
 * File bytes → text. Spreadsheets save UTF-8 (with or without BOM) or, on older Indonesian
 * Windows machines, Windows-1252; anything with NUL bytes is not a text CSV at all.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false };

const MAGIC: number[][] = [
	[0x25, 0x50, 0x44, 0x46], // %PDF
	[0x50, 0x4b, 0x03, 0x04], // zip, so also .xlsx and .ods
	[0xd0, 0xcf, 0x11, 0xe0], // legacy .xls
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF
	[0x1f, 0x8b] // gzip
];

/** True for content that is not a text table whatever the file is called. */
export function looksBinary(bytes: Uint8Array): boolean {
	if (MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b))) return true;
	const sample = bytes.subarray(0, 8192);
	for (const byte of sample) if (byte === 0) return true;
	return false;
}

/** HTML, XML and JSON are text, but not a table. */
export function looksLikeMarkup(text: string): boolean {
	return /^\s*(<|\{|\[)/.test(text.replace(/^\ufeff/, ''));
}

/**
 * Windows-1252's 0x80–0x9F block (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Node 20.18.3+
 * and 22.13+ decode 'windows-1252' as ISO-8859-1, leaving C1 controls (nodejs/node#60888), so the
 * block is mapped here; on a correct decoder the replacement finds nothing left to do.
 */
const CP1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252')
		.decode(bytes)
		.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

export function decodeText(bytes: Uint8Array): DecodedText {
	if (looksBinary(bytes)) return { ok: false };
	const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	let decoded: { text: string; encoding: TextEncoding };
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		decoded = { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
	} catch {
		decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
	if (looksLikeMarkup(decoded.text)) return { ok: false };
	return { ok: true, ...decoded };
}
