import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { deleteSession } from '$lib/server/auth/accounts';
import { clearSessionCookie, sessionCookieName } from '$lib/server/auth/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions = {
	default: async ({ cookies, url }) => {
		const id = cookies.get(sessionCookieName(url));
		if (id) {
			const app = await getApp();
			await app.db.withConnection((c) => deleteSession(c, id));
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/');
	}
} satisfies Actions;
