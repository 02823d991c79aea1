/// <reference lib="webworker" />
/**
 * Reads, decodes, parses and checks an upload off the main thread, so a 50 MB file never freezes
 * the page. The parsed file stays here between requests: changing a choice only re-checks it.
 */
import { decodeText, type TextEncoding } from '$lib/csv/decode-text';
import { parseCsv, type ParsedCsv } from '$lib/csv/parse-csv';
import type { Problem } from '$lib/csv/problem';
import { createRegionResolver, type RegionResolver } from '$lib/regions/resolve-region';
import { analyse } from './analyse';
import { problemsCsvWriter } from './problems-csv';
import type { Choices, Phase, WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Problems kept in full between requests; beyond them they are counted and grouped. The
 * "download all" file checks the file again and writes each problem as it comes.
 */
const MAX_PROBLEMS = 1000;
const SHOWN_PROBLEMS = 20;

interface Loaded {
	file: File;
	text: string;
	encoding: TextEncoding;
	csv: ParsedCsv;
	resolveRegion: RegionResolver;
}

let loaded: Loaded | null = null;

function post(message: WorkerResponse) {
	scope.postMessage(message);
}

/** Posts progress at most once per percent, so the page is not flooded. */
function progress(id: number, phase: Phase) {
	let last = -1;
	return (fraction: number) => {
		const percent = Math.floor(fraction * 100);
		if (percent === last) return;
		last = percent;
		post({ type: 'progress', id, phase, fraction });
	};
}

async function readAll(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let offset = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		// A file changed on disk while reading may be longer than announced.
		if (offset + value.length > bytes.length) throw new Error('The file changed while reading');
		bytes.set(value, offset);
		offset += value.length;
		onProgress(bytes.length ? offset / bytes.length : 1);
	}
	return bytes.subarray(0, offset);
}

function analyseWith(
	state: Loaded,
	choices: Choices,
	extra: { onRow?: (done: number, total: number) => void; onProblem?: (p: Problem) => void }
) {
	return analyse(state.csv, {
		kind: choices.kind,
		conventions: choices.conventions,
		choices: choices.columns,
		defaults: choices.defaults,
		periods: choices.periods,
		resolveRegion: state.resolveRegion,
		maxProblems: MAX_PROBLEMS,
		...extra
	});
}

function summarise(id: number, state: Loaded, choices: Choices) {
	const checking = progress(id, 'checking');
	const result = analyseWith(state, choices, { onRow: (done, total) => checking(done / total) });
	const { problems, ...rest } = result;
	post({
		type: 'analysis',
		id,
		summary: {
			...rest,
			fileName: state.file.name,
			fileSize: state.file.size,
			encoding: state.encoding,
			delimiter: state.csv.delimiter,
			header: state.csv.header,
			firstProblems: problems.slice(0, SHOWN_PROBLEMS)
		}
	});
}

async function handle(request: WorkerRequest) {
	switch (request.type) {
		case 'load': {
			const bytes = await readAll(request.file, progress(request.id, 'reading'));
			const decoded = decodeText(bytes);
			if (!decoded.ok) return post({ type: 'refused', id: request.id, reason: 'not-text' });
			const csv = parseCsv(decoded.text, { onProgress: progress(request.id, 'parsing') });
			if (csv.header.length === 0)
				return post({ type: 'refused', id: request.id, reason: 'empty' });
			loaded = {
				file: request.file,
				text: decoded.text,
				encoding: decoded.encoding,
				csv,
				resolveRegion: createRegionResolver(request.regions)
			};
			return summarise(request.id, loaded, request.choices);
		}
		case 'analyse':
			if (!loaded) throw new Error('No file is loaded');
			return summarise(request.id, loaded, request.choices);
		case 'problems-csv': {
			if (!loaded) throw new Error('No file is loaded');
			// Two million problems are never held as objects: each becomes a line as it is found.
			const parts: string[] = [];
			const writer = problemsCsvWriter(request.locale, (text) => parts.push(text));
			analyseWith(loaded, request.choices, { onProblem: (p) => writer.write(p) });
			writer.end();
			return post({ type: 'problems-csv', id: request.id, text: parts.join('') });
		}
		case 'file-to-send': {
			if (!loaded) throw new Error('No file is loaded');
			return post({ type: 'file-to-send', id: request.id, file: loaded.file });
		}
	}
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	queue = queue.then(() =>
		handle(request).catch((error: unknown) => {
			post({
				type: 'failed',
				id: request.id,
				message: error instanceof Error ? error.message : String(error)
			});
		})
	);
};
