/**
 * Parsed CSV → typed records of one dataset, or every problem found. The same function runs in
 * the browser preview, on the server for uploads and for the bundled datasets at first start.
 */
import {
	DATA_STATUSES,
	type DataStatus,
	type DatasetDefinition,
	type FactDefinition,
	type FactKind,
	type FactId
} from '$lib/catalogue/datasets';
import type { RegionResolver } from '$lib/regions/resolve-region';
import { mapColumns, normaliseHeader, type ColumnChoices } from './map-columns';
import type { ParsedCsv } from './parse-csv';
import {
	detectConventionInColumn,
	readNumber,
	type ColumnConvention,
	type NumberConvention
} from './parse-number';
import { PERIOD_NAME, parsePeriod, type PeriodKind, type PeriodReading } from './parse-period';
import { ProblemCollector, problem, type Problem, type ProblemGroup } from './problem';
import { yearsFromPeriods, type PeriodRule, type RecordPeriod } from './years-from-periods';

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
	/** The quarter, month or date the row gave instead of a year (until its year is made). */
	period?: RecordPeriod;
}

/** Set once for the whole file, for rows that lack them; a row's own value wins. */
export interface FileDefaults {
	status?: DataStatus | null;
	source?: string | null;
	year?: number | null;
}

export interface ValidationOptions {
	dataset: DatasetDefinition;
	resolveRegion: RegionResolver;
	/** Per-column choice made by the analyst when a column's number convention is ambiguous. */
	conventions?: Record<string, NumberConvention>;
	yearRange?: { min: number; max: number };
	/** Stop collecting problem details after this many (the count stays exact). */
	maxProblems?: number;
	/** The analyst's column mapping: header → dataset column, or null for not stored. */
	columns?: ColumnChoices;
	defaults?: FileDefaults;
	/** How quarters, months or dates make a year; by default by each fact's kind. */
	periods?: PeriodRule;
	/** Sees every problem, kept or not (a full report written as it goes). */
	onProblem?: (p: Problem) => void;
}

/** How the analyst asked the file to be read, besides number formats: the same in browser and server. */
export type ReadingChoices = Pick<ValidationOptions, 'columns' | 'defaults' | 'periods'>;

export interface ValidationResult {
	records: DatasetRecord[];
	problems: Problem[];
	problemCount: number;
	/** Every problem counted by kind and column, with the first of each. */
	groups: ProblemGroup[];
	columns: { label: string; target: string | null; multiplier: number }[];
	conventions: Record<string, ColumnConvention>;
	/** What the year column held when it was not years: the analyst then chooses a rule. */
	periodKind: PeriodKind | null;
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
	const collector = new ProblemCollector(options.maxProblems ?? 10_000, options.onProblem);
	const { report } = collector;
	const problems = collector.kept;
	const defaults = options.defaults ?? {};
	let periodKind: PeriodKind | null = null;
	const finish = (records: DatasetRecord[], conventions: Record<string, ColumnConvention>) => ({
		records: collector.count ? [] : records,
		problems,
		problemCount: collector.count,
		groups: collector.groups(),
		columns,
		conventions,
		periodKind
	});
	csv.problems.forEach(report);

	const mapping = mapColumns(csv.header, dataset, options.columns);
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
					id: `Pilih kolom tujuannya (di API: kolom "columns", mis. {"${label}":"${dataset.facts[0]!.id}"}, atau null bila tidak disimpan), atau ganti namanya menjadi salah satu dari: ${dataset.facts.map((f) => f.id).join(', ')}.`,
					en: `Choose where it goes (in the API: the "columns" field, e.g. {"${label}":"${dataset.facts[0]!.id}"}, or null to leave it out), or rename it to one of: ${dataset.facts.map((f) => f.id).join(', ')}.`
				},
				'column-unknown'
			)
		);
	}
	for (const { header, target, reason } of mapping.invalidChoices) {
		report(
			problem(
				1,
				header,
				String(target),
				reason === 'no-header'
					? {
							id: `Pemetaan kolom menyebut "${header}", tetapi berkas tidak punya kolom itu.`,
							en: `The column mapping names "${header}", but the file has no such column.`
						}
					: {
							id: `Pemetaan kolom "${header}" menuju "${target}", yang bukan kolom data ${dataset.label.id.toLowerCase()}.`,
							en: `The mapping sends "${header}" to "${target}", which is not a column of the ${dataset.label.en.toLowerCase()} dataset.`
						},
				{
					id: 'Tulis judul kolom persis seperti di berkas, dan tujuan salah satu kolom data (atau null).',
					en: 'Spell the header exactly as in the file, and a target among the dataset columns (or null).'
				},
				'mapping-invalid'
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
				{ id: 'Hapus salah satu kolom.', en: 'Remove one of the two columns.' },
				'column-repeated'
			)
		);
	}
	const index = new Map<string, number>();
	mapping.targets.forEach((t, i) => t && index.set(t, i));
	const given: Record<(typeof REQUIRED)[number], boolean> = {
		kode_wilayah: false,
		tahun: defaults.year != null,
		status_data: defaults.status != null,
		sumber: defaults.source != null && defaults.source.trim() !== ''
	};
	for (const required of REQUIRED) {
		if (!index.has(required) && !given[required]) {
			report(
				problem(
					1,
					required,
					'',
					{
						id: `Kolom wajib "${required}" tidak ada.`,
						en: `Required column "${required}" is missing.`
					},
					required === 'kode_wilayah'
						? {
								id: 'Pilih kolom yang berisi kode atau nama lengkap wilayah, atau tambahkan kolom "kode_wilayah".',
								en: 'Choose the column holding the region code or full name, or add a "kode_wilayah" column.'
							}
						: {
								id: `Isi ${FORM_FIELD[required].id} untuk seluruh berkas, atau tambahkan kolom "${required}".`,
								en: `Set ${FORM_FIELD[required].en} for the whole file, or add a "${required}" column.`
							},
					'column-required'
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
				},
				'facts-none'
			)
		);
	}
	if (collector.count > 0) return finish([], {});

	const conventions: Record<string, ColumnConvention> = {};
	const chosen: Record<string, NumberConvention> = {};
	const detections = factColumns.map((fact) => {
		const i = index.get(fact.id)!;
		const whole = fact.unit !== 'rupiah' && columns[i]?.multiplier === 1;
		return { fact, i, detected: detectConventionInColumn(csv.rows, i, whole) };
	});
	// Where the other figure columns all say one convention, a column that cannot tell follows it.
	const decidedInFile = new Set(
		detections.flatMap(({ detected }) => (detected.kind === 'decided' ? [detected.convention] : []))
	);
	const fileConvention = decidedInFile.size === 1 ? [...decidedInFile][0]! : null;
	for (const { fact, i, detected: found } of detections) {
		const detected: ColumnConvention =
			found.kind === 'ambiguous' && fileConvention
				? { kind: 'decided', convention: fileConvention }
				: found;
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
		const before = collector.count;

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
					},
					'region-ambiguous'
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
					},
					'region-unknown'
				)
			);
		}

		const yearText = text(row, yearAt);
		let year = NaN;
		let period: RecordPeriod | undefined;
		if (yearText === '' && defaults.year != null) year = defaults.year;
		else {
			const reading = readPeriod(yearText);
			if (reading.kind === 'year' || reading.kind === 'digits')
				year = reading.kind === 'year' ? reading.year : NaN;
			else if (reading.kind !== 'invalid') {
				year = reading.year;
				period = {
					kind: reading.kind,
					order: reading.order,
					yearEnd: reading.yearEnd,
					text: yearText
				};
				periodKind ??= reading.kind;
			}
			if (!(year >= yearRange.min && year <= yearRange.max))
				report(yearProblem(line, yearLabel, yearText, reading, yearRange));
		}

		const ownStatus = text(row, statusAt).toLowerCase();
		const statusText = ownStatus === '' && defaults.status ? defaults.status : ownStatus;
		if (!(DATA_STATUSES as readonly string[]).includes(statusText)) {
			report(
				problem(
					line,
					'status_data',
					statusText,
					{
						id:
							statusText === ''
								? 'Status data kosong.'
								: `Status data "${statusText}" tidak dikenal.`,
						en:
							statusText === ''
								? 'The data status is empty.'
								: `Data status "${statusText}" is not known.`
					},
					{
						id: 'Isi dengan resmi (angka terbitan), estimasi (turunan) atau sintetis (ilustrasi), atau pilih status untuk seluruh berkas.',
						en: 'Use resmi (published), estimasi (derived) or sintetis (illustrative), or set a status for the whole file.'
					},
					'status-unknown'
				)
			);
		}
		const ownSource = text(row, sourceAt);
		const sumber = ownSource === '' ? (defaults.source?.trim() ?? '') : ownSource;
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
						id: 'Tulis asal angka (tautan, publikasi, atau metode estimasi), atau isi sumber untuk seluruh berkas.',
						en: 'Say where the figure comes from (link, publication or estimation method), or set a source for the whole file.'
					},
					'source-empty'
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
						},
						'text-long'
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
		checkPairLimits(line, facts, report);

		const dimensi = dataset.dimension ? dimensionOf(text(row, dimensionAt)) : 'semua';
		const idKoperasi = dataset.perCooperative ? text(row, idAt) || null : null;
		const namaKoperasi = dataset.perCooperative ? text(row, nameAt) || null : null;

		if (collector.count === before && kode !== null) {
			records.push({
				line,
				kode_wilayah: kode,
				tahun: year,
				dimensi,
				id_koperasi: idKoperasi,
				nama_koperasi: namaKoperasi,
				facts,
				status_data: statusText as DataStatus,
				sumber,
				...(period ? { period } : {})
			});
		}
	}

	const yearly = periodKind
		? yearsFromPeriods(records, dataset, options.periods ?? 'kind', yearLabel, report)
		: records;
	if (periodKind) for (const r of yearly) checkPairLimits(r.line, r.facts, report);
	checkOneGrain(yearly, dataset, report);
	return finish(yearly, conventions);
}

/** The part may not be larger than its whole (koperasi_aktif ≤ jumlah_koperasi). */
function checkPairLimits(
	line: number,
	facts: DatasetRecord['facts'],
	report: (p: Problem) => void
): void {
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
					},
					'pair-limit'
				)
			);
		}
	}
}

/**
 * A fact given twice for one key. Two figures of a stock (a count, capital) are two readings of
 * one state, never parts to add up; two of a flow may be parts of one year.
 */
function repeatedFix(kind: FactKind): Problem['fix'] {
	return kind === 'stock'
		? {
				id: 'Hapus salah satu baris. Angka ini stok (keadaan pada satu saat): jangan dijumlahkan; pakai angka akhir periode.',
				en: 'Remove one of the lines. This figure is a stock (a state at one moment): do not add them up; keep the end-of-period figure.'
			}
		: {
				id: 'Hapus salah satu baris, atau jumlahkan keduanya menjadi satu baris bila masing-masing hanya sebagian tahun.',
				en: 'Remove one of the lines, or add them into one line if each covers only part of the year.'
			};
}

/** What the form fields that stand in for a missing column are called, in messages. */
const FORM_FIELD = {
	tahun: { id: 'tahun', en: 'a year' },
	status_data: { id: 'status data', en: 'a data status' },
	sumber: { id: 'sumber', en: 'a source' }
} as const;

/** A year cell is read once per distinct text: a register repeats a handful of them. */
const periodCache = new Map<string, PeriodReading>();
function readPeriod(text: string): PeriodReading {
	let reading = periodCache.get(text);
	if (reading === undefined) {
		reading = parsePeriod(text);
		if (periodCache.size > 10_000) periodCache.clear();
		periodCache.set(text, reading);
	}
	return reading;
}

function yearProblem(
	line: number,
	label: string,
	text: string,
	reading: PeriodReading,
	range: { min: number; max: number }
): Problem {
	const fix = {
		id: 'Tulis tahun empat angka, misalnya 2024 (atau periode seperti 2024-Q4, 2024-12, 31/12/2024).',
		en: 'Write a four-digit year such as 2024 (or a period such as 2024-Q4, 2024-12, 31/12/2024).'
	};
	if (text === '')
		return problem(
			line,
			label,
			text,
			{ id: 'Tahun kosong.', en: 'The year is empty.' },
			{
				id: `${fix.id} Bila seluruh berkas satu tahun, isi tahun untuk seluruh berkas.`,
				en: `${fix.en} If the whole file is one year, set the year for the whole file.`
			},
			'year-empty'
		);
	if (reading.kind === 'invalid')
		return problem(
			line,
			label,
			text,
			{ id: `"${text}" bukan angka tahun.`, en: `"${text}" is not a year.` },
			{
				id: `${fix.id} Periksa huruf yang mirip angka (O dan 0, l dan 1).`,
				en: `${fix.en} Look for letters that look like digits (O and 0, l and 1).`
			},
			'year-invalid'
		);
	const kind = reading.kind === 'year' || reading.kind === 'digits' ? null : reading.kind;
	return problem(
		line,
		label,
		text,
		kind
			? {
					id: `"${text}" adalah ${PERIOD_NAME[kind].id} tahun ${reading.kind !== 'digits' && 'year' in reading ? reading.year : ''}, di luar rentang ${range.min}–${range.max}.`,
					en: `"${text}" is ${PERIOD_NAME[kind].en} of ${'year' in reading ? reading.year : ''}, outside ${range.min}–${range.max}.`
				}
			: {
					id: `Tahun "${text}" di luar rentang ${range.min}–${range.max}.`,
					en: `Year "${text}" is outside ${range.min}–${range.max}.`
				},
		fix,
		'year-range'
	);
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
		},
		'number-invalid'
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
			},
			'number-negative'
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
			},
			'number-not-whole'
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
			{ id: 'Periksa satuan kolom.', en: 'Check the column unit.' },
			'number-too-large'
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
	const factKinds = new Map(dataset.facts.map((f) => [f.id as string, f.kind]));
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
						repeatedFix(factKinds.get(fact)!),
						'key-repeated'
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
						},
						'grain-mixed'
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
						},
						'grain-mixed'
					)
				);
			}
		}
	});
}
