import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetDefinition, type DatasetKind } from '$lib/catalogue/datasets';
import { decodeText } from '$lib/csv/decode-text';
import { parseCsv } from '$lib/csv/parse-csv';
import {
	PAIR_LIMITS,
	unitMultiplier,
	validateDataset,
	type ReadingChoices
} from '$lib/csv/validate-dataset';
import { SPEC_REGIONS, specResolver } from '$lib/upload/spec-regions';
import { prepareUpload } from './prepare-upload';
import {
	partsAgree,
	splitAtLineBreak,
	stagePlainFile,
	stagePlainPart,
	type PlainFileOptions,
	type PlainPart
} from './stage-plain-file';
import { writeStagedRecords } from './staged-records';

const REGIONS = SPEC_REGIONS;
const resolveRegion = specResolver;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;
const scratch = () => path.join(dir, `${(files += 1)}.csv`);

/** The full way, as prepareUpload takes it: the staged bytes, or null when the file is refused. */
function fullWay(kind: DatasetKind, bytes: Uint8Array, reading?: ReadingChoices): Buffer | null {
	const decoded = decodeText(bytes);
	if (!decoded.ok) return null;
	const result = validateDataset(parseCsv(decoded.text), {
		dataset: DATASETS[kind],
		resolveRegion,
		...reading
	});
	if (result.problemCount > 0 || result.records.length === 0) return null;
	const file = scratch();
	writeStagedRecords(file, kind, result.records);
	const staged = fs.readFileSync(file);
	fs.rmSync(file);
	return staged;
}

/** The plain way: the staged bytes, or the reason it left the file to the full way. */
function plainWay(kind: DatasetKind, bytes: Uint8Array, reading?: ReadingChoices): Buffer | string {
	const file = scratch();
	const outcome = stagePlainFile(bytes, { kind, regions: REGIONS, resolveRegion, reading }, file);
	if (outcome.kind === 'unsure') {
		expect(fs.existsSync(file), 'an unsure pass leaves no file').toBe(false);
		return outcome.reason;
	}
	const staged = fs.readFileSync(file);
	fs.rmSync(file);
	return staged;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

// A seeded generator of uploads. `plain` files stay within what the plain way must take on
// (quotes, CRLF, BOM, any spelling the validator resolves, blank lines, non-ASCII text); `any`
// files also mix in what it must leave to the full way, whether the full way takes it or not.
type Random = () => number;
function mulberry32(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const pick = <T>(random: Random, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)]!;
const chance = (random: Random, p: number) => random() < p;

const CLEAN = {
	region: [
		'32.16',
		'3216',
		'Kabupaten Bekasi',
		'kab. bekasi',
		' 32.75 ',
		'Kota Bekasi',
		'19.05',
		'1903',
		'19',
		'Jawa Barat'
	],
	status: ['resmi', 'estimasi', 'sintetis', 'RESMI', ' Estimasi '],
	source: [
		'Dinas Koperasi',
		'BPS; tabel 3',
		'Kata "kutip"',
		'Data café',
		'ODS, 2024',
		'x'.repeat(1999)
	],
	name: [
		'Koperasi Maju',
		'Koperasi "Sejahtera"',
		'Koperasi Café',
		'KSP Ñandu',
		'',
		'Kop; Jaya, Tbk',
		'Koperasi\u2003Jaya'
	],
	breakdown: ['konsumen', 'Simpan Pinjam', ' produsen ', 'JASA'],
	all: ['semua', '', 'Semua']
};
const TRICKY = {
	region: ['Bekasi', '99.99', '', 'Bekasi Regency', '32.16x'],
	year: [' 2020', '1999', '20', '2020.0', '', '2031'],
	status: ['official', '', 'resmi.'],
	source: ['', ' Dinas', 'Dinas ', '\u00a0Dinas', 'x'.repeat(2001)],
	name: [' Koperasi', 'Koperasi\u00a0', 'x'.repeat(2001)],
	figure: [
		'-',
		'1.234',
		'1,234',
		'-5',
		' 12',
		'12345678901234567890',
		'1.234,5',
		'abc',
		'(5)',
		'Rp 1.000',
		'0012.5'
	]
};
const HEADER_SPELLINGS: Record<string, string[]> = {
	kode_wilayah: ['kode_wilayah', 'Kode Wilayah', 'region_code'],
	tahun: ['tahun', 'year', 'Tahun'],
	status_data: ['status_data', 'status'],
	sumber: ['sumber', 'source', 'Sumber Data']
};

function digits(random: Random, max: number): string {
	const length = 1 + Math.floor(random() * max);
	let text = '';
	for (let i = 0; i < length; i++) text += String(Math.floor(random() * 10));
	return text;
}

function generateUpload(seed: number, mode: 'plain' | 'any') {
	const random = mulberry32(seed);
	const kind = pick(random, ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk'] as const);
	const dataset: DatasetDefinition = DATASETS[kind];
	const delimiter = pick(random, [';', ',', '\t']);

	const hasId = dataset.perCooperative && chance(random, 0.8);
	const hasName = dataset.perCooperative && chance(random, 0.7);
	const facts = dataset.facts.filter((_, i) => i === 0 || chance(random, 0.6));
	const units = new Map(
		facts.map((f) => [f.id, f.unit === 'rupiah' && chance(random, 0.3) ? ' (Rp juta)' : ''])
	);
	// What the analyst may add: a mapping by header, a status and a source for the whole file
	// (standing in for a missing column, or for empty cells).
	const reading: ReadingChoices = {};
	const fileWide = chance(random, 0.3);
	if (fileWide) reading.defaults = { status: 'estimasi', source: 'Sumber untuk seluruh berkas' };
	const dropped = new Set(
		fileWide && mode === 'any' ? ['status_data', 'sumber'].filter(() => chance(random, 0.4)) : []
	);
	const columns = [
		'kode_wilayah',
		'tahun',
		...(dataset.dimension ? [dataset.dimension.id] : []),
		...(hasId ? ['id_koperasi'] : []),
		...(hasName ? ['nama_koperasi'] : []),
		...(chance(random, 0.3) ? ['nama_wilayah'] : []),
		...facts.map((f) => f.id),
		'status_data',
		'sumber',
		...(chance(random, 0.2) ? ['Catatan lain'] : [])
	]
		.filter((c) => !dropped.has(c))
		.sort(() => random() - 0.5);
	const mapped = chance(random, 0.3) ? facts[0]!.id : null;
	const header = columns.map((c) =>
		c === mapped
			? `Angka ${seed}${units.get(c) ?? ''}`
			: (HEADER_SPELLINGS[c] ? pick(random, HEADER_SPELLINGS[c]) : c) + (units.get(c) ?? '')
	);
	if (mapped || columns.includes('Catatan lain'))
		reading.columns = {
			...(mapped ? { [`Angka ${seed}${units.get(mapped) ?? ''}`]: mapped } : {}),
			...(columns.includes('Catatan lain') ? { 'Catatan lain': null } : {})
		};

	// Clean rows first. Keys are unique by construction: a year per row where there is no id.
	const rowCount = 1 + Math.floor(random() * 12);
	const breakdownMode = chance(random, 0.5) ? CLEAN.breakdown : CLEAN.all;
	const rows: Record<string, string>[] = [];
	for (let r = 0; r < rowCount; r++) {
		const figures = new Map<string, string>();
		for (const fact of facts)
			figures.set(
				fact.id,
				chance(random, 0.15) ? '' : digits(random, fact.unit === 'rupiah' ? 15 : 9)
			);
		for (const [part, whole] of PAIR_LIMITS) {
			const a = figures.get(part);
			const b = figures.get(whole);
			const scale = (id: string) => unitMultiplier(units.get(id) ?? '');
			if (a && b && Number(a) * scale(part) > Number(b) * scale(whole)) figures.set(part, '0');
		}
		rows.push({
			kode_wilayah: pick(random, CLEAN.region),
			tahun: hasId ? String(2015 + Math.floor(random() * 10)) : String(2000 + r),
			id_koperasi: `${pick(random, ['', 'K-ü', '00'])}${seed % 1000}-${r}`,
			nama_koperasi: pick(random, CLEAN.name),
			nama_wilayah: pick(random, ['Bekasi', ' spasi ', 'kutip "x"', '']),
			'Catatan lain': pick(random, ['', 'apa saja', '"kutip"']),
			status_data: pick(random, CLEAN.status),
			sumber: pick(random, CLEAN.source),
			...(dataset.dimension ? { [dataset.dimension.id]: pick(random, breakdownMode) } : {}),
			...Object.fromEntries(figures)
		});
	}

	// Then, for `any`, up to three defects: one at a time, each check of the plain way is what
	// decides; together, they leave it to the full way for more than one reason.
	const defects = mode === 'any' ? Math.floor(random() * 4) : 0;
	let fileDefects = 0;
	for (let d = 0; d < defects; d++) {
		if (chance(random, 0.25)) {
			fileDefects += 1;
			continue;
		}
		const row = pick(random, rows);
		const column = pick(random, columns);
		const key = column === dataset.dimension?.id ? 'breakdown' : column;
		const defect: Record<string, () => string> = {
			kode_wilayah: () => pick(random, TRICKY.region),
			tahun: () => pick(random, TRICKY.year),
			status_data: () => pick(random, TRICKY.status),
			sumber: () => pick(random, TRICKY.source),
			nama_koperasi: () => pick(random, TRICKY.name),
			id_koperasi: () => pick(random, ['', ' 12', rows[0]!.id_koperasi!, `${row.id_koperasi} `]),
			// A breakdown row among total rows, or the other way round.
			breakdown: () => pick(random, breakdownMode === CLEAN.all ? CLEAN.breakdown : CLEAN.all)
		};
		if (defect[key]) row[column] = defect[key]();
		else if (facts.some((f) => f.id === column)) row[column] = pick(random, TRICKY.figure);
	}

	const needsQuotes = (text: string) => /["\r\n]/.test(text) || text.includes(delimiter);
	const render = (text: string) =>
		needsQuotes(text) || chance(random, 0.1) ? `"${text.replaceAll('"', '""')}"` : text;
	const newline = chance(random, 0.5) ? '\r\n' : '\n';
	const lines = [
		header.join(delimiter),
		...rows.map((row) => columns.map((c) => render(row[c] ?? '')).join(delimiter))
	];
	if (chance(random, 0.2)) lines.splice(1 + Math.floor(random() * (lines.length - 1)), 0, '');
	const last = lines.length - 1;
	const damage = [
		() => lines.push(lines[last]!), // a repeated row
		() => (lines[last] += delimiter), // one field too many
		() => (lines[last] = lines[last]!.slice(0, lines[last]!.lastIndexOf(delimiter))), // too few
		() => lines.splice(1, 0, '   '), // a blank row of spaces
		() => (lines[last] = lines[last]!.replace(delimiter, `\r${delimiter}`)), // a lone CR
		() => (lines[last] = lines[last]!.replace(delimiter, `${delimiter}"two\nlines"`)),
		() => (lines[last] = lines[last]!.replace(delimiter, `"${delimiter}`)), // a stray quote
		() => (lines[last] = `\n${lines[last]}`), // a line break of the other kind
		() => lines.splice(1, 0, ...lines.slice(1)) // every row twice
	];
	for (let d = 0; d < fileDefects; d++) pick(random, damage)();
	const text =
		(chance(random, 0.2) ? '\ufeff' : '') +
		lines.join(newline) +
		(chance(random, 0.7) ? newline : '');
	const bytes =
		mode === 'any' && chance(random, 0.05) && [...text].every((c) => c.charCodeAt(0) < 0x100)
			? Uint8Array.from(text, (c) => c.charCodeAt(0)) // Windows-1252 / Latin-1
			: utf8(text);
	return { kind, bytes, text, reading };
}

// Thousands of generated files: seconds alone, longer beside the other specs on two cores.
describe('the plain way: one pass over a clean file, the same staged rows as the full way', () => {
	it('stages every plainly clean file exactly as validation and writeStagedRecords would', () => {
		for (let seed = 1; seed <= 400; seed++) {
			const { kind, bytes, text, reading } = generateUpload(seed, 'plain');
			const full = fullWay(kind, bytes, reading);
			const plain = plainWay(kind, bytes, reading);
			const context = `seed ${seed}, ${kind}:\n${text.slice(0, 1500)}`;
			expect(full, `the full way refused a clean file, ${context}`).not.toBeNull();
			expect(typeof plain === 'string' ? plain : 'staged', context).toBe('staged');
			expect((plain as Buffer).equals(full!), context).toBe(true);
		}
	}, 60_000);

	it('on any file, either stages exactly what the full way stages or leaves the file to it', () => {
		let staged = 0;
		let left = 0;
		let refused = 0;
		for (let seed = 1; seed <= 1500; seed++) {
			const { kind, bytes, text, reading } = generateUpload(seed, 'any');
			const full = fullWay(kind, bytes, reading);
			const plain = plainWay(kind, bytes, reading);
			if (full === null) refused += 1;
			if (typeof plain === 'string') {
				left += 1;
				continue;
			}
			staged += 1;
			const context = `seed ${seed}, ${kind}:\n${text.slice(0, 1500)}`;
			expect(full, `the plain way took a file the full way refuses, ${context}`).not.toBeNull();
			expect(plain.equals(full!), context).toBe(true);
		}
		// The run covers both outcomes, and files the full way refuses.
		expect(staged).toBeGreaterThan(100);
		expect(left).toBeGreaterThan(100);
		expect(refused).toBeGreaterThan(100);
	}, 60_000);

	it('stages a file split in two, at any line, as the single pass does, or leaves it', () => {
		let compared = 0;
		for (let seed = 1; seed <= 400; seed++) {
			const { kind, bytes, text, reading } = generateUpload(seed, seed % 2 ? 'plain' : 'any');
			const whole = plainWay(kind, bytes, reading);
			const options: PlainFileOptions = { kind, regions: REGIONS, resolveRegion, reading };
			// Every line break is a split point (splitAtLineBreak takes the first from `from` on).
			for (let from = bytes.indexOf(0x0a); from >= 0; from = bytes.indexOf(0x0a, from + 1)) {
				const split = splitAtLineBreak(bytes, from);
				if (!split) continue;
				const [a, b] = [scratch(), scratch()];
				const first = stagePlainPart(split.first, options, a);
				const second = stagePlainPart(split.second, options, b, split.secondLineOffset);
				const staged =
					first.kind === 'staged' && second.kind === 'staged' && partsAgree([first, second]);
				const context = `seed ${seed}, ${kind}, split from ${from}:\n${text.slice(0, 1500)}`;
				expect(staged, context).toBe(typeof whole !== 'string');
				if (staged) {
					const tail = fs.readFileSync(b);
					const joined = Buffer.concat([fs.readFileSync(a), tail.subarray(tail.indexOf(0x0a) + 1)]);
					expect(joined.equals(whole as Buffer), context).toBe(true);
					compared += 1;
				}
				for (const file of [a, b]) fs.rmSync(file, { force: true });
			}
		}
		expect(compared).toBeGreaterThan(300);
	}, 120_000);

	/** The plain pass over `text` split after its `line`th line, and whether the halves agree. */
	function halvesAgree(text: string, line: number): boolean {
		const bytes = utf8(text);
		let from = -1;
		for (let i = 0; i < line; i++) from = bytes.indexOf(0x0a, from + 1);
		const split = splitAtLineBreak(bytes, from)!;
		const options: PlainFileOptions = { kind: 'koperasi', regions: REGIONS, resolveRegion };
		const parts = [
			stagePlainPart(split.first, options, scratch()),
			stagePlainPart(split.second, options, scratch(), split.secondLineOffset)
		];
		if (parts[0]!.kind !== 'staged' || parts[1]!.kind !== 'staged')
			throw new Error('each half alone is plain');
		return partsAgree(parts as PlainPart[]);
	}
	const registerHeader =
		'kode_wilayah;tahun;jenis_koperasi;id_koperasi;jumlah_koperasi;status_data;sumber';

	it('finds a key given once in each half', () => {
		const rows = ['32.16;2024;konsumen;7;1;resmi;Dinas', '32.16;2024;konsumen;8;1;resmi;Dinas'];
		expect(
			halvesAgree([registerHeader, ...rows, '3216;2024;Konsumen;7;1;resmi;Dinas'].join('\n'), 3)
		).toBe(false);
		expect(
			halvesAgree([registerHeader, ...rows, '3216;2024;Konsumen;9;1;resmi;Dinas'].join('\n'), 3)
		).toBe(true);
	});

	it('finds a key whose breakdown each half met in a different order', () => {
		const text = [
			registerHeader,
			'32.16;2024;konsumen;7;1;resmi;Dinas',
			'32.16;2024;produsen;8;1;resmi;Dinas',
			'32.16;2024;produsen;8;1;resmi;Dinas'
		].join('\n');
		expect(halvesAgree(text, 3)).toBe(false);
	});

	it('finds a region and year given as a total in one half and by breakdown in the other', () => {
		const header = 'kode_wilayah;tahun;jenis_koperasi;jumlah_koperasi;status_data;sumber';
		const text = [header, '32.16;2024;konsumen;1;resmi;Dinas', '32.16;2024;semua;1;resmi;Dinas'];
		expect(halvesAgree(text.join('\n'), 2)).toBe(false);
	});

	const header =
		'kode_wilayah;tahun;jenis_koperasi;id_koperasi;jumlah_koperasi;koperasi_aktif;status_data;sumber';
	const unsureOn: [string, string][] = [
		['a figure with a thousands separator', '32.16;2024;konsumen;7;1.234;0;resmi;Dinas'],
		['a negative figure', '32.16;2024;konsumen;7;-1;0;resmi;Dinas'],
		['a part larger than its whole', '32.16;2024;konsumen;7;1;2;resmi;Dinas'],
		['a short name that names two places', 'Bekasi;2024;konsumen;7;1;1;resmi;Dinas'],
		['a status it does not know', '32.16;2024;konsumen;7;1;1;official;Dinas'],
		['an empty source', '32.16;2024;konsumen;7;1;1;resmi;'],
		['a year out of range', '32.16;1999;konsumen;7;1;1;resmi;Dinas'],
		['a quote inside a cell', '32.16;2024;konsumen;7;1;1;resmi;Di"nas'],
		['a cell over two lines', '32.16;2024;konsumen;7;1;1;resmi;"Di\nnas"'],
		['an id with a space to trim', '32.16;2024;konsumen; 7;1;1;resmi;Dinas'],
		['a row without its last field', '32.16;2024;konsumen;8;1;1;resmi']
	];
	it.each(unsureOn)('leaves the file to the full way on %s', (_, row) => {
		const bytes = utf8(`${header}\n32.16;2023;konsumen;7;1;1;resmi;Dinas\n${row}\n`);
		expect(typeof plainWay('koperasi', bytes)).toBe('string');
	});

	it('leaves a key given twice to the full way, which allows it when the figures differ', () => {
		const bytes = utf8(
			`kode_wilayah;tahun;id_koperasi;jumlah_koperasi;jumlah_anggota;status_data;sumber\n` +
				`32.16;2024;7;1;;resmi;Dinas\n32.16;2024;7;;30;resmi;Dinas\n`
		);
		expect(plainWay('koperasi', bytes)).toBe('a key may repeat');
		expect(fullWay('koperasi', bytes)).not.toBeNull();
	});

	it('leaves Windows-1252 text to the full way, which decodes it', () => {
		const bytes = Uint8Array.from(
			`${header}\n32.16;2024;konsumen;7;1;1;resmi;Dinas Koperasi Caf\u00e9\n`,
			(c) => c.charCodeAt(0)
		);
		expect(plainWay('koperasi', bytes)).toBe('not UTF-8');
		expect(fullWay('koperasi', bytes)).not.toBeNull();
	});
});

describe('prepareUpload takes the plain way when it can', () => {
	const request = (text: string) => ({
		kind: 'koperasi' as const,
		bytes: utf8(text),
		regions: REGIONS,
		stagingDir: path.join(dir, 'staging'),
		keepOriginal: false
	});

	it('stages a clean register in one pass', async () => {
		const prepared = await prepareUpload(
			request(
				'id_koperasi;kode_wilayah;tahun;jumlah_koperasi;status_data;sumber\n7;32.16;2024;1;resmi;Dinas\n'
			)
		);
		expect(prepared.kind).toBe('ready');
		if (prepared.kind !== 'ready') return;
		expect(prepared.timings.way).toBe('plain');
		expect(fs.readFileSync(prepared.recordsFiles[0]!, 'utf8')).toContain(
			'2,"32.16",2024,"semua","7",,1,,,,,,"resmi","Dinas"\n'
		);
	});

	it('goes the full way for a file it cannot take plainly, and stages the same rows', async () => {
		const prepared = await prepareUpload(
			request(
				'id_koperasi;nama_koperasi;kode_wilayah;tahun;jumlah_koperasi;status_data;sumber\n7; Koperasi Maju ;32.16;2024;1;resmi;Dinas\n'
			)
		);
		expect(prepared.kind).toBe('ready');
		if (prepared.kind !== 'ready') return;
		expect(prepared.timings.way).toBe('full');
		expect(fs.readFileSync(prepared.recordsFiles[0]!, 'utf8')).toContain(
			'2,"32.16",2024,"semua","7","Koperasi Maju",1,,,,,,"resmi","Dinas"\n'
		);
	});

	it('reports problems from the full way, with their lines and columns', async () => {
		const prepared = await prepareUpload(
			request(
				'id_koperasi;kode_wilayah;tahun;jumlah_koperasi;status_data;sumber\n7;Bekasi;2024;1;resmi;Dinas\n'
			)
		);
		expect(prepared.kind).toBe('problems');
		if (prepared.kind !== 'problems') return;
		expect(prepared.problems[0]).toMatchObject({
			line: 2,
			column: 'kode_wilayah',
			value: 'Bekasi'
		});
	});
});
