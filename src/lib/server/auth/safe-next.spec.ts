import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const SITE = 'http://127.0.0.1:3000';

/** Where a browser goes when it follows `Location: <path>` from this site. */
const followed = (path: string) => new URL(path, `${SITE}/login`);

describe('safeNext (where login sends the browser)', () => {
	it.each(['/', '/data', '/data/riwayat?lang=en', '/jelajah?fokus=32.16#peta'])(
		'keeps the same-site path %s',
		(path) => {
			expect(safeNext(path, SITE)).toBe(path);
		}
	);

	it.each([
		['a backslash', '/\\evil.example'],
		['two backslashes', '\\\\evil.example'],
		['a tab in place of the backslash', '/\t/evil.example'],
		['a line break in place of the backslash', '/\n/evil.example'],
		['a scheme-relative URL', '//evil.example'],
		['an absolute URL', 'https://evil.example/data'],
		['a javascript: URL', 'javascript:alert(1)'],
		['a same-origin URL whose path starts with //', `${SITE}//evil.example`]
	])('never leaves the site for %s', (_what, next) => {
		const target = safeNext(next, SITE);
		expect(followed(target).origin).toBe(SITE);
		expect(target.startsWith('/')).toBe(true);
	});

	it('answers a value without control characters, fit for a Location header', () => {
		const target = safeNext('/data\r\nSet-Cookie: sesi=x', SITE);
		expect(target).not.toMatch(/\p{Cc}/u);
		expect(followed(target).origin).toBe(SITE);
	});

	it('falls back to / for nothing at all', () => {
		expect(safeNext(null, SITE)).toBe('/');
		expect(safeNext('', SITE)).toBe('/');
	});
});
