/**
 * Login throttling per account name: after 5 failures within 15 minutes the account waits,
 * and the wait doubles with every further failure (capped at 15 minutes).
 */
const WINDOW_MS = 15 * 60 * 1000;
const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30 * 1000;

interface Failures {
	count: number;
	first: number;
	last: number;
}

export class LoginThrottle {
	#failures = new Map<string, Failures>();
	#now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	/** Milliseconds this account must still wait before trying again (0 = may try). */
	waitFor(name: string): number {
		const entry = this.#failures.get(name.toLowerCase());
		if (!entry) return 0;
		const now = this.#now();
		if (now - entry.first > WINDOW_MS && now - entry.last > WINDOW_MS) {
			this.#failures.delete(name.toLowerCase());
			return 0;
		}
		if (entry.count < FREE_ATTEMPTS) return 0;
		const delay = Math.min(BASE_DELAY_MS * 2 ** (entry.count - FREE_ATTEMPTS), WINDOW_MS);
		return Math.max(0, entry.last + delay - now);
	}

	fail(name: string): void {
		const key = name.toLowerCase();
		const now = this.#now();
		const entry = this.#failures.get(key);
		if (!entry || now - entry.last > WINDOW_MS)
			this.#failures.set(key, { count: 1, first: now, last: now });
		else this.#failures.set(key, { ...entry, count: entry.count + 1, last: now });
	}

	succeed(name: string): void {
		this.#failures.delete(name.toLowerCase());
	}
}
