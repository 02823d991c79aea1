/**
 * Reading numbers as Indonesian and English spreadsheets write them. `1.234.567,89` (id) and
 * `1,234,567.89` (en) are both common; `12.345` alone could be either, so it is never guessed.
 */

export type NumberConvention = 'id' | 'en';

export type NumberReading =
	{ kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'invalid' };

/** BPS table symbols: nil, not available, confidential. They mean "no figure", not zero. */
export const NULL_SYMBOLS = new Set(['-', '–', '—', '...', '…', 'x', 'X', 'NA', 'N/A', 'n/a']);

const PATTERNS: Record<NumberConvention, RegExp> = {
	id: /^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
	en: /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/
};

/** Only ASCII digits, at least one: the commonest cell of a large file, checked without a RegExp. */
function isDigits(text: string): boolean {
	if (text.length === 0) return false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x30 || code > 0x39) return false;
	}
	return true;
}

/** Removes what decorates a number without changing it: spaces, NBSP, a Rupiah prefix. */
function strip(raw: string): { body: string; negative: boolean } {
	let text = raw.replace(/[\s\u00a0\u202f]/g, '');
	let negative = false;
	if (/^\(.*\)$/.test(text)) {
		negative = true;
		text = text.slice(1, -1);
	}
	if (/^[-−]/.test(text) && text.length > 1) {
		negative = !negative;
		text = text.slice(1);
	}
	text = text.replace(/^(rp\.?|idr)/i, '');
	return { body: text, negative };
}

export function parseNumber(raw: string, convention: NumberConvention): NumberReading {
	const value = readNumber(raw, convention);
	if (value === null) return { kind: 'empty' };
	return Number.isNaN(value) ? { kind: 'invalid' } : { kind: 'number', value };
}

/**
 * parseNumber without an object per cell, for validation of large files: the number, null when
 * the cell says "no figure", NaN when it is not a number.
 */
export function readNumber(raw: string, convention: NumberConvention): number | null {
	// Plain digits read the same in both conventions; most cells of a large file are just that.
	if (isDigits(raw)) return Number(raw);
	const trimmed = raw.trim();
	if (trimmed === '' || NULL_SYMBOLS.has(trimmed)) return null;
	if (isDigits(trimmed)) return Number(trimmed);
	const { body, negative } = strip(trimmed);
	if (!PATTERNS[convention].test(body)) return NaN;
	const [thousands, decimal] = convention === 'id' ? ['.', ','] : [',', '.'];
	const normalised = body.split(thousands).join('').replace(decimal, '.');
	const value = Number(normalised);
	if (!Number.isFinite(value)) return NaN;
	return negative ? -value : value;
}

export type ConventionEvidence = NumberConvention | 'ambiguous' | 'plain' | 'invalid';

/** What one cell says about the convention it was written in. */
export function conventionOf(raw: string): ConventionEvidence {
	if (isDigits(raw)) return 'plain';
	const trimmed = raw.trim();
	if (trimmed === '' || NULL_SYMBOLS.has(trimmed) || isDigits(trimmed)) return 'plain';
	const { body } = strip(trimmed);
	const fitsId = PATTERNS.id.test(body);
	const fitsEn = PATTERNS.en.test(body);
	if (fitsId && fitsEn) return /[.,]/.test(body) ? 'ambiguous' : 'plain';
	if (fitsId) return 'id';
	if (fitsEn) return 'en';
	return 'invalid';
}

export type ColumnConvention =
	| { kind: 'decided'; convention: NumberConvention }
	| { kind: 'plain' }
	| { kind: 'ambiguous'; example: string }
	| { kind: 'mixed'; idExample: string; enExample: string };

/** Decides a column's convention from all its cells; ambiguity is reported, not resolved. */
export function detectColumnConvention(values: Iterable<string>): ColumnConvention {
	const cells = Array.isArray(values) ? (values as readonly string[]) : [...values];
	return detectConvention(cells.length, (i) => cells[i]!);
}

/**
 * detectColumnConvention for one column of parsed rows, without copying the column out. In a
 * column of whole numbers (counts without a unit) `12.345` can only be twelve thousand: its
 * English reading has decimals. There the cell itself settles the question.
 */
export function detectConventionInColumn(
	rows: readonly (readonly string[])[],
	column: number,
	whole = false
): ColumnConvention {
	return detectConvention(rows.length, (i) => rows[i]![column] ?? '', whole);
}

function detectConvention(
	count: number,
	cell: (i: number) => string,
	whole = false
): ColumnConvention {
	let idExample: string | undefined;
	let enExample: string | undefined;
	let ambiguousExample: string | undefined;
	for (let i = 0; i < count; i++) {
		const raw = cell(i);
		const evidence = conventionOf(raw);
		if (evidence === 'id') idExample ??= raw;
		else if (evidence === 'en') enExample ??= raw;
		else if (evidence === 'ambiguous') {
			if (!whole) ambiguousExample ??= raw;
			else if (raw.includes('.')) idExample ??= raw;
			else enExample ??= raw;
		}
	}
	if (idExample !== undefined && enExample !== undefined)
		return { kind: 'mixed', idExample, enExample };
	if (idExample !== undefined) return { kind: 'decided', convention: 'id' };
	if (enExample !== undefined) return { kind: 'decided', convention: 'en' };
	if (ambiguousExample !== undefined) return { kind: 'ambiguous', example: ambiguousExample };
	return { kind: 'plain' };
}
