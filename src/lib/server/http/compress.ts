/**
 * gzip for what the server renders and answers. adapter-node compresses the static files at build
 * time but sends server-rendered pages and API answers as they are: the summary page's HTML is
 * about 420 KB, 70 KB gzipped, which matters on a slow office connection.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/** Smaller bodies gain less than the gzip header and the CPU cost. */
const MIN_BYTES = 1024;

const COMPRESSIBLE = [
	/^text\//,
	/^application\/(json|javascript|xml|vnd\.apache\.arrow\.stream)\b/,
	/\+(json|xml)\b/,
	/^image\/svg\+xml\b/
];

export function isCompressible(contentType: string | null): boolean {
	const type = (contentType ?? '').toLowerCase();
	return COMPRESSIBLE.some((pattern) => pattern.test(type));
}

/** Whether Accept-Encoding allows gzip (`gzip`, `*`, not `gzip;q=0`). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	let gzipQ: number | null = null;
	let anyQ: number | null = null;
	for (const part of (acceptEncoding ?? '').split(',')) {
		const [coding = '', ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		if (coding.trim() === 'gzip') gzipQ = Number.isFinite(q) ? q : 0;
		else if (coding.trim() === '*') anyQ = Number.isFinite(q) ? q : 0;
	}
	return (gzipQ ?? anyQ ?? 0) > 0;
}

/**
 * The response gzipped when the client accepts it and the body is worth it; otherwise the same
 * response. Either way a compressible answer says it varies with Accept-Encoding, for caches.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	if (
		!response.body ||
		request.method === 'HEAD' ||
		response.status === 204 ||
		response.status === 206 ||
		response.status === 304 ||
		response.headers.has('Content-Encoding') ||
		!isCompressible(response.headers.get('Content-Type'))
	)
		return response;
	const varying = withVary(response);
	if (!acceptsGzip(request.headers.get('Accept-Encoding'))) return varying;
	const headers = new Headers(varying.headers);
	const init = { status: response.status, statusText: response.statusText, headers };
	const body = new Uint8Array(await varying.arrayBuffer());
	if (body.byteLength < MIN_BYTES) return new Response(body, init);
	const zipped = await gzip(body, { level: 6 });
	headers.set('Content-Encoding', 'gzip');
	headers.delete('Content-Length');
	return new Response(new Uint8Array(zipped), init);
}

/** The same response with `Vary: Accept-Encoding`; copied only when its headers are immutable. */
function withVary(response: Response): Response {
	try {
		response.headers.append('Vary', 'Accept-Encoding');
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.append('Vary', 'Accept-Encoding');
		return copy;
	}
}
