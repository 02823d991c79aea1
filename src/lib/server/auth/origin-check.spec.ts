import { describe, expect, it } from 'vitest';
import { checkOrigin } from './origin-check';

const SITE = new URL('https://koperasi.example.id/api/datasets');

function request(method: string, headers: Record<string, string> = {}): Request {
	return new Request(SITE, { method, headers });
}

describe('checkOrigin (cross-site request forgery defence)', () => {
	it('allows a POST whose Origin is this site', () => {
		const verdict = checkOrigin(
			request('POST', { origin: 'https://koperasi.example.id', 'sec-fetch-site': 'same-origin' }),
			SITE,
			'session'
		);
		expect(verdict).toBe('allowed');
	});

	it.each([
		['another site', 'https://evil.example'],
		['the same host over another scheme', 'http://koperasi.example.id'],
		['the same host on another port', 'https://koperasi.example.id:8443'],
		['a sub-domain', 'https://sub.koperasi.example.id'],
		['an opaque origin (sandboxed frame)', 'null']
	])('refuses a POST whose Origin is %s, even with a valid token', (_what, origin) => {
		expect(checkOrigin(request('POST', { origin }), SITE, 'session')).toBe('cross-site');
		expect(checkOrigin(request('POST', { origin }), SITE, 'token')).toBe('cross-site');
		expect(checkOrigin(request('POST', { origin }), SITE, null)).toBe('cross-site');
	});

	it.each(['cross-site', 'same-site'])(
		'refuses a POST without Origin when Sec-Fetch-Site says %s',
		(site) => {
			expect(checkOrigin(request('POST', { 'sec-fetch-site': site }), SITE, 'session')).toBe(
				'cross-site'
			);
			expect(checkOrigin(request('POST', { 'sec-fetch-site': site }), SITE, 'token')).toBe(
				'cross-site'
			);
		}
	);

	it('refuses a POST with neither Origin nor Sec-Fetch-Site that relies on the session cookie', () => {
		expect(checkOrigin(request('POST'), SITE, 'session')).toBe('no-origin-with-cookie');
	});

	it('allows a POST with no Origin that proves itself with a Bearer token (curl, scripts)', () => {
		expect(checkOrigin(request('POST'), SITE, 'token')).toBe('allowed');
		expect(checkOrigin(request('POST', { 'sec-fetch-site': 'none' }), SITE, 'token')).toBe(
			'allowed'
		);
	});

	it('lets an anonymous POST without Origin through, so the route answers 401 itself', () => {
		expect(checkOrigin(request('POST'), SITE, null)).toBe('allowed');
	});

	it.each(['PUT', 'PATCH', 'DELETE'])('treats %s like POST', (method) => {
		expect(checkOrigin(request(method, { origin: 'https://evil.example' }), SITE, 'token')).toBe(
			'cross-site'
		);
		expect(checkOrigin(request(method), SITE, 'session')).toBe('no-origin-with-cookie');
	});

	it.each(['GET', 'HEAD', 'OPTIONS'])(
		'always allows %s, whatever the Origin and however the user signed in',
		(method) => {
			for (const via of ['session', 'token', null] as const) {
				expect(
					checkOrigin(
						request(method, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
						SITE,
						via
					)
				).toBe('allowed');
				expect(checkOrigin(request(method), SITE, via)).toBe('allowed');
			}
		}
	);
});
