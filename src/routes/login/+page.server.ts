import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { checkPassword, createSession, deleteSession } from '$lib/server/auth/accounts';
import { sessionCookieName, setSessionCookie } from '$lib/server/auth/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: an open redirect would let a phishing link borrow our login page. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export const load: PageServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	next: safeNext(url.searchParams.get('next'))
});

export const actions = {
	/** Checks the password (throttled per account) and starts a new session id. */
	default: async ({ request, cookies, url }) => {
		// A body that is not a readable form is the client's mistake (400), not a server error.
		const form = await request.formData().catch(() => null);
		if (!form) return fail(400, { name: '', error: 'invalid' as const, waitSeconds: 0 });
		const name = String(form.get('name') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? '/'));
		const app = await getApp();
		const wait = app.loginThrottle.waitFor(name);
		if (wait > 0)
			return fail(429, { name, error: 'throttled' as const, waitSeconds: Math.ceil(wait / 1000) });
		const user = await app.db.withConnection((c) => checkPassword(c, name, password));
		if (!user) {
			app.loginThrottle.fail(name);
			return fail(400, { name, error: 'invalid' as const, waitSeconds: 0 });
		}
		app.loginThrottle.succeed(name);
		const old = cookies.get(sessionCookieName(url));
		const id = await app.db.withConnection(async (c) => {
			if (old) await deleteSession(c, old);
			return createSession(c, user.name);
		});
		setSessionCookie(cookies, url, id);
		redirect(303, next);
	}
} satisfies Actions;
