/**
 * Every CSV that leaves the app is written here. Text that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR, or the fullwidth ＝ ＋ － ＠ that some spreadsheets fold to
 * them) gets a leading apostrophe; numbers stay numbers, so a negative figure stays a figure.
 */
export type CsvFlavour = 'standard' | 'excel-id';

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * Quoted whatever the file's own delimiter: a spreadsheet may split a comma file on `;` (Excel
 * in an Indonesian locale) or on tabs, and an unquoted `a;=1+2` would then start a cell with `=`.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function neutraliseCell(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(
	header: readonly string[],
	rows: readonly (readonly (string | number | null | undefined)[])[],
	flavour: CsvFlavour = 'standard'
): string {
	const delimiter = flavour === 'excel-id' ? ';' : ',';
	const cell = (value: string | number | null | undefined): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number') {
			if (!Number.isFinite(value)) return '';
			const text = String(value);
			return flavour === 'excel-id' ? text.replace('.', ',') : text;
		}
		return quote(neutraliseCell(value));
	};
	const lines = [header.map((h) => cell(h)), ...rows.map((row) => row.map(cell))].map((r) =>
		r.join(delimiter)
	);
	const body = lines.join('\r\n') + '\r\n';
	// Excel in an Indonesian locale only reads UTF-8 correctly when the file starts with a BOM.
	return flavour === 'excel-id' ? '\ufeff' + body : body;
}
