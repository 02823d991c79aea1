import type { Cookies } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { SESSION_ABSOLUTE_MS } from './accounts';

/** `__Host-` pins the cookie to this host and path, but browsers only accept it over HTTPS. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-sesi' : 'sesi';
}

export function setSessionCookie(cookies: Cookies, url: URL, id: string): void {
	cookies.set(sessionCookieName(url), id, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: SESSION_ABSOLUTE_MS / 1000
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', secure: url.protocol === 'https:' });
}

/** The browser's own id (see KnownBrowsers): sent only to the login page. */
const BROWSER_COOKIE = 'peramban';
const BROWSER_COOKIE_DAYS = 365;

export function browserId(cookies: Cookies): string | null {
	const id = cookies.get(BROWSER_COOKIE);
	return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : null;
}

export function setBrowserCookie(cookies: Cookies, url: URL): string {
	const id = randomBytes(32).toString('base64url');
	cookies.set(BROWSER_COOKIE, id, {
		path: '/login',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: BROWSER_COOKIE_DAYS * 24 * 60 * 60
	});
	return id;
}
