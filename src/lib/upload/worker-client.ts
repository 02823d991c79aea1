/**
 * The page's side of the upload worker: one request at a time gets one answer, progress goes to
 * a callback. The worker starts on the first request and is thrown away by `dispose`.
 */
import type { Phase, WorkerRequest, WorkerResponse } from './protocol';

export type WorkerAnswer = Exclude<WorkerResponse, { type: 'progress' }>;

export class UploadWorkerClient {
	#worker: Worker | null = null;
	#nextId = 0;
	#waiting = new Map<number, (answer: WorkerAnswer) => void>();
	#onProgress: (phase: Phase, fraction: number) => void;

	constructor(onProgress: (phase: Phase, fraction: number) => void) {
		this.#onProgress = onProgress;
	}

	/** Sends a request (its `id` is replaced) and resolves with the worker's answer to it. */
	ask(request: WorkerRequest): Promise<WorkerAnswer> {
		const worker = (this.#worker ??= this.#start());
		const id = ++this.#nextId;
		return new Promise((resolve) => {
			this.#waiting.set(id, resolve);
			worker.postMessage({ ...request, id });
		});
	}

	/** Stops the worker; requests still waiting are answered as cancelled. */
	dispose() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failAll('cancelled');
	}

	#failAll(message: string) {
		for (const [id, resolve] of this.#waiting) resolve({ type: 'failed', id, message });
		this.#waiting.clear();
	}

	#start(): Worker {
		const worker = new Worker(new URL('./upload.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const response = event.data;
			const resolve = this.#waiting.get(response.id);
			if (!resolve) return;
			if (response.type === 'progress') {
				this.#onProgress(response.phase, response.fraction);
				return;
			}
			this.#waiting.delete(response.id);
			resolve(response);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			this.#failAll(event.message || 'The upload worker stopped');
		};
		return worker;
	}
}
