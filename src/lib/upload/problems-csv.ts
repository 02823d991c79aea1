/**
 * Problems in the reader's language, and the "download all problems" file. The file goes through
 * writeCsv like every CSV the app hands out; Indonesian readers get the Excel-friendly flavour.
 */
import type { Problem, ProblemGroup } from '$lib/csv/problem';
import { writeCsv } from '$lib/csv/write-csv';
import type { Locale } from '$lib/i18n';

/** A problem as shown: the server sends these already localised, local ones are localised here. */
export interface ShownProblem {
	line: number;
	column: string;
	value: string;
	message: string;
	fix: string;
}

export function localiseProblem(problem: Problem, locale: Locale): ShownProblem {
	return {
		line: problem.line,
		column: problem.column,
		value: problem.value,
		message: problem.message[locale],
		fix: problem.fix[locale]
	};
}

/** Equal problems as one: how many, where the first ones are, and what to do (server or local). */
export interface ShownGroup {
	count: number;
	column: string;
	value: string;
	message: string;
	fix: string;
	lines: number[];
}

export function localiseGroup(group: ProblemGroup, locale: Locale): ShownGroup {
	return {
		count: group.count,
		column: group.column,
		value: group.first.value,
		message: group.first.message[locale],
		fix: group.first.fix[locale],
		lines: group.lines
	};
}

const HEADER: Record<Locale, readonly string[]> = {
	id: ['baris', 'kolom', 'nilai', 'masalah', 'perbaikan'],
	en: ['line', 'column', 'value', 'problem', 'fix']
};

export function problemsCsv(problems: readonly ShownProblem[], locale: Locale): string {
	return writeCsv(
		HEADER[locale],
		problems.map((p) => [p.line, p.column, p.value, p.message, p.fix]),
		locale === 'id' ? 'excel-id' : 'standard'
	);
}

/** Problems joined into text this many at a time by problemsCsvWriter. */
const CSV_CHUNK = 1000;

/**
 * The problems file written as problems come, for a file with millions of them: `emit` gets the
 * text in pieces (the header with the first), and no more than a chunk of problems is held.
 */
export function problemsCsvWriter(
	locale: Locale,
	emit: (text: string) => void
): { write(problem: Problem): void; end(): void } {
	let chunk: ShownProblem[] = [];
	let first = true;
	const flush = () => {
		const text = problemsCsv(chunk, locale);
		emit(first ? text : text.slice(text.indexOf('\n') + 1));
		first = false;
		chunk = [];
	};
	return {
		write(problem) {
			chunk.push(localiseProblem(problem, locale));
			if (chunk.length === CSV_CHUNK) flush();
		},
		end() {
			if (chunk.length > 0 || first) flush();
		}
	};
}

/** `data.csv` → `data-masalah.csv`; anything odd in the name becomes `_`. */
export function problemsFileName(fileName: string, locale: Locale): string {
	const base = (fileName.split(/[\\/]/).pop() ?? '')
		.replace(/\.[^.]*$/, '')
		.replace(/[^\p{L}\p{N}_-]+/gu, '_')
		.slice(0, 80);
	return `${base || 'unggahan'}-${locale === 'id' ? 'masalah' : 'problems'}.csv`;
}
