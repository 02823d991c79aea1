/**
 * Login throttling per key (an account name with the client's address, or with a browser that
 * logged in to it before): after 5 failures within 15 minutes the key waits, and the wait doubles
 * with every further failure (capped at 15 minutes).
 *
 * An attempt is counted when it starts, before the password is checked: 30 attempts sent at once
 * get 5 checks, not 30. A success forgets the key's failures.
 */
const WINDOW_MS = 15 * 60 * 1000;
const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30 * 1000;
/** Keys kept at most; the oldest go first (an attacker cycling names cannot fill the memory). */
const MAX_KEYS = 100_000;

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

	/** Milliseconds this key must still wait before trying again (0 = may try). */
	waitFor(key: string): number {
		const entry = this.#failures.get(key.toLowerCase());
		if (!entry) return 0;
		const now = this.#now();
		if (now - entry.first > WINDOW_MS && now - entry.last > WINDOW_MS) {
			this.#failures.delete(key.toLowerCase());
			return 0;
		}
		if (entry.count < FREE_ATTEMPTS) return 0;
		const delay = Math.min(BASE_DELAY_MS * 2 ** (entry.count - FREE_ATTEMPTS), WINDOW_MS);
		return Math.max(0, entry.last + delay - now);
	}

	/**
	 * Starts an attempt: answers the wait, or 0 after counting the attempt as a failure until
	 * `succeed` says otherwise.
	 */
	attempt(key: string): number {
		const wait = this.waitFor(key);
		if (wait > 0) return wait;
		this.fail(key);
		return 0;
	}

	fail(key: string): void {
		const k = key.toLowerCase();
		const now = this.#now();
		const entry = this.#failures.get(k);
		this.#failures.delete(k);
		if (!entry || now - entry.last > WINDOW_MS)
			this.#failures.set(k, { count: 1, first: now, last: now });
		else this.#failures.set(k, { ...entry, count: entry.count + 1, last: now });
		if (this.#failures.size > MAX_KEYS) this.#failures.delete(this.#failures.keys().next().value!);
	}

	succeed(key: string): void {
		this.#failures.delete(key.toLowerCase());
	}
}

/**
 * Browsers that logged in to an account before, each by a random id in a cookie. Their attempts
 * are throttled apart from everyone else's, so wrong passwords sent by a stranger (even from the
 * same office address) cannot lock the account's own users out. Kept in memory: after a restart
 * every browser is a stranger again, as are the strangers' failures.
 */
export class KnownBrowsers {
	#accounts = new Map<string, Set<string>>();

	knows(browserHash: string, name: string): boolean {
		return this.#accounts.get(browserHash)?.has(name.toLowerCase()) ?? false;
	}

	remember(browserHash: string, name: string): void {
		const names = this.#accounts.get(browserHash) ?? new Set<string>();
		names.add(name.toLowerCase());
		this.#accounts.delete(browserHash);
		this.#accounts.set(browserHash, names);
		if (this.#accounts.size > MAX_KEYS) this.#accounts.delete(this.#accounts.keys().next().value!);
	}
}
