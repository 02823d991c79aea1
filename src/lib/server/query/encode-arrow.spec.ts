import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeQueryRows, encodeQueryRows } from '$lib/arrow/codec';
import type { QueryRow } from '$lib/query/indicator-query';
import { encodeCodedAnswer, rowsOfCodedAnswer, type CodedAnswer } from './encode-arrow';

const REGIONS = [
	{ code: '32.16', name: 'Kabupaten Bekasi', level: 'kabkota' },
	{ code: '19', name: 'Kepulauan Bangka Belitung — “Babel”', level: 'provinsi' }
];

const ANSWER: CodedAnswer = {
	length: 3,
	region: Int32Array.of(0, 0, 1),
	regions: REGIONS,
	year: Int32Array.of(2024, 2025, 2025),
	value: [12.5, null, -0.25],
	status: [0, null, 2],
	source: [1, null, 0],
	sourceTexts: ['Sintetis (seed 2026): angka ilustrasi 🧪', 'BPS | Dinas Koperasi'],
	populationYear: [2024, null, 2023]
};

const ROWS: QueryRow[] = [
	{
		region_code: '32.16',
		region_name: 'Kabupaten Bekasi',
		region_level: 'kabkota',
		year: 2024,
		value: 12.5,
		status: 'resmi',
		sources: 'BPS | Dinas Koperasi',
		population_year: 2024
	},
	{
		region_code: '32.16',
		region_name: 'Kabupaten Bekasi',
		region_level: 'kabkota',
		year: 2025,
		value: null,
		status: null,
		sources: null,
		population_year: null
	},
	{
		region_code: '19',
		region_name: 'Kepulauan Bangka Belitung — “Babel”',
		region_level: 'provinsi',
		year: 2025,
		value: -0.25,
		status: 'sintetis',
		sources: 'Sintetis (seed 2026): angka ilustrasi 🧪',
		population_year: 2023
	}
];

const schema = (bytes: Uint8Array) =>
	tableFromIPC(bytes).schema.fields.map((f) => `${f.name} ${String(f.type)} ${f.nullable}`);

describe('a coded answer', () => {
	it('becomes rows by looking its indices up', () => {
		expect(rowsOfCodedAnswer(ANSWER)).toEqual(ROWS);
	});

	it('is written as the codec writes rows: the same schema, and the same rows come back', () => {
		const bytes = encodeCodedAnswer(ANSWER);
		expect(decodeQueryRows(bytes)).toEqual(ROWS);
		expect(schema(bytes)).toEqual(schema(encodeQueryRows(ROWS)));
		expect(schema(bytes)).toContain('sources Dictionary<Int32, Utf8> true');
	});

	it('sends each distinct text once: a region name per region asked, not per row', () => {
		const table = tableFromIPC(encodeCodedAnswer(ANSWER));
		const names = table.getChild('region_name')!.data[0]!.dictionary!;
		expect(names.toArray()).toEqual(REGIONS.map((r) => r.name));
		const levels = table.getChild('region_level')!.data[0]!.dictionary!;
		expect(levels.toArray()).toEqual(['kabkota', 'provinsi']);
	});

	it('may be empty, or have no null at all', () => {
		const empty: CodedAnswer = {
			...ANSWER,
			length: 0,
			region: new Int32Array(),
			year: new Int32Array(),
			value: [],
			status: [],
			source: [],
			sourceTexts: [],
			populationYear: []
		};
		expect(decodeQueryRows(encodeCodedAnswer(empty))).toEqual([]);
		const full: CodedAnswer = {
			...ANSWER,
			length: 2,
			region: Int32Array.of(0, 1),
			year: Int32Array.of(2024, 2025),
			value: [12.5, -0.25],
			status: [0, 2],
			source: [1, 0],
			populationYear: [2024, 2023]
		};
		expect(decodeQueryRows(encodeCodedAnswer(full))).toEqual([ROWS[0], ROWS[2]]);
	});
});
