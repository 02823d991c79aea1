import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/csv/parse-csv';

/** The worker parses with progress; the server without. Both must read the same file. */
describe('parseCsv with progress', () => {
	it('reads a large file in chunks exactly as in one go', () => {
		const lines = ['kode;tahun;nilai'];
		for (let i = 0; i < 60_000; i++)
			lines.push(i % 997 === 0 ? `"a\r\nb ${i}";2020;"x""${i}"` : `${i};2020;${i}`);
		lines.splice(30_000, 0, '1;2', '', '"open;1;2');
		const text = lines.join('\r\n');
		const fractions: number[] = [];
		const chunked = parseCsv(text, { onProgress: (f) => fractions.push(f) });
		expect(chunked).toEqual(parseCsv(text));
		expect(fractions.length).toBeGreaterThan(1);
		expect(fractions.at(-1)).toBe(1);
		expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
	});

	it('agrees on any small text of CSV-ish characters', () => {
		const cell = fc.stringMatching(/^[a-z0-9 ;,"\r\n.-]{0,6}$/);
		fc.assert(
			fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
				const text = cells.join(';');
				expect(parseCsv(text, { onProgress: () => undefined })).toEqual(parseCsv(text));
			}),
			{ numRuns: 300 }
		);
	});
});
