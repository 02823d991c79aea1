/**
 * A plain static file server with Range support, standing in for the CDN or web server that
 * would serve DuckDB-WASM and the Parquet files to the browser. No compression: on localhost the
 * transfer is not what is measured.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.parquet': 'application/octet-stream'
};

/** `mounts`: URL prefix → folder. */
export async function startStaticServer(
	port: number,
	mounts: Record<string, string>
): Promise<{ url: string; close(): Promise<void> }> {
	const server = http.createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const prefix = Object.keys(mounts)
			.sort((a, b) => b.length - a.length)
			.find((p) => pathname.startsWith(p));
		const root = prefix === undefined ? undefined : mounts[prefix];
		const file = root && path.join(root, pathname.slice(prefix!.length));
		if (!file || !file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
			response.writeHead(404).end();
			return;
		}
		const size = fs.statSync(file).size;
		const headers: http.OutgoingHttpHeaders = {
			'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'Accept-Ranges': 'bytes',
			'Cache-Control': 'max-age=3600'
		};
		const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
		let start = 0;
		let end = size - 1;
		let status = 200;
		if (range) {
			start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
			end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			status = 206;
			headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
		}
		headers['Content-Length'] = end - start + 1;
		response.writeHead(status, headers);
		if (request.method === 'HEAD') response.end();
		else fs.createReadStream(file, { start, end }).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
