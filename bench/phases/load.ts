/**
 * Many clients at once on /api/query, then the same while a large upload is stored: requests per
 * second, tail latency and errors (which must be none).
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { round } from '../lib/stats';

export interface LoadFigure {
	connections: number;
	seconds: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	requests: number;
	/** Socket errors + timeouts + answers other than 2xx; must be 0. */
	errors: number;
	detail: { errors: number; timeouts: number; non2xx: number; statusCodes: Record<string, number> };
}

export interface UploadFigure {
	uploads: { ms: number; status: number; rows: number | null }[];
	fileMb: number;
	serverPeakMb: number | null;
}

async function cannon(base: string, paths: string[], connections: number, seconds: number) {
	const result = await autocannon({
		url: base,
		connections,
		duration: seconds,
		timeout: 30,
		requests: paths.map((p) => ({ method: 'GET', path: p }))
	});
	return {
		connections,
		seconds,
		requestsPerSecond: round(result.requests.average),
		p50Ms: round(result.latency.p50),
		p99Ms: round(result.latency.p99),
		maxMs: round(result.latency.max),
		requests: result.requests.total,
		errors: result.errors + result.timeouts + result.non2xx,
		detail: {
			errors: result.errors,
			timeouts: result.timeouts,
			non2xx: result.non2xx,
			statusCodes: Object.fromEntries(
				Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])
			)
		}
	};
}

export function measureLoad(base: string, paths: string[], connections: number, seconds: number) {
	return cannon(base, paths, connections, seconds);
}

/** Uploads the register again and again (replace mode) for as long as the load runs. */
export async function measureLoadWithUpload(
	base: string,
	paths: string[],
	connections: number,
	seconds: number,
	upload: { file: string; token: string; memory: () => number | null }
): Promise<{ load: LoadFigure; upload: UploadFigure }> {
	const bytes = fs.readFileSync(upload.file);
	const uploads: UploadFigure['uploads'] = [];
	let running = true;
	const uploader = (async () => {
		while (running) {
			const form = new FormData();
			form.set('file', new Blob([bytes]), path.basename(upload.file));
			form.set('kind', 'koperasi');
			form.set('mode', 'replace');
			const began = performance.now();
			const response = await fetch(`${base}/api/datasets`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${upload.token}` },
				body: form
			});
			const body = (await response.json().catch(() => ({}))) as { rows?: number };
			uploads.push({
				ms: round(performance.now() - began),
				status: response.status,
				rows: body.rows ?? null
			});
		}
	})();
	// Let the upload get going (parsing and validating) before the clients start.
	await new Promise((resolve) => setTimeout(resolve, 300));
	const load = await cannon(base, paths, connections, seconds);
	running = false;
	await uploader;
	return {
		load,
		upload: { uploads, fileMb: round(bytes.length / 1024 / 1024), serverPeakMb: upload.memory() }
	};
}
