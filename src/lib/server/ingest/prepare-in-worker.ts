/**
 * Runs prepareUpload in a worker thread of its own. Parsing and validating a million-row file
 * takes seconds of CPU; on the main thread that would stall every other request for as long, and
 * the parsed text and records would stay in the main heap afterwards. A worker per upload gives
 * the event loop back at once and returns all of that memory when it exits.
 *
 * The worker runs this very module: in the built server it is its own chunk (ingest-upload.ts
 * imports it dynamically), so the thread loads only the parsing and validation code. Where the
 * source is TypeScript (vitest, `vite dev`, the tsx command-line tools) the thread starts through
 * tsx, which is a dependency for the command-line tools anyway.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { prepareUpload, type PrepareRequest, type PreparedUpload } from './prepare-upload';

const TASK = 'koperasi:prepare-upload';
const SELF = import.meta.url;

interface TaskData {
	task: typeof TASK;
	request: PrepareRequest;
}

type Reply = { ok: true; prepared: PreparedUpload } | { ok: false; message: string };

/**
 * A register makes millions of short-lived strings and arrays. V8's default young generation
 * (16 MB semi-spaces) promotes most of them into the old generation, and collecting that took
 * a third of the worker's time; 64 MB semi-spaces halve the time of staging a million rows.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 192 };

function spawn(data: TaskData, transferList: ArrayBuffer[]): Worker {
	const options = { workerData: data, transferList, resourceLimits: RESOURCE_LIMITS };
	if (!SELF.endsWith('.ts')) return new Worker(new URL(SELF), options);
	const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(SELF)}, ${JSON.stringify(SELF)}))`;
	return new Worker(boot, { ...options, eval: true, execArgv: [] });
}

/**
 * Hands the request to a new worker thread. The bytes' buffer is transferred, not copied, when it
 * holds nothing else: the caller must not read `request.bytes` afterwards.
 */
export function prepareInWorker(request: PrepareRequest): Promise<PreparedUpload> {
	const { buffer, byteOffset, byteLength } = request.bytes;
	const whole =
		buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
	const worker = spawn({ task: TASK, request }, whole ? [buffer] : []);
	return new Promise((resolve, reject) => {
		let settled = false;
		worker.once('message', (reply: Reply) => {
			settled = true;
			if (reply.ok) resolve(reply.prepared);
			else reject(new Error(reply.message));
		});
		worker.once('error', (error) => {
			settled = true;
			reject(error);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`The upload worker stopped (exit code ${code})`));
		});
	});
}

if (!isMainThread && (workerData as TaskData | null)?.task === TASK && parentPort) {
	const port = parentPort;
	const { request } = workerData as TaskData;
	prepareUpload(request).then(
		(prepared) => port.postMessage({ ok: true, prepared } satisfies Reply),
		(error: unknown) =>
			port.postMessage({
				ok: false,
				message: error instanceof Error ? error.message : String(error)
			} satisfies Reply)
	);
}
