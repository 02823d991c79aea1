import type { SessionUser } from '$lib/auth/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		/** adapter-node passes the Node request; the Vite dev server passes nothing. */
		interface Platform {
			req?: import('node:http').IncomingMessage;
		}
		interface Locals {
			requestId: string;
			user: SessionUser | null;
		}
	}
}

export {};
