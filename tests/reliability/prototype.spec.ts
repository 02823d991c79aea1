/**
 * Header names, form fields and region names such as `__proto__` or `constructor` go through the
 * same code as any other text: the browser's analysis, the server's form reading and validation.
 * None of them may change an object's prototype, here or globally.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATASETS } from '$lib/catalogue/datasets';
import { parseCsv } from '$lib/csv/parse-csv';
import { validateDataset } from '$lib/csv/validate-dataset';
import { createRegionResolver } from '$lib/regions/resolve-region';
import { readRegionsCsv } from '$lib/server/ingest/load-bundled';
import { readUploadForm } from '$lib/server/http/upload-form';
import { analyse } from '$lib/upload/analyse';

const HOSTILE_HEADERS = [
	'__proto__',
	'constructor',
	'prototype',
	'__proto__.isAdmin',
	'hasOwnProperty',
	'toString',
	'valueOf'
];

const regions = readRegionsCsv(path.resolve('datasets/wilayah.csv'));
// Two regions renamed to prototype keys: names are looked up by text, never used as object keys.
const renamed = regions.map((r) =>
	r.code === '32.02'
		? { ...r, name: '__proto__', shortName: '__proto__' }
		: r.code === '32.03'
			? { ...r, name: 'constructor', shortName: 'constructor' }
			: r
);
const resolveRegion = createRegionResolver(renamed);

const HEADER =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,jumlah_anggota,status_data,sumber';
const ROWS = ['__proto__,2024,semua,5,4,40,resmi,Uji', 'constructor,2024,semua,6,5,50,resmi,Uji'];

function csvWith(extra: string[]) {
	const tail = (cells: string[]) => cells.map((c) => `,${c}`).join('');
	const lines = [
		HEADER + tail(extra.map((h) => `"${h}"`)),
		...ROWS.map((r) => r + tail(extra.map(() => 'x')))
	];
	return parseCsv(lines.join('\n'));
}

function expectNoPollution() {
	const probe: Record<string, unknown> = {};
	expect(probe.isAdmin).toBeUndefined();
	expect(probe.polluted).toBeUndefined();
	expect(Object.keys(Object.prototype)).toEqual([]);
	expect(typeof probe.hasOwnProperty).toBe('function');
	expect(typeof probe.toString).toBe('function');
}

afterEach(expectNoPollution);

describe('prototype keys in uploads', () => {
	it('the server-side validation names them as unknown columns, label for label', () => {
		const result = validateDataset(csvWith(HOSTILE_HEADERS), {
			dataset: DATASETS.koperasi,
			resolveRegion
		});
		expect(result.records).toEqual([]);
		expect(result.problems.map((p) => p.column).sort()).toEqual([...HOSTILE_HEADERS].sort());
		for (const problem of result.problems)
			expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
	});

	it('the server-side validation resolves regions named __proto__ and constructor like any other', () => {
		const result = validateDataset(csvWith([]), { dataset: DATASETS.koperasi, resolveRegion });
		expect(result.problems).toEqual([]);
		expect(result.records.map((r) => r.kode_wilayah)).toEqual(['32.02', '32.03']);
		for (const record of result.records) {
			expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
			expect(Object.getPrototypeOf(record.facts)).toBe(Object.prototype);
		}
	});

	it('the browser analysis shows them as the labels they are, with JSON conventions naming them', () => {
		const conventions = JSON.parse(
			'{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"jumlah_anggota":"id"}'
		);
		const analysis = analyse(csvWith(HOSTILE_HEADERS), {
			kind: 'koperasi',
			conventions,
			choices: JSON.parse('{"__proto__":"jumlah_manajer"}'),
			resolveRegion
		});
		expect(analysis.columns.map((c) => c.label).slice(-HOSTILE_HEADERS.length)).toEqual(
			HOSTILE_HEADERS
		);
		expect(analysis.preview[0]!.cells[0]!.stored).toEqual({
			kind: 'region',
			code: '32.02',
			name: '__proto__'
		});
		for (const column of analysis.columns)
			expect(Object.getPrototypeOf(column)).toBe(Object.prototype);
	});

	it('the upload form keeps only known conventions as plain own properties', async () => {
		const form = new FormData();
		form.set('file', new File([`${HEADER}\n${ROWS[0]}\n`], '__proto__.csv'));
		form.set('kind', 'koperasi');
		form.set(
			'conventions',
			'{"__proto__":{"isAdmin":true},"constructor":"id","toString":"en","jumlah_anggota":"id"}'
		);
		const read = await readUploadForm(
			new Request('http://localhost/api/datasets', { method: 'POST', body: form }),
			1 << 20
		);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { conventions } = read.fields;
		expect(Object.getPrototypeOf(conventions)).toBe(Object.prototype);
		expect((conventions as Record<string, unknown>).isAdmin).toBeUndefined();
		expect(Object.entries(conventions).filter(([, v]) => typeof v !== 'string')).toEqual([]);
		expect(conventions.jumlah_anggota).toBe('id');
	});
});
