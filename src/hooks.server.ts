import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { startApp, stopApp } from '$lib/server/app';

export const init: ServerInit = async () => {
	await startApp();
	process.once('sveltekit:shutdown', () => void stopApp());
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
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
	if (status >= 500) console.error(`[${requestId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status >= 500 ? 'Terjadi kesalahan di server.' : message, requestId };
};
