/**
 * `npm run bench`: the dashboard at national scale, side by side with DuckDB itself and with the
 * in-browser approach. Writes bench/results/latest.{json,md}; `--quick` runs a scaled-down copy
 * (bench/results/quick.*) that checks every figure is produced, not how fast.
 *
 *   npm run bench [-- --quick] [--skip-build] [--baseline FILE] [--out NAME]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as duckdbVersion } from '@duckdb/node-api';
import { generate } from './generate';
import { launchChromium } from './lib/browser';
import { buildBrowserScripts } from './lib/bundle';
import { exportArrow } from './lib/arrow-export';
import { openDirect, type Direct } from './lib/direct';
import { freePort, runTask } from './lib/process';
import { checkComplete, renderMarkdown, type Results } from './lib/report';
import { SCALES } from './lib/scale';
import { startServer, type BenchServer } from './lib/server';
import { startStaticServer } from './lib/static-server';
import { get } from './lib/http';
import { median, round } from './lib/stats';
import { discoverRequests } from './phases/discover';
import { measureLoad, measureLoadWithUpload } from './phases/load';
import { measurePage } from './phases/pages';
import { measureSide } from './phases/peer';
import { measureQueries } from './phases/queries';
import { measureWire } from './phases/wire';

const argv = process.argv.slice(2);
const option = (name: string) => {
	const i = argv.indexOf(name);
	return i >= 0 ? argv[i + 1] : undefined;
};
const scale = SCALES[argv.includes('--quick') ? 'quick' : 'national'];
const outName = option('--out') ?? (scale.name === 'quick' ? 'quick' : 'latest');
const baselineFile = option('--baseline');
const PAGES = ['/', '/jelajah'];
const began = Date.now();

const dataDir = path.resolve('bench/data', scale.name);
const www = path.join(dataDir, 'www');
const filesDir = path.join(dataDir, 'files');
const clientDir = path.resolve('build/client');
const log = (message: string) =>
	console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function gitState(): { commit: string; dirty: boolean } {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8'
		}).trim();
		const dirty =
			execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !==
			'';
		return { commit, dirty };
	} catch {
		return { commit: 'unknown', dirty: false };
	}
}

/** Tables the in-browser peer may need: the regions, the live facts, and any summary table. */
async function peerTables(direct: Direct) {
	const kinds = ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk', 'kdkmp'];
	const summaries = direct.summaries
		? (
				await direct.connection.runAndReadAll(
					`SELECT table_name FROM duckdb_tables() WHERE database_name = 'ringkasan' ORDER BY 1`
				)
			)
				.getRows()
				.map(([name]) => String(name))
		: [];
	return [
		{ schema: null, name: 'wilayah', select: 'SELECT * FROM wilayah' },
		...kinds.map((kind) => ({
			schema: null,
			name: kind,
			select: `SELECT * FROM ${kind} WHERE diganti_oleh IS NULL`
		})),
		...summaries.map((name) => ({
			schema: 'ringkasan',
			name,
			select: `SELECT * FROM ringkasan.${name}`
		}))
	].map((t) => ({
		...t,
		pattern: t.schema
			? new RegExp(`${t.schema}\\."?${t.name}\\b`)
			: new RegExp(`(FROM|JOIN)\\s+"?${t.name}"?(\\s|\\)|$)`, 'i')
	}));
}

async function main() {
	if (!argv.includes('--skip-build') || !fs.existsSync('build/index.js')) {
		log('building the app (vite build)');
		execFileSync(
			process.execPath,
			['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
			{
				stdio: 'inherit'
			}
		);
	}
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(www, { recursive: true });
	fs.mkdirSync(filesDir, { recursive: true });

	log(`generating the ${scale.name} data set`);
	const t0 = performance.now();
	const files = generate(scale, dataDir);
	const generateMs = performance.now() - t0;
	const registerBytes = fs.statSync(files.register).size;

	log('loading the regional datasets (first start, same validation as uploads)');
	const basePath = path.join(dataDir, 'base.duckdb');
	const base = await runTask<{ rows: number; token: string; ms: number }>('build-base', [
		files.datasetsDir,
		basePath
	]);

	log(`ingesting the register (${files.registerRows} rows) ${scale.ingestRuns}× each way`);
	type IngestRun = {
		ms: number;
		rows: number;
		rssBeforeMb: number;
		peakMb: number;
		/** Ours only: milliseconds per step of the upload pipeline. */
		timings?: Record<string, number | string>;
	};
	const ours: IngestRun[] = [];
	const duck: IngestRun[] = [];
	/** DuckDB with insertion order off, as our upload stores its rows: the like-for-like load. */
	const duckUnordered: IngestRun[] = [];
	const nationalPath = path.join(dataDir, 'national.duckdb');
	for (let i = 0; i < scale.ingestRuns; i++) {
		const scratch = path.join(dataDir, `ingest-duckdb.duckdb`);
		fs.copyFileSync(basePath, scratch);
		duck.push(await runTask<IngestRun>('ingest', ['duckdb', scratch, files.register]));
		fs.rmSync(scratch, { force: true });
		fs.rmSync(`${scratch}.wal`, { force: true });
		fs.copyFileSync(basePath, scratch);
		duckUnordered.push(
			await runTask<IngestRun>('ingest', ['duckdb', scratch, files.register, 'unordered'])
		);
		fs.rmSync(scratch, { force: true });
		fs.rmSync(`${scratch}.wal`, { force: true });
		fs.copyFileSync(basePath, nationalPath);
		fs.rmSync(`${nationalPath}.wal`, { force: true });
		ours.push(await runTask<IngestRun>('ingest', ['ours', nationalPath, files.register]));
		log(`  ours ${round(ours.at(-1)!.ms)} ms, DuckDB ${round(duck.at(-1)!.ms)} ms`);
	}
	const oursMs = median(ours.map((r) => r.ms));
	// The steps of the run closest to the median, as the pipeline itself timed them.
	const typical = ours.reduce((a, b) =>
		Math.abs(b.ms - oursMs) < Math.abs(a.ms - oursMs) ? b : a
	);
	const duckMs = median(duck.map((r) => r.ms));
	const duckUnorderedMs = median(duckUnordered.map((r) => r.ms));

	log('copying the database for DuckDB alone');
	const directPath = path.join(dataDir, 'direct.duckdb');
	fs.copyFileSync(nationalPath, directPath);
	if (fs.existsSync(`${nationalPath}.wal`))
		fs.copyFileSync(`${nationalPath}.wal`, `${directPath}.wal`);
	const direct = await openDirect(directPath);

	log('bundling the browser scripts');
	await buildBrowserScripts(www);
	fs.writeFileSync(
		path.join(www, 'index.html'),
		'<!doctype html><meta charset="utf-8"><title>DuckDB-WASM</title><script type="module" src="/wasm.js"></script>\n'
	);

	const port = await freePort(Number(process.env.BENCH_PORT ?? 4950));
	const uploadsDir = path.join(dataDir, 'uploads');
	const serverLog = path.join(dataDir, 'server.log');
	const serverEnv = {
		// The register is larger than the 50 MiB upload limit of a normal server.
		UPLOAD_LIMIT_BYTES: String(registerBytes + 1024 * 1024),
		BODY_SIZE_LIMIT: String(registerBytes + 2 * 1024 * 1024)
	};

	log('server with the answer cache off: every page request against DuckDB alone');
	let server: BenchServer = await startServer({
		port,
		databasePath: nationalPath,
		uploadsDir,
		log: serverLog,
		env: { ...serverEnv, QUERY_CACHE_ROWS: '0' }
	});
	const discovered = [];
	for (const page of PAGES) discovered.push(await discoverRequests(server.url, page));
	const byUrl = new Map<string, string[]>();
	for (const page of discovered)
		for (const url of page.requests) byUrl.set(url, [...(byUrl.get(url) ?? []), page.path]);
	const dataUrls = [...byUrl]
		.filter(([url]) => direct.queryFor(url) !== null)
		.map(([url, pages]) => ({ url, pages }));
	const uncached = await measureQueries(server.url, dataUrls, direct, scale.queryRuns);
	await server.stop();

	log('server as deployed (answer cache on): warm API, pages, wire, peer, load');
	server = await startServer({
		port,
		databasePath: nationalPath,
		uploadsDir,
		log: serverLog,
		env: serverEnv
	});
	const warm = await measureQueries(
		server.url,
		[...byUrl].map(([url, pages]) => ({ url, pages })),
		null,
		scale.queryRuns
	);

	const browser = await launchChromium();
	const pages = [];
	for (const page of discovered.filter((p) => p.status === 200)) {
		log(`  page ${page.path}`);
		pages.push(await measurePage(browser, server.url, page.path, scale.pageLoads, clientDir));
	}

	const summaryUrls = (discovered.find((p) => p.path === '/')?.requests ?? []).filter((u) =>
		u.startsWith('/api/query')
	);
	const explorerUrls = (discovered.find((p) => p.path === '/jelajah')?.requests ?? []).filter((u) =>
		u.startsWith('/api/query')
	);
	const largest = [...explorerUrls].sort(
		(a, b) =>
			(warm.find((q) => q.url === b)?.bytes ?? 0) - (warm.find((q) => q.url === a)?.bytes ?? 0)
	)[0];
	const regionList = JSON.parse(
		(await get(`${server.url}/api/regions`)).bytes.toString('utf8')
	) as {
		regions: { code: string }[];
	};
	const everything = `/api/query?${new URLSearchParams({
		indicator: 'koperasi_aktif',
		regions: regionList.regions.map((r) => r.code).join(','),
		per: 'population',
		format: 'arrow'
	})}`;
	const wireUrls: [string, string][] = [
		...(largest ? [['largest request of /jelajah as it opens', largest] as [string, string]] : []),
		['every region × every year (the most the explorer can ask)', everything]
	];
	const routeBench = async (page: import('@playwright/test').Page, urls: string[]) => {
		await page.route(`${server.url}/__bench/**`, (route) => {
			const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
			if (name === 'config.json') return route.fulfill({ json: { urls } });
			if (name === 'ours.html' || name === 'blank.html')
				return route.fulfill({
					contentType: 'text/html',
					body: '<!doctype html><meta charset="utf-8"><script type="module" src="/__bench/ours.js"></script>'
				});
			return route.fulfill({ path: path.join(www, name), contentType: 'text/javascript' });
		});
	};

	log('wire: Arrow against JSON');
	const wirePage = await (await browser.newContext()).newPage();
	await routeBench(wirePage, []);
	await wirePage.goto(`${server.url}/__bench/blank.html`);
	await wirePage.waitForFunction(() => window.__decode !== undefined);
	const wire = [];
	for (const [source, url] of wireUrls)
		wire.push({
			source,
			...(await measureWire(wirePage, server.url, url, Math.max(3, scale.queryRuns)))
		});
	await wirePage.context().close();

	log('peer: DuckDB-WASM in the browser against server DuckDB + Arrow');
	const staticPort = await freePort(port + 1);
	const queriesForWasm = summaryUrls.map((url) => direct.queryFor(url)!.literal);
	// Only the tables the queries read, as a page of Evidence loads only its own sources.
	const tables = [];
	for (const candidate of await peerTables(direct)) {
		const reads = queriesForWasm.some((sql) => candidate.pattern.test(sql));
		if (!reads) continue;
		const file = `${candidate.schema ? `${candidate.schema}_` : ''}${candidate.name}.arrow`;
		const bytes = await exportArrow(direct.connection, candidate.select, path.join(filesDir, file));
		tables.push({ url: `/files/${file}`, schema: candidate.schema, name: candidate.name, bytes });
	}
	fs.writeFileSync(
		path.join(www, 'config.json'),
		JSON.stringify({ tables, queries: queriesForWasm })
	);
	const staticServer = await startStaticServer(staticPort, {
		'/wasm/': path.resolve('node_modules/@duckdb/duckdb-wasm/dist'),
		'/files/': filesDir,
		'/': www
	});
	const wasmSide = await measureSide(browser, `${staticServer.url}/index.html`, scale.wasmLoads);
	const oursSide = await measureSide(
		browser,
		`${server.url}/__bench/ours.html`,
		scale.wasmLoads,
		(p) => routeBench(p, summaryUrls)
	);
	await staticServer.close();
	const chromium = browser.version();
	await browser.close();

	log(`load: ${scale.connections} clients for ${scale.loadSeconds} s`);
	const loadPaths = [...byUrl.keys()].filter((u) => u.startsWith('/api/query'));
	const load = await measureLoad(server.url, loadPaths, scale.connections, scale.loadSeconds);
	log('load while the register is uploaded again (replace)');
	const withUpload = await measureLoadWithUpload(
		server.url,
		loadPaths,
		scale.connections,
		scale.loadSeconds,
		{ file: files.register, token: base.token, memory: () => server.memory()?.peakMb ?? null }
	);
	await server.stop();
	direct.close();

	const results: Results = {
		meta: {
			date: new Date().toISOString(),
			scale: scale.name,
			git: gitState(),
			machine: {
				cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
				cores: os.cpus().length,
				memoryGb: round(os.totalmem() / 1024 ** 3),
				os: `${os.type()} ${os.release()}`,
				node: process.version,
				duckdb: duckdbVersion(),
				chromium,
				loadAverage: os.loadavg().map((v) => round(v, 2))
			},
			seconds: Math.round((Date.now() - began) / 1000)
		},
		dataset: {
			regions: 552,
			years: `${scale.years[0]}–${scale.years.at(-1)}`,
			rows: files.rows,
			registerMb: round(registerBytes / 1024 / 1024),
			generateMs: Math.round(generateMs),
			baseLoadMs: base.ms
		},
		ingest: {
			rows: files.registerRows,
			oursMs: Math.round(oursMs),
			duckdbMs: Math.round(duckMs),
			ratio: round(oursMs / duckMs, 2),
			duckdbUnorderedMs: Math.round(duckUnorderedMs),
			ratioUnordered: round(oursMs / duckUnorderedMs, 2),
			oursPeakMb: Math.max(...ours.map((r) => r.peakMb)),
			duckdbPeakMb: Math.max(...duck.map((r) => r.peakMb)),
			oursRuns: ours.map((r) => Math.round(r.ms)),
			duckdbRuns: duck.map((r) => Math.round(r.ms)),
			steps: typical.timings ?? {},
			via: "the upload route's two steps in a bench process (mode replace): the built server's worker chunk prepares the file (decode, parse and validate, or the plain pass, and staging), then storePrepared loads and checks it; no HTTP"
		},
		pagesDiscovered: discovered,
		queries: { uncached, warm },
		pages,
		wire,
		peer: {
			queries: summaryUrls.length,
			filesKb: round(tables.reduce((sum, t) => sum + t.bytes, 0) / 1024),
			tables: tables.map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name)),
			wasm: wasmSide,
			ours: oursSide
		},
		load: { plain: load, withUpload: withUpload.load, upload: withUpload.upload }
	};
	const baseline = baselineFile
		? (JSON.parse(fs.readFileSync(baselineFile, 'utf8')) as Results)
		: null;
	fs.mkdirSync('bench/results', { recursive: true });
	fs.writeFileSync(`bench/results/${outName}.json`, `${JSON.stringify(results, null, '\t')}\n`);
	fs.writeFileSync(`bench/results/${outName}.md`, renderMarkdown(results, baseline));
	log(`wrote bench/results/${outName}.json and .md`);
	const missing = checkComplete(results);
	if (missing.length) {
		console.error(`Figures missing:\n  ${missing.join('\n  ')}`);
		process.exit(1);
	}
	console.log(fs.readFileSync(`bench/results/${outName}.md`, 'utf8'));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
