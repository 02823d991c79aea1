/**
 * Sustained load: `readers` clients loop over the pages and the read API (keep-alive, one request
 * at a time each) while an analyst uploads and undoes. Every answer must be a success, no client
 * may wait too long for any answer, and the server's memory must not grow.
 */
import http from 'node:http';
import { cooperativeFile, emptyRegions, revert, upload } from './files';
import { percentile, random } from './random';
import type { RunningServer } from './server';

export interface LoadOptions {
	server: RunningServer;
	token: string;
	readers: number;
	durationMs: number;
	/** Time before measuring starts (JIT, DuckDB caches), with the same load. */
	warmupMs: number;
	/** Pause between an upload's answer and the next upload. */
	uploadPauseMs: number;
	randomSeed: number;
	log?: (line: string) => void;
}

export interface LoadSummary {
	readers: number;
	seconds: number;
	requests: number;
	rps: number;
	errors: number;
	errorSamples: string[];
	latencyMs: { p50: number; p95: number; p99: number; max: number };
	/** Per path kind: p99 and count. */
	byKind: Record<string, { count: number; p99: number; max: number }>;
	/** The fewest requests any one reader completed, and its longest wait for one answer. */
	slowestReader: { requests: number; longestWaitMs: number };
	uploads: { done: number; undone: number; failed: number; p50Ms: number; maxMs: number };
	rssMiB: { start: number; end: number; max: number; samples: number[] };
}

const JABAR = [
	'32.01',
	'32.04',
	'32.16',
	'32.73',
	'32.75',
	'32.76',
	'32.77',
	'32.78',
	'32.79',
	'19.01',
	'19.71'
];
const INDICATORS = [
	'koperasi_aktif',
	'jumlah_koperasi',
	'jumlah_anggota',
	'volume_usaha',
	'jumlah_umkm'
];

/** What the readers ask for; pages render server-side and run several queries each. */
function nextRequest(rng: ReturnType<typeof random>): { kind: string; path: string } {
	const region = rng.pick(JABAR);
	const other = rng.pick(JABAR);
	const indicator = rng.pick(INDICATORS);
	const roll = rng.next();
	if (roll < 0.25) return { kind: 'page /', path: `/?focus=${region}&benchmark=19` };
	if (roll < 0.3) return { kind: 'page /data/riwayat', path: '/data/riwayat' };
	if (roll < 0.33) return { kind: 'page /data', path: '/data' };
	if (roll < 0.35) return { kind: 'page /login', path: '/login' };
	const format = rng.pick(['json', 'arrow', 'csv']);
	if (roll < 0.75)
		return {
			kind: `api query`,
			path: `/api/query?indicator=${indicator}&regions=${region},${other}&per=total&format=${format}`
		};
	if (roll < 0.85) return { kind: 'api regions', path: '/api/regions' };
	if (roll < 0.9) return { kind: 'api datasets', path: '/api/datasets' };
	if (roll < 0.95) return { kind: 'api indicators', path: '/api/indicators' };
	return { kind: 'api health', path: '/api/health' };
}

function get(agent: http.Agent, url: string): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent, timeout: 60_000 }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
			response.on('error', reject);
		});
		request.on('timeout', () => request.destroy(new Error('timeout after 60 s')));
		request.on('error', reject);
	});
}

export async function runLoad(options: LoadOptions): Promise<LoadSummary> {
	const { server } = options;
	const log = options.log ?? (() => {});
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.readers + 4 });
	const began = performance.now();
	const measureFrom = began + options.warmupMs;
	const end = measureFrom + options.durationMs;
	const latencies: number[] = [];
	const byKind = new Map<string, number[]>();
	const errorSamples: string[] = [];
	let errors = 0;
	const readers: { requests: number; longestWaitMs: number }[] = [];

	const reader = async (index: number) => {
		const rng = random(options.randomSeed + index);
		const stats = { requests: 0, longestWaitMs: 0 };
		readers.push(stats);
		while (performance.now() < end) {
			const { kind, path } = nextRequest(rng);
			const sent = performance.now();
			let failure: string | null = null;
			try {
				const { status } = await get(agent, server.url + path);
				if (status !== 200) failure = `${status} ${path}`;
			} catch (error) {
				failure = `${(error as Error).message} ${path}`;
			}
			const done = performance.now();
			if (sent < measureFrom) continue;
			const ms = done - sent;
			stats.requests++;
			stats.longestWaitMs = Math.max(stats.longestWaitMs, ms);
			latencies.push(ms);
			byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
			if (failure) {
				errors++;
				if (errorSamples.length < 10) errorSamples.push(failure);
			}
		}
	};

	const regions = emptyRegions(20);
	const uploads = { done: 0, undone: 0, failed: 0, times: [] as number[] };
	const uploader = async () => {
		// Upload, undo, upload, …: the data returns to where it began, so memory can be compared.
		let k = 0;
		let last: number | null = null;
		while (performance.now() < end) {
			const sent = performance.now();
			try {
				if (last !== null) {
					const response = await revert(server.url, options.token, last);
					if (response.status === 200) uploads.undone++;
					else uploads.failed++;
					last = null;
				} else {
					const file = cooperativeFile({ regions, perRegionYear: 10, k, tag: `load-${k}` });
					const response = await upload(server.url, options.token, file, { source: file.tag });
					if (response.status === 201)
						last = ((await response.json()) as { version: { id: number } }).version.id;
					if (response.status === 201) uploads.done++;
					else {
						uploads.failed++;
						if (errorSamples.length < 10)
							errorSamples.push(`upload ${response.status} ${await response.text()}`);
					}
				}
			} catch (error) {
				uploads.failed++;
				if (errorSamples.length < 10) errorSamples.push(`upload ${(error as Error).message}`);
			}
			k++;
			uploads.times.push(performance.now() - sent);
			await new Promise((r) => setTimeout(r, options.uploadPauseMs));
		}
	};

	const rss: number[] = [];
	const sampler = setInterval(() => {
		if (performance.now() >= measureFrom) rss.push(server.rssMiB());
	}, 1000);
	const progress = setInterval(
		() =>
			log(
				`${Math.round((performance.now() - began) / 1000)} s: ${latencies.length} requests, ${errors} errors, RSS ${Math.round(server.rssMiB())} MiB`
			),
		60_000
	);
	try {
		await Promise.all([
			...Array.from({ length: options.readers }, (_, i) => reader(i)),
			uploader()
		]);
	} finally {
		clearInterval(sampler);
		clearInterval(progress);
		agent.destroy();
	}

	const seconds = options.durationMs / 1000;
	const third = Math.max(1, Math.floor(rss.length / 3));
	const median = (values: number[]) => percentile(values, 50);
	return {
		readers: options.readers,
		seconds,
		requests: latencies.length,
		rps: Math.round(latencies.length / seconds),
		errors: errors + uploads.failed,
		errorSamples,
		latencyMs: {
			p50: Math.round(percentile(latencies, 50)),
			p95: Math.round(percentile(latencies, 95)),
			p99: Math.round(percentile(latencies, 99)),
			max: Math.round(Math.max(0, ...latencies))
		},
		byKind: Object.fromEntries(
			[...byKind].map(([kind, values]) => [
				kind,
				{
					count: values.length,
					p99: Math.round(percentile(values, 99)),
					max: Math.round(Math.max(...values))
				}
			])
		),
		slowestReader: {
			requests: Math.min(...readers.map((r) => r.requests)),
			longestWaitMs: Math.round(Math.max(...readers.map((r) => r.longestWaitMs)))
		},
		uploads: {
			done: uploads.done,
			undone: uploads.undone,
			failed: uploads.failed,
			p50Ms: Math.round(percentile(uploads.times, 50)),
			maxMs: Math.round(Math.max(0, ...uploads.times))
		},
		rssMiB: {
			start: Math.round(median(rss.slice(0, third))),
			end: Math.round(median(rss.slice(-third))),
			max: Math.round(Math.max(0, ...rss)),
			samples: rss.map(Math.round)
		}
	};
}
