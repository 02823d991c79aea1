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
import { correctHeader, replaceHeader } from './header-corrections';
import { localiseProblem, problemsCsv } from './problems-csv';
import type { Choices, Phase, WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Problems kept for the "download all" file; the count stays exact beyond it. */
const MAX_PROBLEMS = 100_000;
const SHOWN_PROBLEMS = 20;

interface Loaded {
	file: File;
	text: string;
	encoding: TextEncoding;
	csv: ParsedCsv;
	resolveRegion: RegionResolver;
	problems: Problem[];
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

function summarise(id: number, state: Loaded, choices: Choices) {
	const checking = progress(id, 'checking');
	const result = analyse(state.csv, {
		kind: choices.kind,
		conventions: choices.conventions,
		choices: choices.columns,
		resolveRegion: state.resolveRegion,
		maxProblems: MAX_PROBLEMS,
		onRow: (done, total) => checking(done / total)
	});
	state.problems = result.problems;
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
				resolveRegion: createRegionResolver(request.regions),
				problems: []
			};
			return summarise(request.id, loaded, request.choices);
		}
		case 'analyse':
			if (!loaded) throw new Error('No file is loaded');
			return summarise(request.id, loaded, request.choices);
		case 'problems-csv': {
			if (!loaded) throw new Error('No file is loaded');
			const shown = loaded.problems.map((p) => localiseProblem(p, request.locale));
			return post({
				type: 'problems-csv',
				id: request.id,
				text: problemsCsv(shown, request.locale)
			});
		}
		case 'file-to-send': {
			if (!loaded) throw new Error('No file is loaded');
			const { file, text, encoding, csv } = loaded;
			if (Object.keys(request.choices.columns).length === 0)
				return post({ type: 'file-to-send', id: request.id, file });
			const corrected = replaceHeader(
				text,
				csv.delimiter,
				correctHeader(csv.header, request.choices.columns)
			);
			const body = encoding === 'utf-8-bom' ? '\ufeff' + corrected : corrected;
			const renamed = new File([body], file.name, { type: 'text/csv' });
			return post({ type: 'file-to-send', id: request.id, file: renamed });
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
