/**
 * One look at a parsed file with the analyst's current choices: the mapping, the number
 * conventions, a preview of the first rows as they will be stored, and every problem. The
 * problems come from validateDataset, the very check the server repeats on upload.
 */
import { DATASETS, type DatasetKind, type FactDefinition } from '$lib/catalogue/datasets';
import { mapColumns, normaliseHeader, type ColumnChoices } from '$lib/csv/map-columns';
import type { ParsedCsv } from '$lib/csv/parse-csv';
import {
	detectConventionInColumn,
	parseNumber,
	type ColumnConvention,
	type NumberConvention
} from '$lib/csv/parse-number';
import { parsePeriod, type PeriodKind } from '$lib/csv/parse-period';
import type { Problem, ProblemGroup } from '$lib/csv/problem';
import { validateDataset, type FileDefaults } from '$lib/csv/validate-dataset';
import type { PeriodRule } from '$lib/csv/years-from-periods';
import type { RegionResolver } from '$lib/regions/resolve-region';
import { pageMapping } from './page-mapping';
import { scoreKinds, suggestKind, type KindScore } from './suggest-kind';

export const PREVIEW_ROWS = 20;

export interface AnalyseOptions {
	/** The analyst's pick; null accepts the suggestion. */
	kind: DatasetKind | null;
	conventions: Record<string, NumberConvention>;
	choices: ColumnChoices;
	defaults?: FileDefaults;
	periods?: PeriodRule;
	resolveRegion: RegionResolver;
	/** Sees every problem (the "download all" file is written from them). */
	onProblem?: (p: Problem) => void;
	maxProblems?: number;
	/** Called as rows are checked, for a progress bar. */
	onRow?: (done: number, total: number) => void;
}

export interface AnalysedColumn {
	index: number;
	/** As in the file. */
	label: string;
	target: string | null;
	/** What the header says by itself, without the analyst's choice. */
	suggested: string | null;
	/** Nothing recognises the header: it is not stored unless the analyst maps it. */
	unknown: boolean;
	multiplier: number;
	/** Figure columns only. */
	convention: ColumnConvention | null;
	/** The analyst's answer for an ambiguous column. */
	chosen: NumberConvention | null;
	sample: string;
}

export type StoredValue =
	| { kind: 'text'; text: string }
	| { kind: 'number'; value: number }
	| { kind: 'region'; code: string; name: string }
	| { kind: 'empty' }
	| { kind: 'invalid' }
	/** A figure whose number convention the analyst has not chosen yet. */
	| { kind: 'undecided' };

export interface PreviewRow {
	line: number;
	cells: { raw: string; stored: StoredValue }[];
	hasProblem: boolean;
}

export interface Analysis {
	rowCount: number;
	kindScores: KindScore[];
	suggestedKind: DatasetKind | null;
	kind: DatasetKind | null;
	columns: AnalysedColumn[];
	/** The mapped columns the preview shows, in file order. */
	previewColumns: { index: number; target: string; label: string }[];
	preview: PreviewRow[];
	problems: Problem[];
	problemCount: number;
	groups: ProblemGroup[];
	/** Rows that would be stored; 0 while any problem remains. */
	records: number;
	/** The mapping sent with the file as `columns`: every header, as the table shows it. */
	mapping: ColumnChoices;
	/** What the year column holds when it is not years, for the analyst's period rule. */
	periodKind: PeriodKind | null;
}

export function analyse(csv: ParsedCsv, options: AnalyseOptions): Analysis {
	const suggestedKind = suggestKind(csv.header);
	const kind = options.kind ?? suggestedKind;
	const base = {
		rowCount: csv.rows.length,
		kindScores: scoreKinds(csv.header),
		suggestedKind,
		kind
	};
	if (!kind) {
		return {
			...base,
			columns: csv.header.map((label, index) => column(csv, index, label, null)),
			previewColumns: [],
			preview: [],
			problems: [],
			problemCount: 0,
			groups: [],
			records: 0,
			mapping: {},
			periodKind: null
		};
	}
	const dataset = DATASETS[kind];
	const mapping = pageMapping(csv.header, dataset, options.choices);
	const byHeader = mapColumns(csv.header, dataset);
	let done = 0;
	const total = csv.rows.length;
	const resolveRegion: RegionResolver = (text) => {
		done += 1;
		if (options.onRow && (done % 2000 === 0 || done === total)) options.onRow(done, total);
		return options.resolveRegion(text);
	};
	const result = validateDataset(csv, {
		dataset,
		resolveRegion,
		conventions: options.conventions,
		maxProblems: options.maxProblems,
		columns: mapping,
		defaults: options.defaults,
		periods: options.periods,
		onProblem: options.onProblem
	});

	const facts = new Map<string, FactDefinition>(dataset.facts.map((f) => [f.id, f]));
	const columns = result.columns.map((c, index) => {
		const fact = c.target ? facts.get(c.target) : undefined;
		const convention = fact
			? (result.conventions[fact.id] ?? detectConventionInColumn(csv.rows, index))
			: null;
		return {
			...column(csv, index, csv.header[index] ?? '', c.target),
			suggested: byHeader.targets[index] ?? null,
			unknown:
				byHeader.unknown.some((u) => u.index === index) &&
				!Object.hasOwn(options.choices, (csv.header[index] ?? '').trim()),
			multiplier: c.multiplier,
			convention,
			chosen: fact ? (options.conventions[fact.id] ?? null) : null
		};
	});

	const previewColumns = columns
		.filter((c): c is AnalysedColumn & { target: string } => c.target !== null)
		.map((c) => ({ index: c.index, target: c.target, label: c.label }));
	const problemLines = new Set(result.problems.map((p) => p.line));
	const preview = csv.rows.slice(0, PREVIEW_ROWS).map((row, r) => {
		const line = csv.lines[r] ?? r + 2;
		return {
			line,
			hasProblem: problemLines.has(line),
			cells: previewColumns.map(({ index, target }) => {
				const raw = row[index] ?? '';
				const col = columns[index]!;
				return { raw, stored: storedValue(raw, target, col, facts.get(target), options) };
			})
		};
	});

	return {
		...base,
		columns,
		previewColumns,
		preview,
		problems: result.problems,
		problemCount: result.problemCount,
		groups: result.groups,
		records: result.records.length,
		mapping,
		periodKind: result.periodKind
	};
}

function column(
	csv: ParsedCsv,
	index: number,
	label: string,
	target: string | null
): AnalysedColumn {
	const sample = csv.rows.find((r) => (r[index] ?? '').trim() !== '')?.[index] ?? '';
	return {
		index,
		label,
		target,
		suggested: target,
		unknown: false,
		multiplier: 1,
		convention: null,
		chosen: null,
		sample: sample.trim()
	};
}

/** The value as validateDataset would store it (the spec checks the two agree). */
function storedValue(
	rawText: string,
	target: string,
	col: AnalysedColumn,
	fact: FactDefinition | undefined,
	options: AnalyseOptions
): StoredValue {
	const raw = rawText.trim();
	if (fact) {
		if (parseNumber(raw, 'id').kind === 'empty') return { kind: 'empty' };
		const detected = col.convention;
		const convention =
			col.chosen ??
			(detected?.kind === 'decided'
				? detected.convention
				: detected?.kind === 'plain'
					? 'id'
					: null);
		if (!convention) return { kind: 'undecided' };
		const reading = parseNumber(raw, convention);
		if (reading.kind !== 'number') return { kind: 'invalid' };
		const value = reading.value * col.multiplier;
		const whole = Math.round(value);
		// As validateDataset: money is rounded to the Rupiah, counts keep a visible fraction.
		const integral =
			fact.unit === 'rupiah' || Math.abs(value - whole) <= 4 * Number.EPSILON * Math.abs(value);
		return { kind: 'number', value: integral ? whole : value };
	}
	switch (target) {
		case 'kode_wilayah': {
			const match = options.resolveRegion(raw);
			return match.kind === 'found'
				? { kind: 'region', code: match.region.code, name: match.region.name }
				: { kind: 'invalid' };
		}
		case 'tahun': {
			if (raw === '' && options.defaults?.year != null)
				return { kind: 'number', value: options.defaults?.year };
			// A quarter, month or date counts toward its year.
			const period = parsePeriod(raw);
			return period.kind === 'invalid' || period.kind === 'digits'
				? { kind: 'invalid' }
				: { kind: 'number', value: period.year };
		}
		case 'status_data':
			return { kind: 'text', text: raw.toLowerCase() || (options.defaults?.status ?? '') };
		case 'id_koperasi':
		case 'nama_koperasi':
			return raw === '' ? { kind: 'empty' } : { kind: 'text', text: raw };
		default:
			// The breakdown column: a blank means the whole region.
			if (target !== 'sumber') return { kind: 'text', text: normaliseHeader(raw) || 'semua' };
			if (raw === '' && options.defaults?.source)
				return { kind: 'text', text: options.defaults?.source };
			return raw === '' ? { kind: 'empty' } : { kind: 'text', text: raw };
	}
}
