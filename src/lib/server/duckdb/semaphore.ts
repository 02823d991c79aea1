/** A counting semaphore: at most `limit` holders at once, the rest wait in order. */
export class Semaphore {
	#available: number;
	#waiting: (() => void)[] = [];

	constructor(limit: number) {
		this.#available = limit;
	}

	async acquire(): Promise<() => void> {
		if (this.#available > 0) this.#available -= 1;
		else await new Promise<void>((resolve) => this.#waiting.push(resolve));
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.#waiting.shift();
			if (next) next();
			else this.#available += 1;
		};
	}
}
