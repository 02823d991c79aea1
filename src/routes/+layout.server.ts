import type { LayoutServerLoad } from './$types';

/** Every page's header says who is logged in (or offers the login link). */
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null
});
