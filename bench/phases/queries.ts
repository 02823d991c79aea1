/**
 * Every data request of the pages, warm, as the API answers it (HTTP, JavaScript rows, Arrow)
 * and as DuckDB alone runs the same SQL, interleaved so that both see the same machine.
 */
import type { Direct, DirectQuery } from '../lib/direct';
import { get } from '../lib/http';
import { timing, type Timing } from '../lib/stats';

export interface QueryFigure {
	url: string;
	pages: string[];
	rows: number;
	bytes: number;
	api: Timing;
	direct: Timing | null;
	/** API p50 over DuckDB p50. */
	ratio: number | null;
	/** Within 1.2 × DuckDB + 2 ms at the median. */
	overheadOk: boolean | null;
	error?: string;
}

export async function measureQueries(
	base: string,
	urls: { url: string; pages: string[] }[],
	direct: Direct | null,
	runs: number
): Promise<QueryFigure[]> {
	const figures: QueryFigure[] = [];
	for (const { url, pages } of urls) {
		let query: DirectQuery | null = null;
		let error: string | undefined;
		try {
			query = direct?.queryFor(url) ?? null;
		} catch (e) {
			error = String(e);
		}
		const api: number[] = [];
		const alone: number[] = [];
		let rows = 0;
		let bytes = 0;
		for (let i = -2; i < runs; i++) {
			const timeApi = async () => {
				const response = await get(`${base}${url}`);
				if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
				bytes = response.bytes.length;
				if (i >= 0) api.push(response.ms);
			};
			const timeDirect = async () => {
				if (!query || !direct) return;
				const began = performance.now();
				try {
					rows = await direct.run(query);
				} catch (e) {
					error = String(e);
					query = null;
					return;
				}
				if (i >= 0) alone.push(performance.now() - began);
			};
			// Alternate which goes first, so neither always finds the CPU cache warm.
			if (i % 2 === 0) {
				await timeApi();
				await timeDirect();
			} else {
				await timeDirect();
				await timeApi();
			}
		}
		const apiTiming = timing(api);
		const directTiming = alone.length ? timing(alone) : null;
		figures.push({
			url,
			pages,
			rows,
			bytes,
			api: apiTiming,
			direct: directTiming,
			ratio: directTiming ? Math.round((apiTiming.p50 / directTiming.p50) * 100) / 100 : null,
			overheadOk: directTiming ? apiTiming.p50 <= 1.2 * directTiming.p50 + 2 : null,
			...(error ? { error } : {})
		});
	}
	return figures;
}
