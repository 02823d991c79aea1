/** The results file, its short Markdown table, and the check that every figure was produced. */
import type { PageRequests } from '../phases/discover';
import type { LoadFigure, UploadFigure } from '../phases/load';
import type { PageFigure } from '../phases/pages';
import type { PeerSide } from '../phases/peer';
import type { QueryFigure } from '../phases/queries';
import type { WireFigure } from '../phases/wire';

export interface Results {
	meta: {
		date: string;
		scale: string;
		git: { commit: string; dirty: boolean };
		machine: {
			cpu: string;
			cores: number;
			memoryGb: number;
			os: string;
			node: string;
			duckdb: string;
			chromium: string;
			loadAverage: number[];
		};
		seconds: number;
	};
	dataset: {
		regions: number;
		years: string;
		rows: Record<string, number>;
		registerMb: number;
		generateMs: number;
		baseLoadMs: number;
	};
	ingest: {
		rows: number;
		oursMs: number;
		duckdbMs: number;
		ratio: number;
		/** DuckDB with preserve_insertion_order off, as our upload loads (absent in older runs). */
		duckdbUnorderedMs?: number;
		ratioUnordered?: number;
		oursPeakMb: number;
		duckdbPeakMb: number;
		oursRuns: number[];
		duckdbRuns: number[];
		/** Milliseconds per step of the upload pipeline, in its order (decode … finish). */
		steps: Record<string, number | string>;
		via: string;
	};
	pagesDiscovered: PageRequests[];
	queries: { uncached: QueryFigure[]; warm: QueryFigure[] };
	pages: PageFigure[];
	wire: (WireFigure & { source: string })[];
	peer: { queries: number; filesKb: number; tables: string[]; wasm: PeerSide; ours: PeerSide };
	load: { plain: LoadFigure; withUpload: LoadFigure; upload: UploadFigure };
}

const JS_BUDGET_KB = 300;
const P95_GOAL_MS = 50;

/** `koperasi_aktif · population · 27 regions` for a request URL. */
export function label(url: string): string {
	const { pathname, searchParams } = new URL(url, 'http://x');
	const regions = searchParams.get('regions')?.split(',').length ?? 0;
	const years =
		searchParams.get('from') || searchParams.get('to')
			? ` · ${searchParams.get('from') ?? ''}–${searchParams.get('to') ?? ''}`
			: '';
	if (pathname === '/api/query')
		return `${searchParams.get('indicator')} · ${searchParams.get('per') ?? 'total'} · ${regions} regions${years}`;
	if (pathname === '/api/composition')
		return `composition ${searchParams.get('dataset')} · ${searchParams.get('fact')} · ${regions} regions${years}`;
	return pathname;
}

const ms = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '—' : `${v} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✅' : '❌');
const worst = <T>(items: T[], key: (t: T) => number) =>
	items.reduce<T | undefined>((w, t) => (w === undefined || key(t) > key(w) ? t : w), undefined);

export interface Goals {
	ingest: boolean;
	overhead: boolean;
	p95Uncached: boolean;
	p95Warm: boolean;
	budget: boolean | null;
	errors: boolean;
	peer: boolean;
}

export function goals(r: Results): Goals {
	const withSql = r.queries.uncached.filter((q) => q.direct);
	const summary = r.pages.find((p) => p.path === '/');
	return {
		ingest: r.ingest.ratio <= 2,
		overhead: withSql.every((q) => q.overheadOk),
		p95Uncached: r.queries.uncached.every((q) => q.api.p95 < P95_GOAL_MS),
		p95Warm: r.queries.warm.every((q) => q.api.p95 < P95_GOAL_MS),
		budget: summary ? summary.jsGzipKb <= JS_BUDGET_KB : null,
		errors: r.load.plain.errors === 0 && r.load.withUpload.errors === 0,
		peer: r.peer.ours.coldAllMs < r.peer.wasm.coldAllMs
	};
}

function headline(r: Results): [string, string, string][] {
	const g = goals(r);
	const withSql = r.queries.uncached.filter((q) => q.direct);
	const ratio = worst(withSql, (q) => q.ratio ?? 0);
	const p95u = worst(r.queries.uncached, (q) => q.api.p95);
	const p95w = worst(r.queries.warm, (q) => q.api.p95);
	const summary = r.pages.find((p) => p.path === '/');
	const { plain, withUpload, upload } = r.load;
	return [
		[
			`Ingest ${r.ingest.rows.toLocaleString('en')} rows: ours / DuckDB read_csv`,
			`${(r.ingest.oursMs / 1000).toFixed(1)} s / ${(r.ingest.duckdbMs / 1000).toFixed(1)} s = **${r.ingest.ratio}×** (goal ≤ 2×)` +
				(r.ingest.duckdbUnorderedMs
					? `; DuckDB with insertion order off, as ours loads: ${(r.ingest.duckdbUnorderedMs / 1000).toFixed(1)} s (${r.ingest.ratioUnordered}×)`
					: ''),
			mark(g.ingest)
		],
		[
			'Ingest peak memory (process)',
			`${r.ingest.oursPeakMb} MB (DuckDB alone ${r.ingest.duckdbPeakMb} MB)`,
			''
		],
		[
			'Queries, uncached: worst API p50 / DuckDB p50',
			ratio
				? `${ratio.ratio}× (${ms(ratio.api.p50)} vs ${ms(ratio.direct?.p50)}, ${label(ratio.url)}) (goal ≤ 1.2× + 2 ms)`
				: '—',
			mark(g.overhead)
		],
		[
			'Queries, uncached: worst API p95',
			p95u ? `${ms(p95u.api.p95)} (${label(p95u.url)}) (goal < 50 ms)` : '—',
			mark(g.p95Uncached)
		],
		[
			'Queries, warm (answer cache): worst API p95',
			p95w ? `${ms(p95w.api.p95)} (${label(p95w.url)})` : '—',
			mark(g.p95Warm)
		],
		...r.wire.map((w): [string, string, string] => [
			`Wire, ${w.rows} rows: ${w.source}`,
			`Arrow ${kb(w.arrowBytes)} vs JSON ${kb(w.jsonBytes)} (gzip ${kb(w.arrowGzipBytes)} vs ${kb(w.jsonGzipBytes)}); decode in Chromium ${ms(w.arrowDecode.p50)} vs ${ms(w.jsonDecode.p50)}`,
			''
		]),
		[
			'Page `/`: JS gzip · first chart · server render p50',
			summary
				? `${summary.jsGzipKb} KB (budget ${JS_BUDGET_KB}) · ${ms(summary.firstChartMs)} · ${ms(summary.serverRender.p50)}`
				: '—',
			mark(g.budget)
		],
		...r.pages
			.filter((p) => p.path !== '/')
			.map((p): [string, string, string] => [
				`Page \`${p.path}\`: JS gzip · first chart · server render p50`,
				`${p.jsGzipKb} KB · ${ms(p.firstChartMs)} · ${ms(p.serverRender.p50)}`,
				''
			]),
		[
			`Load: ${plain.connections} clients × ${plain.seconds} s on /api/query`,
			`${plain.requestsPerSecond} req/s, p99 ${ms(plain.p99Ms)}, errors ${plain.errors}`,
			mark(plain.errors === 0)
		],
		[
			`Load while uploading the register (${upload.fileMb} MB, replace)`,
			`${withUpload.requestsPerSecond} req/s, p99 ${ms(withUpload.p99Ms)}, errors ${withUpload.errors}; uploads ${upload.uploads.map((u) => `${u.status} in ${(u.ms / 1000).toFixed(1)} s`).join(', ')}; server peak ${upload.serverPeakMb} MB`,
			mark(withUpload.errors === 0)
		],
		[
			`Peer, ${r.peer.queries} summary queries, cold: DuckDB-WASM in Chromium vs ours`,
			`first result ${ms(r.peer.wasm.coldFirstMs)} vs ${ms(r.peer.ours.coldFirstMs)}; all ${ms(r.peer.wasm.coldAllMs)} vs ${ms(r.peer.ours.coldAllMs)}; downloaded ${(r.peer.wasm.downloadedKb / 1024).toFixed(1)} MB vs ${(r.peer.ours.downloadedKb / 1024).toFixed(2)} MB`,
			mark(g.peer)
		],
		[
			'Peer, warm reload: DuckDB-WASM vs ours (all results)',
			`${ms(r.peer.wasm.warmAllMs)} vs ${ms(r.peer.ours.warmAllMs)}`,
			''
		]
	];
}

function baselineRows(r: Results, b: Results): string[] {
	const pick = (x: Results) => {
		const withSql = x.queries.uncached.filter((q) => q.direct);
		const summary = x.pages.find((p) => p.path === '/');
		return {
			'Ingest ours / DuckDB': `${(x.ingest.oursMs / 1000).toFixed(1)} s / ${(x.ingest.duckdbMs / 1000).toFixed(1)} s (${x.ingest.ratio}×)`,
			'Ingest peak memory': `${x.ingest.oursPeakMb} MB`,
			'Uncached API p50, worst query': ms(worst(x.queries.uncached, (q) => q.api.p50)?.api.p50),
			'Uncached API p95, worst query': ms(worst(x.queries.uncached, (q) => q.api.p95)?.api.p95),
			'DuckDB alone p50, worst query': ms(worst(withSql, (q) => q.direct?.p50 ?? 0)?.direct?.p50),
			'Warm API p95, worst query': ms(worst(x.queries.warm, (q) => q.api.p95)?.api.p95),
			'`/` JS gzip': summary ? `${summary.jsGzipKb} KB` : '—',
			'`/` first chart': ms(summary?.firstChartMs),
			'`/` server render p50': ms(summary?.serverRender.p50),
			'Load req/s (p99)': `${x.load.plain.requestsPerSecond} (${ms(x.load.plain.p99Ms)})`,
			'Load + upload req/s (p99, errors)': `${x.load.withUpload.requestsPerSecond} (${ms(x.load.withUpload.p99Ms)}, ${x.load.withUpload.errors})`,
			'Peer cold, all results: WASM vs ours': `${ms(x.peer.wasm.coldAllMs)} vs ${ms(x.peer.ours.coldAllMs)}`
		};
	};
	const before = pick(b);
	const after = pick(r);
	return [
		`## Before → after`,
		'',
		`Before: the same tree with this work's server changes taken out, run ${b.meta.date.slice(0, 16).replace('T', ' ')} UTC (load average at the end ${b.meta.machine.loadAverage.join(' / ')}). After: this run. Two runs on a shared machine: compare the ratios first, the milliseconds second.`,
		'',
		'| Figure | Before | After |',
		'| --- | --- | --- |',
		...Object.keys(after).map(
			(k) => `| ${k} | ${before[k as keyof typeof before]} | ${after[k as keyof typeof after]} |`
		),
		''
	];
}

export function renderMarkdown(r: Results, baseline: Results | null): string {
	const m = r.meta.machine;
	const lines = [
		`# Benchmark: ${r.meta.scale} scale`,
		'',
		`${r.dataset.regions} regions × ${r.dataset.years}, register of ${r.ingest.rows.toLocaleString('en')} rows (${r.dataset.registerMb} MB). ` +
			`${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}, DuckDB ${m.duckdb}, Chromium ${m.chromium}. ` +
			`${r.meta.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.meta.git.commit}${r.meta.git.dirty ? ' + changes' : ''}, ${r.meta.seconds} s, load average at the end ${m.loadAverage.join(' / ')}.`,
		'',
		'| Figure | Measured (medians; ratios from the same run) | Goal |',
		'| --- | --- | --- |',
		...headline(r).map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
		'',
		'## Queries the pages issue',
		'',
		'API = HTTP request to the built server, Arrow as the pages ask; DuckDB = the same SQL on a copy of the database, same settings. Uncached: server with `QUERY_CACHE_ROWS=0`; warm: as deployed.',
		'',
		'| Request | Pages | Rows | API uncached p50 / p95 | DuckDB p50 / p95 | Ratio | API warm p50 / p95 |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...r.queries.warm.map((w) => {
			const u = r.queries.uncached.find((q) => q.url === w.url);
			return `| ${label(w.url)} | ${w.pages.join(' ')} | ${u?.rows ?? '—'} | ${u ? `${u.api.p50} / ${u.api.p95}` : '—'} | ${u?.direct ? `${u.direct.p50} / ${u.direct.p95}` : '—'} | ${u?.ratio ?? '—'} ${mark(u?.overheadOk ?? null)} | ${w.api.p50} / ${w.api.p95} |`;
		}),
		'',
		`Ingest steps of ours (the run nearest the median, as the pipeline timed them): ${Object.entries(
			r.ingest.steps
		)
			.map(([step, value]) =>
				typeof value === 'number' && step !== 'halves' ? `${step} ${value} ms` : `${step} ${value}`
			)
			.join(
				', '
			)}; the plain way's pass (or, the full way, decode, parse, validate and stage) runs in the upload's worker thread, a large file's second half in a helper thread beside it; load is DuckDB reading the staged rows. Runs: ours ${r.ingest.oursRuns.join(', ')} ms; DuckDB ${r.ingest.duckdbRuns.join(', ')} ms. ${r.ingest.via}.`,
		'',
		`Peer: the ${r.peer.queries} \`/api/query\` requests of \`/\`, as the same SQL in DuckDB-WASM over ${r.peer.tables.join(', ')} loaded from Arrow IPC files (${(r.peer.filesKb / 1024).toFixed(1)} MB; Parquet would need DuckDB-WASM's parquet extension from extensions.duckdb.org, and the network is closed). WASM cold marks (ms since navigation): ${Object.entries(
			r.peer.wasm.marks
		)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}.`,
		''
	];
	if (baseline) lines.push(...baselineRows(r, baseline));
	return `${lines.join('\n')}\n`;
}

/** Names of figures that are missing or not numbers: the quick run fails on any. */
export function checkComplete(r: Results): string[] {
	const missing: string[] = [];
	const need = (name: string, value: unknown) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) missing.push(name);
	};
	need('ingest.oursMs', r.ingest.oursMs);
	need('ingest.duckdbMs', r.ingest.duckdbMs);
	need('ingest.ratio', r.ingest.ratio);
	need('ingest.duckdbUnorderedMs', r.ingest.duckdbUnorderedMs);
	need('ingest.oursPeakMb', r.ingest.oursPeakMb);
	if (r.queries.uncached.length === 0)
		missing.push('queries (no /api/query request found on the pages)');
	for (const q of r.queries.uncached) {
		need(`queries.uncached ${q.url} api.p95`, q.api.p95);
		if (q.error) missing.push(`queries.uncached ${q.url}: ${q.error}`);
		else need(`queries.uncached ${q.url} direct.p50`, q.direct?.p50);
	}
	for (const q of r.queries.warm) need(`queries.warm ${q.url} api.p95`, q.api.p95);
	const summary = r.pages.find((p) => p.path === '/');
	if (!summary) missing.push('pages /');
	for (const p of r.pages) {
		need(`pages ${p.path} jsGzipKb`, p.jsGzipKb);
		need(`pages ${p.path} firstChartMs`, p.firstChartMs);
		need(`pages ${p.path} serverRender.p50`, p.serverRender.p50);
	}
	if (r.wire.length === 0) missing.push('wire');
	for (const w of r.wire) {
		need(`wire ${w.source} arrowBytes`, w.arrowBytes);
		need(`wire ${w.source} jsonBytes`, w.jsonBytes);
		need(`wire ${w.source} arrowDecode.p50`, w.arrowDecode.p50);
		need(`wire ${w.source} jsonDecode.p50`, w.jsonDecode.p50);
	}
	need('peer.wasm.coldFirstMs', r.peer.wasm.coldFirstMs);
	need('peer.wasm.coldAllMs', r.peer.wasm.coldAllMs);
	need('peer.ours.coldFirstMs', r.peer.ours.coldFirstMs);
	need('peer.ours.coldAllMs', r.peer.ours.coldAllMs);
	need('load.plain.requestsPerSecond', r.load.plain.requestsPerSecond);
	need('load.plain.p99Ms', r.load.plain.p99Ms);
	need('load.withUpload.requestsPerSecond', r.load.withUpload.requestsPerSecond);
	need('load.withUpload.p99Ms', r.load.withUpload.p99Ms);
	if (r.load.upload.uploads.length === 0) missing.push('load.upload (no upload finished)');
	for (const u of r.load.upload.uploads)
		if (u.status !== 201) missing.push(`load.upload answered ${u.status}, not 201`);
	return missing;
}
