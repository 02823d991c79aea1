import type { Cookies } from '@sveltejs/kit';
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
