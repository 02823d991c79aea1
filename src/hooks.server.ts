import {
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getApp, startApp, stopApp } from '$lib/server/app';
import { userForSession, userForToken } from '$lib/server/auth/accounts';
import { checkOrigin } from '$lib/server/auth/origin-check';
import { sessionCookieName } from '$lib/server/auth/session-cookie';

export const init: ServerInit = async () => {
	await startApp();
	process.once('sveltekit:shutdown', () => void stopApp());
};

const PUBLIC_PATHS = ['/login', '/api/health'];

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	event.locals.user = null;
	const app = await getApp();

	const authorization = event.request.headers.get('authorization');
	const sessionId = event.cookies.get(sessionCookieName(event.url));
	if (authorization?.startsWith('Bearer ')) {
		const found = await app.db.withConnection((c) =>
			userForToken(c, authorization.slice(7).trim())
		);
		if (found) event.locals.user = { ...found, via: 'token' };
	} else if (sessionId) {
		const found = await app.db.withConnection((c) => userForSession(c, sessionId));
		if (found) event.locals.user = { ...found, via: 'session' };
	}

	const verdict = checkOrigin(event.request, event.url, event.locals.user?.via ?? null);
	if (verdict !== 'allowed') {
		return json(
			{
				message: 'Permintaan dari situs lain ditolak.',
				message_en: 'Cross-site request refused.',
				requestId: event.locals.requestId
			},
			{ status: 403 }
		);
	}

	const isPublic = PUBLIC_PATHS.some((p) => event.url.pathname === p);
	if (app.config.requireLogin && !event.locals.user && !isPublic) {
		if (event.url.pathname.startsWith('/api/')) {
			return json(
				{ message: 'Perlu masuk (login).', message_en: 'Login required.' },
				{ status: 401 }
			);
		}
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}

	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	response.headers.set('X-Request-Id', event.locals.requestId);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (status >= 500)
		console.error(`[${requestId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status >= 500 ? 'Terjadi kesalahan di server.' : message, requestId };
};
