import {
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getApp, startApp, stopApp } from '$lib/server/app';
import { userForSession } from '$lib/server/auth/accounts';
import { userForToken } from '$lib/server/auth/api-tokens';
import { checkOrigin } from '$lib/server/auth/origin-check';
import { compressResponse } from '$lib/server/http/compress';
import { actualProtocol, proxySettingsFromEnv } from '$lib/server/http/request-protocol';
import { sessionCookieName } from '$lib/server/auth/session-cookie';
import { DatabaseOpenError } from '$lib/server/duckdb/database';

/**
 * A database that cannot be opened (damaged, or held by another process) stops the server with
 * the explanation alone: no stack trace, no crash loop of half-started servers.
 */
export const init: ServerInit = async () => {
	try {
		await startApp();
	} catch (error) {
		console.error(
			error instanceof DatabaseOpenError
				? error.message
				: `The server cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
		);
		process.exit(1);
	}
	process.once('sveltekit:shutdown', () => void stopApp());
};

/** Headers every response gets; HTML pages also get SvelteKit's CSP (svelte.config.js). */
function secure(response: Response, requestId: string, https: boolean): Response {
	const headers: Record<string, string> = {
		'X-Request-Id': requestId,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin'
	};
	if (https) headers['Strict-Transport-Security'] = 'max-age=31536000';
	// JSON, CSV and Arrow are never documents: nothing in them may run or be framed.
	if (!response.headers.has('Content-Security-Policy'))
		headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'none'";
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		// Headers of some responses (Response.redirect, fetch results) are immutable.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}

/** Every failure leaves one log line carrying the request id the client was given. */
function logFailure(event: RequestEvent, status: number, began: number): void {
	if (status < 400) return;
	const line = `[${event.locals.requestId}] ${event.request.method} ${event.url.pathname} → ${status} (${Math.round(performance.now() - began)} ms)`;
	if (status >= 500) console.error(line);
	else console.warn(line);
}

const PUBLIC_PATHS = ['/login', '/api/health'];
const PROXY = proxySettingsFromEnv();

export const handle: Handle = async ({ event, resolve }) => {
	const began = performance.now();
	// One answer for the whole request: the origin check, the cookie's name and `Secure`, HSTS and
	// every `url.origin` downstream read this URL (see request-protocol.ts).
	event.url.protocol = actualProtocol(
		event.url,
		event.request.headers,
		event.platform?.req
			? (event.platform.req.socket as { encrypted?: boolean }).encrypted === true
			: undefined,
		PROXY
	);
	event.locals.requestId = randomUUID();
	event.locals.user = null;
	const response = await respond(event, resolve);
	logFailure(event, response.status, began);
	const secured = secure(response, event.locals.requestId, event.url.protocol === 'https:');
	// A load's own fetch of an API route never leaves the process: nothing to gain there.
	return event.isSubRequest ? secured : compressResponse(event.request, secured);
};

async function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
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
				{
					message: 'Perlu masuk (login).',
					message_en: 'Login required.',
					requestId: event.locals.requestId
				},
				{ status: 401 }
			);
		}
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}

	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	// The stack goes to the log only; the client gets a generic message and the id to quote.
	if (status >= 500)
		console.error(`[${requestId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status >= 500 ? 'Terjadi kesalahan di server.' : message, requestId };
};
