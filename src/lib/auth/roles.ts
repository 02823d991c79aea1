/** Who may do what. Viewers read; analysts also upload and undo; admins also manage users. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Action = 'read' | 'upload' | 'revert' | 'manage_users' | 'backup';

const MINIMUM: Record<Action, Role> = {
	read: 'viewer',
	upload: 'analyst',
	revert: 'analyst',
	manage_users: 'admin',
	backup: 'admin'
};

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, action: Action): boolean {
	if (!role) return false;
	return ROLES.indexOf(role) >= ROLES.indexOf(MINIMUM[action]);
}

export interface SessionUser {
	name: string;
	role: Role;
	/** How the request proved who it is: browser session or API token. */
	via: 'session' | 'token';
}
