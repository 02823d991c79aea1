import { json } from '@sveltejs/kit';
import { can } from '$lib/auth/roles';
import { getApp } from '$lib/server/app';
import { revertVersion } from '$lib/server/ingest/versions';
import { apiLocale, messageResponse } from '$lib/server/http/problems-response';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params, request, url }) => {
	const locale = apiLocale(request, url);
	if (!locals.user) return messageResponse(401, 'Perlu masuk (login) atau token API.', 'Login or an API token is required.', locale);
	if (!can(locals.user.role, 'revert'))
		return messageResponse(403, 'Peran Anda tidak boleh membatalkan unggahan.', 'Your role may not undo uploads.', locale);
	const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : NaN;
	if (!Number.isInteger(id)) return messageResponse(404, 'Versi tidak ada.', 'No such version.', locale);
	const app = await getApp();
	const release = await app.writeLock.acquire();
	try {
		const outcome = await app.db.withConnection((c) => revertVersion(c, id, app.db.ledgerPath));
		if (outcome.kind === 'not-found') return messageResponse(404, 'Versi tidak ada.', 'No such version.', locale);
		if (outcome.kind === 'refused') return json({ message: outcome.reason[locale] }, { status: 409 });
		return json({ version: outcome.version });
	} finally {
		release();
	}
};
