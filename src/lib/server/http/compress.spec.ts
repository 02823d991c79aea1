import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressResponse, isCompressible } from './compress';

const big = 'Koperasi Kabupaten Bekasi; '.repeat(200);

function get(acceptEncoding?: string, method = 'GET') {
	return new Request('http://localhost/', {
		method,
		headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }
	});
}

describe('acceptsGzip', () => {
	it.each([
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['*', true],
		['identity', false],
		['gzip;q=0', false],
		['*;q=0', false],
		['gzip;q=0, *', false],
		['', false],
		[null, false]
	])('%s → %s', (header, expected) => {
		expect(acceptsGzip(header)).toBe(expected);
	});
});

describe('isCompressible', () => {
	it.each([
		['text/html; charset=utf-8', true],
		['text/csv; charset=utf-8', true],
		['application/json', true],
		['application/vnd.apache.arrow.stream', true],
		['image/svg+xml', true],
		['image/png', false],
		['application/octet-stream', false],
		[null, false]
	])('%s → %s', (type, expected) => {
		expect(isCompressible(type)).toBe(expected);
	});
});

describe('compressResponse', () => {
	it('gzips a large text answer for a client that accepts it, keeping status and headers', async () => {
		const response = await compressResponse(
			get('gzip, br'),
			new Response(big, {
				status: 201,
				headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Request-Id': 'abc' }
			})
		);
		expect(response.status).toBe(201);
		expect(response.headers.get('Content-Encoding')).toBe('gzip');
		expect(response.headers.get('Vary')).toBe('Accept-Encoding');
		expect(response.headers.get('X-Request-Id')).toBe('abc');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(big.length / 10);
		expect(gunzipSync(bytes).toString('utf8')).toBe(big);
	});

	it('sends the body as it is to a client without gzip, but says the answer varies', async () => {
		const response = await compressResponse(
			get('identity'),
			new Response(big, { headers: { 'Content-Type': 'application/json' } })
		);
		expect(response.headers.get('Content-Encoding')).toBeNull();
		expect(response.headers.get('Vary')).toBe('Accept-Encoding');
		expect(await response.text()).toBe(big);
	});

	it('leaves small bodies, images, HEAD requests and empty answers uncompressed', async () => {
		const small = await compressResponse(
			get('gzip'),
			new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } })
		);
		expect(small.headers.get('Content-Encoding')).toBeNull();
		expect(await small.text()).toBe('{"ok":true}');

		const png = await compressResponse(
			get('gzip'),
			new Response(big, { headers: { 'Content-Type': 'image/png' } })
		);
		expect(png.headers.get('Content-Encoding')).toBeNull();
		expect(png.headers.get('Vary')).toBeNull();

		const head = await compressResponse(
			get('gzip', 'HEAD'),
			new Response(null, { headers: { 'Content-Type': 'text/html' } })
		);
		expect(head.headers.get('Content-Encoding')).toBeNull();

		const noContent = await compressResponse(get('gzip'), new Response(null, { status: 204 }));
		expect(noContent.status).toBe(204);
		expect(noContent.headers.get('Content-Encoding')).toBeNull();
	});

	it('never encodes twice', async () => {
		const already = new Response(big, {
			headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' }
		});
		const response = await compressResponse(get('gzip'), already);
		expect(response.headers.get('Content-Encoding')).toBe('br');
		expect(await response.text()).toBe(big);
	});
});
