/**
 * Parsed CSV → typed records of one dataset, or every problem found. The same function runs in
 * the browser preview, on the server for uploads and for the bundled datasets at first start.
 */
import {
	DATA_STATUSES,
	type DataStatus,
	type DatasetDefinition,
	type FactDefinition,
	type FactId
} from '$lib/catalogue/datasets';
import type { RegionResolver } from '$lib/regions/resolve-region';
import { mapColumns, normaliseHeader } from './map-columns';
import type { ParsedCsv } from './parse-csv';
import {
	detectConventionInColumn,
	readNumber,
	type ColumnConvention,
	type NumberConvention
} from './parse-number';
import { problem, type Problem } from './problem';

export interface DatasetRecord {
	line: number;
	kode_wilayah: string;
	tahun: number;
	/** Breakdown value (`semua` for a whole-region row); `semua` for datasets without one. */
	dimensi: string;
	id_koperasi: string | null;
	nama_koperasi: string | null;
	facts: Partial<Record<FactId, number | null>>;
	status_data: DataStatus;
	sumber: string;
}

export interface ValidationOptions {
	dataset: DatasetDefinition;
	resolveRegion: RegionResolver;
	/** Per-column choice made by the analyst when a column's number convention is ambiguous. */
	conventions?: Record<string, NumberConvention>;
	yearRange?: { min: number; max: number };
	/** Stop collecting problem details after this many (the count stays exact). */
	maxProblems?: number;
}

export interface ValidationResult {
	records: DatasetRecord[];
	problems: Problem[];
	problemCount: number;
	columns: { label: string; target: string | null; multiplier: number }[];
	conventions: Record<string, ColumnConvention>;
}

const REQUIRED = ['kode_wilayah', 'tahun', 'status_data', 'sumber'] as const;

/**
 * Longest text kept in a stored column (source, breakdown, cooperative id and name). Real values
 * are a few hundred characters at most; a cell of megabytes is a broken export, and the server's
 * loader reads lines of at most 2 MB.
 */
export const MAX_TEXT_LENGTH = 2000;

/** `modal_sendiri (Rp juta)` holds millions of Rupiah. */
export function unitMultiplier(label: string): number {
	const unit = /\((.*?)\)/.exec(label)?.[1]?.toLowerCase() ?? '';
	if (/miliar|\bm\b|bn/.test(unit)) return 1e9;
	if (/juta|\bjt\b|million/.test(unit)) return 1e6;
	if (/ribu|\brb\b|thousand/.test(unit)) return 1e3;
	return 1;
}

/** Facts that are part of another fact of the same row: the part may not be larger. */
export const PAIR_LIMITS: [FactId, FactId][] = [
	['koperasi_aktif', 'jumlah_koperasi'],
	['koperasi_rat', 'koperasi_aktif'],
	['umkm_pemasaran_luar_daerah', 'jumlah_umkm'],
	['umkm_ekspor', 'jumlah_umkm'],
	['umkm_daring', 'jumlah_umkm'],
	['penjualan_luar_daerah', 'penjualan_total']
];

/** The years a row may give, unless the caller says otherwise. */
export function yearRangeOf(options: Pick<ValidationOptions, 'yearRange'>): {
	min: number;
	max: number;
} {
	return options.yearRange ?? { min: 2000, max: new Date().getFullYear() + 1 };
}

/** What a breakdown cell (trimmed) is stored as: its normalised name, or the all-value if blank. */
export function breakdownValue(raw: string, dataset: DatasetDefinition): string {
	return normaliseHeader(raw) || (dataset.dimension?.allValue ?? 'semua');
}

export function validateDataset(csv: ParsedCsv, options: ValidationOptions): ValidationResult {
	const { dataset, resolveRegion } = options;
	const yearRange = yearRangeOf(options);
	const maxProblems = options.maxProblems ?? 10_000;
	const problems: Problem[] = [];
	let problemCount = 0;
	const report = (p: Problem) => {
		problemCount += 1;
		if (problems.length < maxProblems) problems.push(p);
	};
	csv.problems.forEach(report);

	const mapping = mapColumns(csv.header, dataset);
	const columns = csv.header.map((label, i) => ({
		label,
		target: mapping.targets[i] ?? null,
		multiplier: unitMultiplier(label)
	}));
	for (const { label } of mapping.unknown) {
		report(
			problem(
				1,
				label,
				label,
				{
					id: `Kolom "${label}" tidak dikenal untuk data ${dataset.label.id.toLowerCase()}.`,
					en: `Column "${label}" is not part of the ${dataset.label.en.toLowerCase()} dataset.`
				},
				{
					id: `Ganti namanya menjadi salah satu kolom: ${dataset.facts.map((f) => f.id).join(', ')}; atau hapus kolom itu.`,
					en: `Rename it to one of: ${dataset.facts.map((f) => f.id).join(', ')}; or remove the column.`
				}
			)
		);
	}
	for (const { label, target } of mapping.duplicates) {
		report(
			problem(
				1,
				label,
				label,
				{
					id: `Kolom "${label}" mengulang kolom ${target}.`,
					en: `Column "${label}" repeats column ${target}.`
				},
				{ id: 'Hapus salah satu kolom.', en: 'Remove one of the two columns.' }
			)
		);
	}
	const index = new Map<string, number>();
	mapping.targets.forEach((t, i) => t && index.set(t, i));
	for (const required of REQUIRED) {
		if (!index.has(required)) {
			report(
				problem(
					1,
					required,
					'',
					{
						id: `Kolom wajib "${required}" tidak ada.`,
						en: `Required column "${required}" is missing.`
					},
					{
						id: `Tambahkan kolom "${required}" pada baris judul.`,
						en: `Add a "${required}" column to the header.`
					}
				)
			);
		}
	}
	const factColumns = dataset.facts.filter((f) => index.has(f.id));
	if (factColumns.length === 0) {
		report(
			problem(
				1,
				'',
				'',
				{
					id: 'Tidak ada satu pun kolom angka yang dikenal.',
					en: 'No known figure column was found.'
				},
				{
					id: `Sertakan minimal satu dari: ${dataset.facts.map((f) => f.id).join(', ')}.`,
					en: `Include at least one of: ${dataset.facts.map((f) => f.id).join(', ')}.`
				}
			)
		);
	}
	if (problemCount > 0) return { records: [], problems, problemCount, columns, conventions: {} };

	const conventions: Record<string, ColumnConvention> = {};
	const chosen: Record<string, NumberConvention> = {};
	for (const fact of factColumns) {
		const i = index.get(fact.id)!;
		const detected = detectConventionInColumn(csv.rows, i);
		conventions[fact.id] = detected;
		const label = csv.header[i] ?? fact.id;
		const choice = options.conventions?.[fact.id];
		if (choice) chosen[fact.id] = choice;
		else if (detected.kind === 'decided') chosen[fact.id] = detected.convention;
		else if (detected.kind === 'plain') chosen[fact.id] = 'id';
		else if (detected.kind === 'ambiguous') {
			report(
				problem(
					1,
					label,
					detected.example,
					{
						id: `Format angka kolom "${label}" tidak jelas: "${detected.example}" bisa berarti ribuan (format Indonesia) atau desimal (format Inggris).`,
						en: `The number format of "${label}" is unclear: "${detected.example}" may be thousands (Indonesian) or a decimal (English).`
					},
					{
						id: 'Pilih format angka untuk kolom ini (Indonesia 1.234,5 atau Inggris 1,234.5).',
						en: 'Choose the number format of this column (Indonesian 1.234,5 or English 1,234.5).'
					}
				)
			);
		} else if (detected.kind === 'mixed') {
			report(
				problem(
					1,
					label,
					`${detected.idExample} / ${detected.enExample}`,
					{
						id: `Kolom "${label}" mencampur format Indonesia (${detected.idExample}) dan Inggris (${detected.enExample}).`,
						en: `Column "${label}" mixes Indonesian (${detected.idExample}) and English (${detected.enExample}) numbers.`
					},
					{
						id: 'Samakan format angka di seluruh kolom sebelum mengunggah.',
						en: 'Use one number format throughout the column before uploading.'
					}
				)
			);
		}
	}

	// A register has a million rows: everything that does not depend on the row is looked up once.
	const at = (id: string) => index.get(id) ?? -1;
	const text = (row: string[], i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
	const regionAt = at('kode_wilayah');
	const yearAt = at('tahun');
	const statusAt = at('status_data');
	const sourceAt = at('sumber');
	const dimensionAt = dataset.dimension ? at(dataset.dimension.id) : -1;
	const idAt = at('id_koperasi');
	const nameAt = at('nama_koperasi');
	const regionLabel = csv.header[regionAt] ?? 'kode_wilayah';
	const storedTexts = [sourceAt, dimensionAt, ...(dataset.perCooperative ? [idAt, nameAt] : [])]
		.filter((i) => i >= 0)
		.map((i) => ({ i, label: csv.header[i] ?? '' }));
	const yearLabel = csv.header[yearAt] ?? 'tahun';
	const factReaders = factColumns.flatMap((fact) => {
		const i = index.get(fact.id)!;
		const convention = chosen[fact.id];
		if (!convention) return [];
		return [
			{
				fact,
				i,
				label: csv.header[i] ?? fact.id,
				convention,
				multiplier: columns[i]?.multiplier ?? 1
			}
		];
	});
	const dimensionValues = new Map<string, string>();
	const dimensionOf = (raw: string): string => {
		let value = dimensionValues.get(raw);
		if (value === undefined) {
			value = breakdownValue(raw, dataset);
			dimensionValues.set(raw, value);
		}
		return value;
	};

	const records: DatasetRecord[] = [];
	for (let r = 0; r < csv.rows.length; r++) {
		const row = csv.rows[r]!;
		const line = csv.lines[r] ?? r + 2;
		const before = problemCount;

		const regionText = text(row, regionAt);
		let kode: string | null = null;
		const match = resolveRegion(regionText);
		if (match.kind === 'found') kode = match.region.code;
		else if (match.kind === 'ambiguous') {
			const list = match.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
			report(
				problem(
					line,
					regionLabel,
					regionText,
					{
						id: `Nama wilayah "${regionText}" ambigu: ${list}.`,
						en: `Region name "${regionText}" is ambiguous: ${list}.`
					},
					{
						id: 'Tulis kode Kemendagri (mis. 32.16) atau nama lengkap wilayah.',
						en: 'Use the Kemendagri code (e.g. 32.16) or the full official name.'
					}
				)
			);
		} else {
			const hint = match.suggestions.map((c) => `${c.name} (${c.code})`).join(', ');
			report(
				problem(
					line,
					regionLabel,
					regionText,
					{
						id: `Wilayah "${regionText}" tidak dikenal.`,
						en: `Region "${regionText}" is not known.`
					},
					{
						id: hint
							? `Maksudnya ${hint}? Tulis nama lengkap atau kode Kemendagri.`
							: 'Gunakan kode Kemendagri (mis. 32.16), kode BPS 4 digit (mis. 3216) atau nama resmi lengkap.',
						en: hint
							? `Did you mean ${hint}? Use the full name or the Kemendagri code.`
							: 'Use a Kemendagri code (e.g. 32.16), a 4-digit BPS code (e.g. 3216) or the full official name.'
					}
				)
			);
		}

		const yearText = text(row, yearAt);
		const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
		if (!(year >= yearRange.min && year <= yearRange.max)) {
			report(
				problem(
					line,
					yearLabel,
					yearText,
					{
						id: `Tahun "${yearText}" di luar rentang ${yearRange.min}–${yearRange.max}.`,
						en: `Year "${yearText}" is outside ${yearRange.min}–${yearRange.max}.`
					},
					{
						id: 'Tulis tahun empat angka, misalnya 2024.',
						en: 'Write a four-digit year such as 2024.'
					}
				)
			);
		}

		const statusText = text(row, statusAt).toLowerCase();
		if (!(DATA_STATUSES as readonly string[]).includes(statusText)) {
			report(
				problem(
					line,
					'status_data',
					statusText,
					{
						id: `Status data "${statusText}" tidak dikenal.`,
						en: `Data status "${statusText}" is not known.`
					},
					{
						id: 'Isi dengan resmi (angka terbitan), estimasi (turunan) atau sintetis (ilustrasi).',
						en: 'Use resmi (published), estimasi (derived) or sintetis (illustrative).'
					}
				)
			);
		}
		const sumber = text(row, sourceAt);
		if (sumber === '') {
			report(
				problem(
					line,
					'sumber',
					'',
					{
						id: 'Sumber data kosong.',
						en: 'The source is empty.'
					},
					{
						id: 'Tulis asal angka (tautan, publikasi, atau metode estimasi).',
						en: 'Say where the figure comes from (link, publication or estimation method).'
					}
				)
			);
		}

		for (const { i, label } of storedTexts) {
			const length = text(row, i).length;
			if (length > MAX_TEXT_LENGTH)
				report(
					problem(
						line,
						label,
						`${text(row, i).slice(0, 60)}…`,
						{
							id: `Teks di kolom "${label}" terlalu panjang: ${length} karakter (paling banyak ${MAX_TEXT_LENGTH}).`,
							en: `The text in column "${label}" is too long: ${length} characters (at most ${MAX_TEXT_LENGTH}).`
						},
						{
							id: 'Persingkat isinya, atau periksa tanda kutip yang tidak ditutup sehingga beberapa baris tergabung.',
							en: 'Shorten it, or look for an unclosed quote that joined several lines into one cell.'
						}
					)
				);
		}

		const facts: DatasetRecord['facts'] = {};
		for (const { fact, i, label, convention, multiplier } of factReaders) {
			const raw = text(row, i);
			const reading = readNumber(raw, convention);
			if (reading === null) {
				facts[fact.id] = null;
				continue;
			}
			if (Number.isNaN(reading)) {
				report(numberProblem(line, label, raw, convention));
				continue;
			}
			const checked = checkFactValue(fact, reading * multiplier, line, label, raw);
			if (typeof checked === 'number') facts[fact.id] = checked;
			else report(checked);
		}
		for (const [part, whole] of PAIR_LIMITS) {
			const a = facts[part];
			const b = facts[whole];
			if (a != null && b != null && a > b) {
				report(
					problem(
						line,
						part,
						String(a),
						{
							id: `${part} (${a}) lebih besar dari ${whole} (${b}).`,
							en: `${part} (${a}) is larger than ${whole} (${b}).`
						},
						{
							id: `Periksa kedua angka; ${part} adalah bagian dari ${whole}.`,
							en: `Check both figures; ${part} is part of ${whole}.`
						}
					)
				);
			}
		}

		const dimensi = dataset.dimension ? dimensionOf(text(row, dimensionAt)) : 'semua';
		const idKoperasi = dataset.perCooperative ? text(row, idAt) || null : null;
		const namaKoperasi = dataset.perCooperative ? text(row, nameAt) || null : null;

		if (problemCount === before && kode !== null) {
			records.push({
				line,
				kode_wilayah: kode,
				tahun: year,
				dimensi,
				id_koperasi: idKoperasi,
				nama_koperasi: namaKoperasi,
				facts,
				status_data: statusText as DataStatus,
				sumber
			});
		}
	}

	checkOneGrain(records, dataset, report);
	return { records: problemCount ? [] : records, problems, problemCount, columns, conventions };
}

function numberProblem(line: number, label: string, raw: string, convention: NumberConvention) {
	const example = convention === 'id' ? '1.234.567,8' : '1,234,567.8';
	return problem(
		line,
		label,
		raw,
		{
			id: `"${raw}" bukan angka.`,
			en: `"${raw}" is not a number.`
		},
		{
			id: `Tulis angka seperti ${example}; kosongkan sel (atau isi "-") bila angkanya tidak ada.`,
			en: `Write a number such as ${example}; leave the cell empty (or "-") when there is no figure.`
		}
	);
}

/** A figure as read from its cell (times the column's unit) → the stored whole number, or why not. */
export function checkFactValue(
	fact: FactDefinition,
	value: number,
	line: number,
	label: string,
	raw: string
): number | Problem {
	if (value < 0 && !fact.allowNegative) {
		return problem(
			line,
			label,
			raw,
			{
				id: `${fact.id} tidak boleh negatif.`,
				en: `${fact.id} cannot be negative.`
			},
			{
				id: 'Periksa tanda minus; jumlah selalu nol atau lebih.',
				en: 'Check the minus sign; counts and amounts are zero or more.'
			}
		);
	}
	if (fact.unit === 'rupiah') return Math.round(value);
	// A unit multiplier leaves binary noise (1,005 thousand is 1004.9999999999999): allow one ULP or so.
	const whole = Math.round(value);
	if (Math.abs(value - whole) > 4 * Number.EPSILON * Math.abs(value)) {
		return problem(
			line,
			label,
			raw,
			{
				id: `${fact.id} harus bilangan bulat.`,
				en: `${fact.id} must be a whole number.`
			},
			{
				id: 'Jumlah unit atau orang tidak memakai desimal; periksa pemisah ribuan.',
				en: 'Counts have no decimals; check the thousands separator.'
			}
		);
	}
	if (value > Number.MAX_SAFE_INTEGER) {
		return problem(
			line,
			label,
			raw,
			{
				id: `${fact.id} terlalu besar.`,
				en: `${fact.id} is too large.`
			},
			{ id: 'Periksa satuan kolom.', en: 'Check the column unit.' }
		);
	}
	return whole;
}

/**
 * Each fact of a region and year is given once, at one grain: not twice for the same key, not
 * both in a `semua` row and in breakdown rows, and not both per cooperative and for the whole region.
 */
function checkOneGrain(
	records: DatasetRecord[],
	dataset: DatasetDefinition,
	report: (p: Problem) => void
) {
	// A register has a million rows: records are grouped by region and year through nested maps
	// of the strings they already hold, so no key string is built per record.
	interface Grain {
		breakdown: boolean;
		perCoop: boolean;
		line: number;
	}
	interface RegionYear {
		/** dimensi → id_koperasi ('' for a whole-region row) → index of the first record. */
		firstOfKey: Map<string, Map<string, number>>;
		grains: Map<string, Grain>;
	}
	const byRegion = new Map<string, Map<number, RegionYear>>();
	/** Index of a key's first record → the line giving each fact of that key. */
	const repeatedKeys = new Map<number, Map<string, number>>();
	const factIds = dataset.facts.map((f) => f.id);
	const allValue = dataset.dimension?.allValue ?? 'semua';

	records.forEach((record, index) => {
		let years = byRegion.get(record.kode_wilayah);
		if (!years) byRegion.set(record.kode_wilayah, (years = new Map()));
		let group = years.get(record.tahun);
		if (!group) years.set(record.tahun, (group = { firstOfKey: new Map(), grains: new Map() }));
		let ids = group.firstOfKey.get(record.dimensi);
		if (!ids) group.firstOfKey.set(record.dimensi, (ids = new Map()));
		const id = record.id_koperasi ?? '';
		let factLines: Map<string, number> | undefined;
		const first = ids.get(id);
		if (first === undefined) ids.set(id, index);
		else {
			factLines = repeatedKeys.get(first);
			if (!factLines) {
				const earlier = records[first]!;
				factLines = new Map();
				for (const fact of factIds) {
					const value = earlier.facts[fact];
					if (value !== null && value !== undefined) factLines.set(fact, earlier.line);
				}
				repeatedKeys.set(first, factLines);
			}
		}
		const factGrains = group.grains;
		const breakdown = record.dimensi !== allValue;
		const perCoop = record.id_koperasi !== null;
		for (const fact of factIds) {
			const value = record.facts[fact];
			if (value === null || value === undefined) continue;
			const earlier = factLines?.get(fact);
			if (earlier !== undefined) {
				report(
					problem(
						record.line,
						fact,
						String(value),
						{
							id: `${fact} untuk ${record.kode_wilayah} tahun ${record.tahun} sudah ada di baris ${earlier}.`,
							en: `${fact} for ${record.kode_wilayah} in ${record.tahun} is already given on line ${earlier}.`
						},
						{
							id: 'Hapus salah satu baris atau gabungkan angkanya.',
							en: 'Remove one of the lines or combine the figures.'
						}
					)
				);
			} else factLines?.set(fact, record.line);

			const firstGrain = factGrains.get(fact);
			if (!firstGrain) factGrains.set(fact, { breakdown, perCoop, line: record.line });
			else if (firstGrain.perCoop !== perCoop) {
				report(
					problem(
						record.line,
						'id_koperasi',
						record.id_koperasi ?? '',
						{
							id: `Baris per koperasi dan baris seluruh wilayah tercampur untuk ${record.kode_wilayah} tahun ${record.tahun} (lihat baris ${firstGrain.line}).`,
							en: `Per-cooperative and whole-region rows are mixed for ${record.kode_wilayah} in ${record.tahun} (see line ${firstGrain.line}).`
						},
						{
							id: 'Unggah daftar per koperasi saja, atau total wilayah saja, untuk satu wilayah dan tahun.',
							en: 'Upload either the per-cooperative register or the regional total for one region and year.'
						}
					)
				);
			} else if (firstGrain.breakdown !== breakdown) {
				report(
					problem(
						record.line,
						dataset.dimension?.id ?? '',
						record.dimensi,
						{
							id: `${fact} untuk ${record.kode_wilayah} tahun ${record.tahun} diberikan sebagai total "semua" dan juga per rincian (lihat baris ${firstGrain.line}).`,
							en: `${fact} for ${record.kode_wilayah} in ${record.tahun} is given both as the "semua" total and per breakdown (see line ${firstGrain.line}).`
						},
						{
							id: 'Pakai total atau rinciannya saja, jangan keduanya (angkanya akan terhitung dua kali).',
							en: 'Give either the total or the breakdown, not both (it would be counted twice).'
						}
					)
				);
			}
		}
	});
}
