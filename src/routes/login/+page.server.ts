import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { checkPassword, createSession, deleteSession } from '$lib/server/auth/accounts';
import { safeNext } from '$lib/server/auth/safe-next';
import { sha256 } from '$lib/server/auth/secret-hash';
import {
	browserId,
	sessionCookieName,
	setBrowserCookie,
	setSessionCookie
} from '$lib/server/auth/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	next: safeNext(url.searchParams.get('next'), url.origin)
});

export const actions = {
	/**
	 * Checks the password and starts a new session id. Throttled per account and client address,
	 * or per account and browser for a browser that logged in to the account before.
	 */
	default: async ({ request, cookies, url, getClientAddress }) => {
		// A body that is not a readable form is the client's mistake (400), not a server error.
		const form = await request.formData().catch(() => null);
		if (!form) return fail(400, { name: '', error: 'invalid' as const, waitSeconds: 0 });
		const name = String(form.get('name') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? '/'), url.origin);
		const app = await getApp();
		const browser = browserId(cookies);
		const browserHash = browser ? sha256(browser) : null;
		const key =
			browserHash && app.knownBrowsers.knows(browserHash, name)
				? `${name}\n${browserHash}`
				: `${name}\n${getClientAddress()}`;
		const wait = app.loginThrottle.attempt(key);
		if (wait > 0)
			return fail(429, { name, error: 'throttled' as const, waitSeconds: Math.ceil(wait / 1000) });
		const user = await app.db.withConnection((c) => checkPassword(c, name, password));
		if (!user) return fail(400, { name, error: 'invalid' as const, waitSeconds: 0 });
		app.loginThrottle.succeed(key);
		app.knownBrowsers.remember(browserHash ?? sha256(setBrowserCookie(cookies, url)), user.name);
		const old = cookies.get(sessionCookieName(url));
		const id = await app.db.withConnection(async (c) => {
			if (old) await deleteSession(c, old);
			return createSession(c, user.name);
		});
		setSessionCookie(cookies, url, id);
		redirect(303, next);
	}
} satisfies Actions;
