import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null
});
