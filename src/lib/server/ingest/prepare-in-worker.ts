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
import {
	discardStaged,
	newStem,
	prepareUpload,
	stagedFiles,
	type PrepareRequest,
	type PreparedUpload
} from './prepare-upload';

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

/** For specs: a smaller heap, to see what a worker that runs out of memory leaves behind. */
export interface WorkerLimits {
	maxOldGenerationSizeMb?: number;
}

function spawn(data: TaskData, transferList: ArrayBuffer[], limits: WorkerLimits): Worker {
	const resourceLimits = { ...RESOURCE_LIMITS, ...limits };
	// None of the parent's flags: started under `node --import tsx` (the benchmark, the CLI
	// tools), a worker inherited tsx's hooks, and its pass over a register took a fifth longer.
	const options = { workerData: data, transferList, resourceLimits, execArgv: [] };
	if (!SELF.endsWith('.ts')) return new Worker(new URL(SELF), options);
	const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(SELF)}, ${JSON.stringify(SELF)}))`;
	return new Worker(boot, { ...options, eval: true });
}

/**
 * Hands the request to a new worker thread. The bytes' buffer is transferred, not copied, when it
 * holds nothing else: the caller must not read `request.bytes` afterwards.
 */
export function prepareInWorker(
	request: PrepareRequest,
	limits: WorkerLimits = {}
): Promise<PreparedUpload> {
	const { buffer, byteOffset, byteLength } = request.bytes;
	const whole =
		buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
	// Named here, so that what a worker staged can be removed if it dies without a word (out of
	// memory, say): its own clean-up never runs then.
	const stem = request.stem ?? newStem(request.stagingDir);
	const worker = spawn(
		{ task: TASK, request: { ...request, stem } },
		whole ? [buffer] : [],
		limits
	);
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (error: Error) => {
			// Once a reply came, the staged files are the caller's.
			if (settled) return;
			settled = true;
			const { records, original } = stagedFiles(stem);
			try {
				discardStaged(records, original);
			} catch {
				// The staging folder itself is unusable; the start-up sweep clears what remains.
			}
			reject(error);
		};
		worker.once('message', (reply: Reply) => {
			if (reply.ok) {
				settled = true;
				resolve(reply.prepared);
			} else fail(new Error(reply.message));
		});
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`The upload worker stopped (exit code ${code})`)));
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
