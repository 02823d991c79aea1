import type { SessionUser } from '$lib/auth/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			user: SessionUser | null;
		}
	}
}

export {};
