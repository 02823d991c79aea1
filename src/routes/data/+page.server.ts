import { can } from '$lib/auth/roles';
import { getApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** Who is here and whether they may upload; the upload itself goes to POST /api/datasets. */
export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	const user = locals.user ? { name: locals.user.name, role: locals.user.role } : null;
	return {
		user,
		mayUpload: can(user?.role, 'upload'),
		uploadLimitBytes: app.config.uploadLimitBytes
	};
};
