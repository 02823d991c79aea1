import { json } from '@sveltejs/kit';
import { can } from '$lib/auth/roles';
import { getApp } from '$lib/server/app';
import { endSessions, findUser } from '$lib/server/auth/accounts';
import { createToken, listTokens, revokeTokens } from '$lib/server/auth/api-tokens';
import { apiLocale, messageResponse } from '$lib/server/http/problems-response';
import type { RequestEvent, RequestHandler } from './$types';

/**
 * `npm run users -- token | tokens | revoke` while the server runs (it owns the database file):
 * an admin makes, lists and revokes API tokens. POST `{name, days?}`, GET `?name=`, DELETE
 * `?name=&token=` (one token) or `?name=` (every token and every session of the user).
 */
async function admitted(event: RequestEvent): Promise<Response | string> {
	const locale = apiLocale(event.request, event.url);
	if (!event.locals.user)
		return messageResponse(
			401,
			'Perlu token API admin.',
			'An admin API token is required.',
			locale
		);
	if (!can(event.locals.user.role, 'manage_users'))
		return messageResponse(
			403,
			'Hanya admin yang boleh mengelola token.',
			'Only an admin may manage tokens.',
			locale
		);
	const name =
		event.request.method === 'POST'
			? String(((await event.request.json().catch(() => ({}))) as { name?: unknown }).name ?? '')
			: (event.url.searchParams.get('name') ?? '');
	const app = await getApp();
	if (!(await app.db.withConnection((c) => findUser(c, name))))
		return messageResponse(404, `Pengguna "${name}" tidak ada.`, `No user "${name}".`, locale);
	return name;
}

export const POST: RequestHandler = async (event) => {
	const body = (await event.request
		.clone()
		.json()
		.catch(() => ({}))) as { days?: unknown };
	const name = await admitted(event);
	if (typeof name !== 'string') return name;
	const days = body.days === null || body.days === undefined ? undefined : Number(body.days);
	const app = await getApp();
	try {
		const made = await app.db.withConnection((c) => createToken(c, name, { days }));
		return json(made, { status: 201 });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return messageResponse(400, message, message, apiLocale(event.request, event.url));
	}
};

export const GET: RequestHandler = async (event) => {
	const name = await admitted(event);
	if (typeof name !== 'string') return name;
	const app = await getApp();
	return json({ tokens: await app.db.withConnection((c) => listTokens(c, name)) });
};

export const DELETE: RequestHandler = async (event) => {
	const name = await admitted(event);
	if (typeof name !== 'string') return name;
	const id = event.url.searchParams.get('token') ?? undefined;
	const app = await getApp();
	try {
		const revoked = await app.db.withConnection((c) => revokeTokens(c, name, id));
		const sessionsEnded = id ? 0 : await app.db.withConnection((c) => endSessions(c, name));
		return json({ revoked, sessions_ended: sessionsEnded });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return messageResponse(400, message, message, apiLocale(event.request, event.url));
	}
};
