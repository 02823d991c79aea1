/**
 * The table's data as CSV: one line per region and year, in the table's order, with the API's
 * columns (so a file and an API answer line up) and the full-precision values. Written by the one
 * CSV writer, which neutralises formula-like text and knows the Indonesian Excel flavour.
 */
import type { Normalisation } from '$lib/catalogue/indicators';
import { writeCsv, type CsvFlavour } from '$lib/csv/write-csv';
import { QUERY_COLUMNS, type QueryRow } from '$lib/query/indicator-query';

export const EXPORT_COLUMNS = ['indicator', 'per', ...QUERY_COLUMNS] as const;

export interface CsvExport {
	indicator: string;
	per: Normalisation;
	/** Region codes in the order the table shows them. */
	codes: readonly string[];
	years: readonly number[];
	rows: readonly QueryRow[];
}

export function explorerCsv(data: CsvExport, flavour: CsvFlavour): string {
	const byKey = new Map(data.rows.map((r) => [`${r.region_code}|${r.year}`, r]));
	const lines: (string | number | null)[][] = [];
	for (const code of data.codes) {
		for (const year of data.years) {
			const row = byKey.get(`${code}|${year}`);
			if (!row) continue;
			lines.push([data.indicator, data.per, ...QUERY_COLUMNS.map((c) => row[c])]);
		}
	}
	return writeCsv(EXPORT_COLUMNS, lines, flavour);
}

/** `jelajah_anggota_per_koperasi_total_2018-2025.csv`; `_excel` for the Indonesian flavour. */
export function csvFileName(data: CsvExport, flavour: CsvFlavour): string {
	const years = `${data.years[0] ?? ''}-${data.years.at(-1) ?? ''}`;
	return `jelajah_${data.indicator}_${data.per}_${years}${flavour === 'excel-id' ? '_excel' : ''}.csv`;
}
