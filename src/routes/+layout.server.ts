import { readChoice, SYNTHETIC_COOKIE } from '$lib/status/synthetic-switch';
import type { LayoutServerLoad } from './$types';

/**
 * Every page's header says who is logged in (or offers the login link); the first render knows
 * the remembered sintetis choice, so it shows what the reader chose before.
 */
export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	syntheticRemembered: readChoice(cookies.get(SYNTHETIC_COOKIE))
});
