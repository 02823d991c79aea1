/**
 * CSV text → header and string cells, with the dialect found. Cells stay text: converting them
 * is validation's job, so the browser preview and the server verdict cannot drift apart.
 */
import Papa from 'papaparse';
import { problem, type Problem } from './problem';

export type Delimiter = ',' | ';' | '\t';

export interface ParsedCsv {
	header: string[];
	/** Data rows; `lines[i]` is the spreadsheet line of `rows[i]` (the header is line 1). */
	rows: string[][];
	lines: number[];
	delimiter: Delimiter;
	problems: Problem[];
}

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** The delimiter that splits the header line into the most fields. */
export function detectDelimiter(text: string): Delimiter {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	let best: Delimiter = ',';
	let bestCount = 0;
	for (const d of DELIMITERS) {
		const count = firstLine.split(d).length - 1;
		if (count > bestCount) {
			best = d;
			bestCount = count;
		}
	}
	return best;
}

export interface ParseOptions {
	/** For a progress bar: the share of the text parsed so far (0–1), called between chunks. */
	onProgress?: (fraction: number) => void;
}

export function parseCsv(input: string, options: ParseOptions = {}): ParsedCsv {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const delimiter = detectDelimiter(text);
	const result = papaParse(text, delimiter, options.onProgress);
	const problems: Problem[] = [];
	const headerRow = result.data[0];
	const header = (headerRow ?? []).map((h) => h.trim());
	if (header.length === 0 || header.every((h) => h === '')) {
		problems.push(
			problem(
				1,
				'',
				'',
				{
					id: 'Berkas kosong atau tidak punya baris judul kolom.',
					en: 'The file is empty or has no header row.'
				},
				{
					id: 'Baris pertama harus berisi nama kolom, misalnya kode_wilayah;tahun;…',
					en: 'The first line must hold column names, e.g. kode_wilayah,tahun,…'
				}
			)
		);
		return { header: [], rows: [], lines: [], delimiter, problems };
	}
	// Papa counts rows, not lines: a quoted cell may span lines, so track lines from the cursor.
	const rows: string[][] = [];
	const lines: number[] = [];
	let line = 1 + embeddedLineBreaks(headerRow ?? []);
	for (let r = 1; r < result.data.length; r++) {
		const row = result.data[r]!;
		const start = line + 1;
		line = start + embeddedLineBreaks(row);
		if (isBlank(row)) continue;
		if (row.length !== header.length) {
			problems.push(
				problem(
					start,
					'',
					row.join(delimiter).slice(0, 80),
					{
						id: `Baris berisi ${row.length} kolom, padahal judul berisi ${header.length}.`,
						en: `The row has ${row.length} fields but the header has ${header.length}.`
					},
					{
						id: 'Periksa pemisah kolom dan tanda kutip pada baris ini.',
						en: 'Check the delimiters and quotes on this line.'
					}
				)
			);
			continue;
		}
		rows.push(row);
		lines.push(start);
	}
	for (const error of result.errors) {
		if (error.type === 'FieldMismatch') continue;
		problems.push(
			problem(
				(error.row ?? 0) + 1,
				'',
				'',
				{
					id: `CSV tidak dapat dibaca: ${error.message}.`,
					en: `The CSV cannot be read: ${error.message}.`
				},
				{
					id: 'Periksa tanda kutip yang tidak ditutup.',
					en: 'Look for an unclosed quote.'
				}
			)
		);
	}
	return { header, rows, lines, delimiter, problems };
}

const PROGRESS_CHUNK = 1024 * 1024;

/** Papa's whole-text result; in chunks when progress is wanted, with the same rows and errors. */
function papaParse(
	text: string,
	delimiter: Delimiter,
	onProgress?: (fraction: number) => void
): { data: string[][]; errors: Papa.ParseError[] } {
	if (!onProgress) return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
	const data: string[][] = [];
	const errors: Papa.ParseError[] = [];
	Papa.parse<string[]>(text, {
		delimiter,
		skipEmptyLines: false,
		chunkSize: PROGRESS_CHUNK,
		chunk: (chunk: Papa.ParseResult<string[]>) => {
			// A chunk numbers its error rows from its own first row.
			for (const e of chunk.errors)
				errors.push(e.row === undefined ? e : { ...e, row: e.row + data.length });
			for (const row of chunk.data) data.push(row);
			onProgress(text.length ? Math.min(1, chunk.meta.cursor / text.length) : 1);
		},
		// Papa's types only know chunks of files; strings are streamed the same way, synchronously.
		complete: () => undefined
	});
	return { data, errors };
}

function isBlank(row: readonly string[]): boolean {
	for (const cell of row) if (cell.trim() !== '') return false;
	return true;
}

function embeddedLineBreaks(row: string[]): number {
	let n = 0;
	for (const cell of row) {
		for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n += 1;
	}
	return n;
}
