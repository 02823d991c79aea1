/** What the benchmark's browser pages are told, and what they report back on `window.__bench`. */
export interface PeerConfig {
	/** Arrow IPC files to load, each into a table (`schema.name` or `name`). */
	tables: { url: string; schema: string | null; name: string }[];
	/** The SQL of the summary queries, with literal values (DuckDB-WASM binds positionally). */
	queries: string[];
}

export interface OursConfig {
	/** `/api/query` URLs (Arrow) the summary page asks for. */
	urls: string[];
}

export interface PageReport {
	/** Milliseconds since navigation start. */
	marks: Record<string, number>;
	firstResult: number;
	allResults: number;
	rows: number[];
	error?: string;
}
