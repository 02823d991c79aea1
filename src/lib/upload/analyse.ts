/**
 * One look at a parsed file with the analyst's current choices: the mapping, the number
 * conventions, a preview of the first rows as they will be stored, and every problem. The
 * problems come from validateDataset, the very check the server repeats on upload.
 */
import { DATASETS, type DatasetKind, type FactDefinition } from '$lib/catalogue/datasets';
import { normaliseHeader } from '$lib/csv/map-columns';
import type { ParsedCsv } from '$lib/csv/parse-csv';
import {
	detectConventionInColumn,
	parseNumber,
	type ColumnConvention,
	type NumberConvention
} from '$lib/csv/parse-number';
import type { Problem } from '$lib/csv/problem';
import { validateDataset } from '$lib/csv/validate-dataset';
import type { RegionResolver } from '$lib/regions/resolve-region';
import { correctHeader, type ColumnChoices } from './header-corrections';
import { scoreKinds, suggestKind, type KindScore } from './suggest-kind';

export const PREVIEW_ROWS = 20;

export interface AnalyseOptions {
	/** The analyst's pick; null accepts the suggestion. */
	kind: DatasetKind | null;
	conventions: Record<string, NumberConvention>;
	choices: ColumnChoices;
	resolveRegion: RegionResolver;
	maxProblems?: number;
	/** Called as rows are checked, for a progress bar. */
	onRow?: (done: number, total: number) => void;
}

export interface AnalysedColumn {
	index: number;
	/** As in the file. */
	label: string;
	/** After the analyst's correction (what the server will read). */
	header: string;
	target: string | null;
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
	/** Rows that would be stored; 0 while any problem remains. */
	records: number;
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
	const header = correctHeader(csv.header, options.choices);
	if (!kind) {
		return {
			...base,
			columns: csv.header.map((label, index) => column(csv, index, label, header, null)),
			previewColumns: [],
			preview: [],
			problems: [],
			problemCount: 0,
			records: 0
		};
	}
	const dataset = DATASETS[kind];
	let done = 0;
	const total = csv.rows.length;
	const resolveRegion: RegionResolver = (text) => {
		done += 1;
		if (options.onRow && (done % 2000 === 0 || done === total)) options.onRow(done, total);
		return options.resolveRegion(text);
	};
	const result = validateDataset(
		{ ...csv, header },
		{ dataset, resolveRegion, conventions: options.conventions, maxProblems: options.maxProblems }
	);

	const facts = new Map<string, FactDefinition>(dataset.facts.map((f) => [f.id, f]));
	const columns = result.columns.map((c, index) => {
		const fact = c.target ? facts.get(c.target) : undefined;
		const convention = fact
			? (result.conventions[fact.id] ?? detectConventionInColumn(csv.rows, index))
			: null;
		return {
			...column(csv, index, csv.header[index] ?? '', header, c.target),
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
		records: result.records.length
	};
}

function column(
	csv: ParsedCsv,
	index: number,
	label: string,
	header: readonly string[],
	target: string | null
): AnalysedColumn {
	const sample = csv.rows.find((r) => (r[index] ?? '').trim() !== '')?.[index] ?? '';
	return {
		index,
		label,
		header: header[index] ?? label,
		target,
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
		case 'tahun':
			return /^\d{4}$/.test(raw) ? { kind: 'number', value: Number(raw) } : { kind: 'invalid' };
		case 'status_data':
			return { kind: 'text', text: raw.toLowerCase() };
		case 'id_koperasi':
		case 'nama_koperasi':
			return raw === '' ? { kind: 'empty' } : { kind: 'text', text: raw };
		default:
			// The breakdown column: a blank means the whole region.
			if (target !== 'sumber') return { kind: 'text', text: normaliseHeader(raw) || 'semua' };
			return raw === '' ? { kind: 'empty' } : { kind: 'text', text: raw };
	}
}
