/**
 * Answers kept for the current data version. Any upload or undo changes the version, and with
 * it every key, so an answer can never outlive the data it was computed from; entries of older
 * versions are dropped as soon as a newer one is stored. Bounded by a weight (rows), least
 * recently used first out.
 */
export class ResultCache<T> {
	#entries = new Map<string, T>();
	#weight = 0;
	#version: string | null = null;
	hits = 0;
	misses = 0;

	constructor(
		readonly maxWeight: number,
		readonly weigh: (value: T) => number
	) {}

	get(version: string, key: string): T | undefined {
		const value = version === this.#version ? this.#entries.get(key) : undefined;
		if (value === undefined) {
			this.misses += 1;
			return undefined;
		}
		// Re-inserting keeps the map in least-recently-used order.
		this.#entries.delete(key);
		this.#entries.set(key, value);
		this.hits += 1;
		return value;
	}

	set(version: string, key: string, value: T): void {
		if (version !== this.#version) {
			this.#entries.clear();
			this.#weight = 0;
			this.#version = version;
		}
		const weight = this.weigh(value);
		if (this.maxWeight === 0 || weight > this.maxWeight) return;
		const old = this.#entries.get(key);
		if (old !== undefined) {
			this.#entries.delete(key);
			this.#weight -= this.weigh(old);
		}
		this.#entries.set(key, value);
		this.#weight += weight;
		for (const [oldest, held] of this.#entries) {
			if (this.#weight <= this.maxWeight) break;
			this.#entries.delete(oldest);
			this.#weight -= this.weigh(held);
		}
	}

	get size(): number {
		return this.#entries.size;
	}
}
