/**
 * Source set ids → the text an answer shows. The summaries keep each fact's sources as the id of
 * a set (`SOURCE_SETS` in `summary-tables.ts`); a value computed from several facts shows the
 * union of their sets in the order of the facts (each set sorted as DuckDB sorts text, each source
 * once) joined with " | ", done here once per distinct combination.
 *
 * Ids are unique for the life of the process (a sequence), so a set once read stays right. The
 * sets of the build before the current one are kept too: a query that started before a rebuild
 * committed may still name them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SOURCE_SETS } from './summary-tables';

const SEPARATOR = ' | ';
/** Combinations remembered; a national answer has a handful, the bound only guards memory. */
const MAX_REMEMBERED = 10_000;

/** A code unit as it ranks in code point order: surrogates (U+D800–DFFF) go above U+E000–FFFF. */
function codePointRank(unit: number): number {
	if (unit < 0xd800) return unit;
	return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * DuckDB's order of text: byte by byte in UTF-8, which is code point order. JavaScript's `<`
 * compares UTF-16 code units and differs for characters beyond U+FFFF.
 */
export function compareAsDuckDB(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x !== y) return codePointRank(x) - codePointRank(y);
	}
	return a.length - b.length;
}

export class SourceSets {
	private current = new Map<number, readonly string[]>();
	private previous = new Map<number, readonly string[]>();
	private texts = new Map<string, string | null>();

	/** Reads the sets of the build the connection sees; the sets read last time stay known. */
	async load(connection: DuckDBConnection): Promise<void> {
		const reader = await connection.runAndReadAll(`SELECT id, sumber FROM ${SOURCE_SETS}`);
		const [ids = [], lists = []] = reader.getColumnsJS() as [number[], string[][]];
		const sets = new Map<number, readonly string[]>();
		for (let i = 0; i < ids.length; i++) sets.set(ids[i]!, lists[i]!);
		this.previous = this.current;
		this.current = sets;
	}

	private set(id: number): readonly string[] | undefined {
		return this.current.get(id) ?? this.previous.get(id);
	}

	/**
	 * The sources text for one value's set ids (null: that fact has no figure), null when there
	 * are none, undefined when an id is not known (the caller loads the sets and asks again).
	 */
	text(ids: readonly (number | null)[]): string | null | undefined {
		const key = ids.join(',');
		const known = this.texts.get(key);
		if (known !== undefined) return known;
		// Each fact's sources in the order of the facts: the data's own first, the normaliser's
		// (population) last, so a per-capita figure never names the population's source first.
		const members = new Set<string>();
		for (const id of ids) {
			if (id === null) continue;
			const set = this.set(id);
			if (!set) return undefined;
			for (const source of [...set].sort(compareAsDuckDB)) members.add(source);
		}
		const text = [...members].join(SEPARATOR) || null;
		if (this.texts.size >= MAX_REMEMBERED) this.texts.clear();
		this.texts.set(key, text);
		return text;
	}
}
