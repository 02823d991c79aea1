/** The two sizes of the benchmark: national (the claim) and quick (CI keeps the bench alive). */
export interface Scale {
	name: 'national' | 'quick';
	/** Years of the regional datasets (all 552 regions, with breakdowns). */
	years: readonly number[];
	/** Cooperatives in the per-cooperative register and the years each one reports. */
	cooperatives: number;
	registerYears: readonly number[];
	/** Timed repetitions: ingest runs, warm runs per query, page loads, WASM loads. */
	ingestRuns: number;
	queryRuns: number;
	pageLoads: number;
	wasmLoads: number;
	/** Load test: concurrent clients and seconds per phase. */
	connections: number;
	loadSeconds: number;
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const SCALES: Record<Scale['name'], Scale> = {
	national: {
		name: 'national',
		years: range(2010, 2025),
		cooperatives: 130_000,
		registerYears: range(2018, 2025),
		ingestRuns: 3,
		queryRuns: 40,
		pageLoads: 7,
		wasmLoads: 3,
		connections: 50,
		loadSeconds: 20
	},
	quick: {
		name: 'quick',
		years: range(2022, 2025),
		cooperatives: 2_000,
		registerYears: range(2024, 2025),
		ingestRuns: 1,
		queryRuns: 5,
		pageLoads: 2,
		wasmLoads: 1,
		connections: 10,
		loadSeconds: 2
	}
};
