/**
 * The summary's questions to the API: indicator rows as Arrow, and compositions.
 * In the browser answers are kept for a few minutes, so changing the year, the chart indicator
 * or the peer group on a slow connection only fetches what is new. The server keeps nothing.
 */
import { decodeQueryRows } from '$lib/arrow/codec';
import type { Normalisation } from '$lib/catalogue/indicators';
import type { QueryRow } from '$lib/query/indicator-query';

type Fetch = typeof fetch;

/** One row of `/api/composition`. */
export interface CompositionRow {
	region_code: string;
	year: number;
	category: string;
	value: number | null;
	status: QueryRow['status'];
	sources: string | null;
}

export interface RowQuestion {
	indicator: string;
	per: Normalisation;
	regions: readonly string[];
	/** Both or neither: without them, every year the database holds. */
	from?: number;
	to?: number;
}

export class FetchError extends Error {
	constructor(readonly status: number) {
		super(`HTTP ${status}`);
	}
}

const KEEP_MS = 5 * 60_000;
const cache = new Map<string, { at: number; answer: Promise<unknown> }>();

/**
 * Asks once per URL: within one load always, across loads only in the browser (`remember`).
 * A failed answer is forgotten at once.
 */
function ask<T>(
	fetcher: Fetch,
	url: string,
	read: (response: Response) => Promise<T>,
	remember: boolean,
	local: Map<string, Promise<unknown>>
): Promise<T> {
	const known = local.get(url) ?? (remember ? fresh(url) : undefined);
	if (known) return known as Promise<T>;
	const answer = fetcher(url).then((response) => {
		if (!response.ok) throw new FetchError(response.status);
		return read(response);
	});
	local.set(url, answer);
	if (remember) {
		cache.set(url, { at: Date.now(), answer });
		answer.catch(() => cache.delete(url));
	}
	return answer;
}

function fresh(url: string): Promise<unknown> | undefined {
	const hit = cache.get(url);
	if (hit && Date.now() - hit.at < KEEP_MS) return hit.answer;
	cache.delete(url);
	return undefined;
}

export interface SummaryFetcher {
	rows(question: RowQuestion): Promise<QueryRow[]>;
	composition(question: {
		dataset: string;
		fact: string;
		regions: readonly string[];
	}): Promise<CompositionRow[]>;
}

/** `browser`: whether answers may outlive this load. */
export function summaryFetcher(fetcher: Fetch, browser: boolean): SummaryFetcher {
	const local = new Map<string, Promise<unknown>>();
	return {
		rows(question) {
			if (question.regions.length === 0) return Promise.resolve([]);
			const params = new URLSearchParams({
				indicator: question.indicator,
				regions: question.regions.join(','),
				per: question.per,
				format: 'arrow'
			});
			if (question.from !== undefined && question.to !== undefined) {
				params.set('from', String(question.from));
				params.set('to', String(question.to));
			}
			return ask(
				fetcher,
				`/api/query?${params}`,
				async (r) => decodeQueryRows(await r.arrayBuffer()),
				browser,
				local
			);
		},
		composition(question) {
			const params = new URLSearchParams({
				dataset: question.dataset,
				fact: question.fact,
				regions: question.regions.join(',')
			});
			return ask(
				fetcher,
				`/api/composition?${params}`,
				async (r) => ((await r.json()) as { rows: CompositionRow[] }).rows,
				browser,
				local
			);
		}
	};
}

/** Rows of several answers about the same indicator, one per region and year (first wins). */
export function mergeRows(...sets: readonly (readonly QueryRow[])[]): QueryRow[] {
	const seen = new Set<string>();
	const merged: QueryRow[] = [];
	for (const row of sets.flat()) {
		const key = `${row.region_code}|${row.year}`;
		if (seen.has(key)) continue;
		seen.add(key);
		merged.push(row);
	}
	return merged;
}
