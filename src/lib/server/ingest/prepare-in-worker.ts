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
import {
	isMainThread,
	parentPort,
	Worker,
	workerData,
	type MessagePort
} from 'node:worker_threads';
import { createRegionResolver } from '$lib/regions/resolve-region';
import {
	discardStaged,
	newStem,
	prepareUpload,
	stagedFiles,
	type PartRequest,
	type PrepareRequest,
	type PreparedUpload,
	type StagePartElsewhere
} from './prepare-upload';
import { stagePlainPart, type PlainPart, type PlainUnsure } from './stage-plain-file';

const TASK = 'koperasi:prepare-upload';
/** The second half of a large clean file, started by the upload's own worker (see stagePlain). */
const PART_TASK = 'koperasi:stage-plain-part';
const SELF = import.meta.url;

type TaskData =
	{ task: typeof TASK; request: PrepareRequest } | { task: typeof PART_TASK; part: PartRequest };

type PartReply = PlainPart | PlainUnsure;

/** From the upload's worker: a request for a helper (see stagePlain), then one reply. */
type Reply =
	| { ok: true; prepared: PreparedUpload }
	| { ok: false; message: string }
	| { part: PartRequest }
	| { cancelPart: true };

/** To the upload's worker: what its helper answered. */
type HelperReply = { partReply: PartReply } | { partError: string };

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
		// The second half of a large file is staged by a helper this thread starts, because a
		// worker started from a worker cannot boot through tsx (tests, the CLI tools).
		let helper: Worker | null = null;
		const stopHelper = () => void helper?.terminate();
		const fail = (error: Error) => {
			// Once a reply came, the staged files are the caller's.
			if (settled) return;
			settled = true;
			const { records, secondHalf, original, report } = stagedFiles(stem);
			const discard = () => {
				try {
					discardStaged(records, secondHalf, original, report);
				} catch {
					// The staging folder itself is unusable; the start-up sweep clears what remains.
				}
			};
			// A helper still running could write its half after the clean-up: stop it first.
			const running = helper;
			if (running && running.threadId !== -1) {
				running.once('exit', discard);
				void running.terminate();
			} else discard();
			reject(error);
		};
		worker.on('message', (reply: Reply) => {
			if ('part' in reply) {
				helper = startHelper(reply.part, (answer, transfer) =>
					worker.postMessage(answer satisfies HelperReply, transfer)
				);
			} else if ('cancelPart' in reply) stopHelper();
			else if (reply.ok) {
				settled = true;
				resolve(reply.prepared);
			} else fail(new Error(reply.message));
		});
		worker.once('exit', stopHelper);
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`The upload worker stopped (exit code ${code})`)));
	});
}

/** A helper thread for the second half; its one answer (or its failure) goes to `answer`. */
function startHelper(
	part: PartRequest,
	answer: (reply: HelperReply, transfer: ArrayBuffer[]) => void
): Worker {
	const helper = spawn({ task: PART_TASK, part }, [part.bytes.buffer as ArrayBuffer], {});
	let answered = false;
	const once = (reply: HelperReply, transfer: ArrayBuffer[] = []) => {
		if (answered) return;
		answered = true;
		answer(reply, transfer);
	};
	helper.once('message', (reply: PartReply) =>
		once(
			{ partReply: reply },
			reply.kind === 'staged'
				? [reply.keys.buffer as ArrayBuffer, reply.grains.buffer as ArrayBuffer]
				: []
		)
	);
	helper.once('error', (error) => once({ partError: error.message }));
	helper.once('exit', (code) => once({ partError: `stopped (exit code ${code})` }));
	return helper;
}

/** In the upload's worker: the second half goes to a helper, through the thread that started us. */
function stagePartThroughParent(port: MessagePort): StagePartElsewhere {
	return (part) => {
		const result = new Promise<PartReply>((resolve, reject) => {
			port.once('message', (reply: HelperReply) =>
				'partReply' in reply ? resolve(reply.partReply) : reject(new Error(reply.partError))
			);
		});
		port.postMessage({ part } satisfies Reply, [part.bytes.buffer as ArrayBuffer]);
		return { result, cancel: () => port.postMessage({ cancelPart: true } satisfies Reply) };
	};
}

const task = isMainThread ? null : (workerData as TaskData | null);
if (task?.task === TASK && parentPort) {
	const port = parentPort;
	prepareUpload(task.request, stagePartThroughParent(port)).then(
		(prepared) => port.postMessage({ ok: true, prepared } satisfies Reply),
		(error: unknown) =>
			port.postMessage({
				ok: false,
				message: error instanceof Error ? error.message : String(error)
			} satisfies Reply)
	);
}
if (task?.task === PART_TASK && parentPort) {
	const { part } = task;
	const reply = stagePlainPart(
		part.bytes,
		{
			kind: part.kind,
			regions: part.regions,
			resolveRegion: createRegionResolver(part.regions),
			conventions: part.conventions,
			reading: part.reading
		},
		part.file,
		part.lineOffset
	);
	const transfer = reply.kind === 'staged' ? [reply.keys.buffer, reply.grains.buffer] : [];
	parentPort.postMessage(reply satisfies PartReply, transfer as ArrayBuffer[]);
}
