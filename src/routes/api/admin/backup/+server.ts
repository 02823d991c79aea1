import path from 'node:path';
import { json } from '@sveltejs/kit';
import { can } from '$lib/auth/roles';
import { getApp } from '$lib/server/app';
import { writeBackup } from '$lib/server/backup/write-backup';
import { apiLocale, messageResponse } from '$lib/server/http/problems-response';
import type { RequestHandler } from './$types';

/**
 * `npm run backup` while the server runs: only this process may open the database file, so the
 * server writes the backup itself, into BACKUP_DIR (the one folder DuckDB may still write), and
 * answers the new folder's name in it.
 */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const locale = apiLocale(request, url);
	if (!locals.user)
		return messageResponse(
			401,
			'Perlu masuk (login) atau token API.',
			'Login or an API token is required.',
			locale
		);
	if (!can(locals.user.role, 'backup'))
		return messageResponse(
			403,
			'Hanya admin yang boleh membuat cadangan.',
			'Only an admin may make a backup.',
			locale
		);
	const app = await getApp();
	const { dir, manifest, ms } = await app.db.withConnection((c) =>
		writeBackup(c, { root: app.config.backupDir, databasePath: app.config.databasePath })
	);
	console.info(
		`[${locals.requestId}] Backup by ${locals.user.name}: ${dir} (${manifest.tables.length} tables, ${ms} ms)`
	);
	// The folder's name only: where the server keeps its files is not the client's business.
	return json(
		{
			name: path.basename(dir),
			ms,
			created_at: manifest.created_at,
			tables: manifest.tables.map(({ table, rows, checksum }) => ({ table, rows, checksum })),
			datasets: manifest.datasets.length
		},
		{ status: 201 }
	);
};
