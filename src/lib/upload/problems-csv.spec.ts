import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/csv/parse-csv';
import type { Problem } from '$lib/csv/problem';
import { localiseProblem, problemsCsv, problemsFileName } from './problems-csv';

const problem: Problem = {
	line: 7,
	column: 'jumlah_koperasi',
	value: '=HYPERLINK("http://x")',
	message: { id: '"=HYPERLINK" bukan angka.', en: '"=HYPERLINK" is not a number.' },
	fix: { id: 'Tulis angka; seperti 1.234', en: 'Write a number, such as 1,234' }
};

describe('problemsCsv', () => {
	it('writes Indonesian problems for Excel: BOM, semicolons, Indonesian header', () => {
		const text = problemsCsv([localiseProblem(problem, 'id')], 'id');
		expect(text.startsWith('\ufeffbaris;kolom;nilai;masalah;perbaikan\r\n')).toBe(true);
		const parsed = parseCsv(text);
		expect(parsed.delimiter).toBe(';');
		expect(parsed.rows[0]).toEqual([
			'7',
			'jumlah_koperasi',
			`'=HYPERLINK("http://x")`,
			'"=HYPERLINK" bukan angka.',
			'Tulis angka; seperti 1.234'
		]);
	});

	it('writes English problems as a plain comma CSV', () => {
		const text = problemsCsv([localiseProblem(problem, 'en')], 'en');
		expect(text.split('\r\n')[0]).toBe('line,column,value,problem,fix');
		expect(parseCsv(text).rows[0]?.[4]).toBe('Write a number, such as 1,234');
	});

	it('keeps every problem, not only the ones shown', () => {
		const many = Array.from({ length: 250 }, (_, i) => ({ ...problem, line: i + 2 }));
		const parsed = parseCsv(
			problemsCsv(
				many.map((p) => localiseProblem(p, 'en')),
				'en'
			)
		);
		expect(parsed.rows).toHaveLength(250);
		expect(parsed.rows.at(-1)?.[0]).toBe('251');
	});
});

describe('problemsFileName', () => {
	it('derives a safe name from the upload', () => {
		expect(problemsFileName('Data Koperasi 2024 (final).csv', 'id')).toBe(
			'Data_Koperasi_2024_final_-masalah.csv'
		);
		expect(problemsFileName('../../etc/passwd', 'en')).toBe('passwd-problems.csv');
		expect(problemsFileName('', 'id')).toBe('unggahan-masalah.csv');
	});
});
