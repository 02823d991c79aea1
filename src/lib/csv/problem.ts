/** One thing wrong with an uploaded file, located as a spreadsheet shows it (header = line 1). */
export interface Problem {
	line: number;
	column: string;
	value: string;
	message: { id: string; en: string };
	fix: { id: string; en: string };
	/** The kind of problem (`year-invalid`, `region-unknown`, …): equal problems group by it. */
	code?: string;
}

export function problem(
	line: number,
	column: string,
	value: string,
	message: Problem['message'],
	fix: Problem['fix'],
	code?: string
): Problem {
	return code ? { line, column, value, message, fix, code } : { line, column, value, message, fix };
}

/** Problems of one kind in one column: how many, the first in full, and its first lines. */
export interface ProblemGroup {
	key: string;
	column: string;
	count: number;
	first: Problem;
	lines: number[];
}

/** Lines named per group; the download has them all. */
export const GROUP_LINES = 5;
/** Groups kept apart; problems of any further kind are counted only. */
const MAX_GROUPS = 500;

/**
 * Every problem of a file counted, the first `keep` in full and all of them grouped by kind and
 * column. A file of two million bad lines costs the count, not two million objects (a server
 * held 50 times the file's size before). `onProblem` sees each one, for a report streamed out.
 */
export class ProblemCollector {
	count = 0;
	readonly kept: Problem[] = [];
	readonly #groups = new Map<string, ProblemGroup>();

	constructor(
		private readonly keep: number,
		private readonly onProblem?: (p: Problem) => void
	) {}

	readonly report = (p: Problem): void => {
		this.count += 1;
		if (this.kept.length < this.keep) this.kept.push(p);
		this.onProblem?.(p);
		const key = `${p.code ?? p.message.id}\u0000${p.column}`;
		const group = this.#groups.get(key);
		if (group) {
			group.count += 1;
			if (group.lines.length < GROUP_LINES) group.lines.push(p.line);
		} else if (this.#groups.size < MAX_GROUPS)
			this.#groups.set(key, { key, column: p.column, count: 1, first: p, lines: [p.line] });
	};

	/** The groups in the order of their first line. */
	groups(): ProblemGroup[] {
		return [...this.#groups.values()].sort((a, b) => a.first.line - b.first.line);
	}
}
