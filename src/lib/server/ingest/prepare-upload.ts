/**
 * The CPU-heavy half of an upload, without the database: decode, parse and validate the file
 * with the same modules as the browser, then stage what will be stored. A plainly clean file is
 * staged in one pass over its bytes instead (stage-plain-file.ts); anything else, and every
 * problem, goes the full way. Runs in a worker thread (prepare-in-worker.ts), so it takes plain
 * data in and gives plain data out.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATASETS, type DatasetKind, type FactId } from '$lib/catalogue/datasets';
import { decodeText, type TextEncoding } from '$lib/csv/decode-text';
import { parseCsv, type Delimiter } from '$lib/csv/parse-csv';
import type { NumberConvention } from '$lib/csv/parse-number';
import type { Problem, ProblemGroup } from '$lib/csv/problem';
import { validateDataset, type ReadingChoices } from '$lib/csv/validate-dataset';
import type { Region } from '$lib/regions/region';
import { createRegionResolver } from '$lib/regions/resolve-region';
import {
	partsAgree,
	splitInTwo,
	stagePlainFile,
	stagePlainPart,
	type PlainFileOptions,
	type PlainPart,
	type PlainStaging,
	type PlainUnsure
} from './stage-plain-file';
import { writeStagedRecords } from './staged-records';
import { problemsCsvWriter } from '$lib/upload/problems-csv';
import { stopwatch } from './stopwatch';

export interface PrepareRequest {
	kind: DatasetKind;
	bytes: Uint8Array;
	conventions?: Record<string, NumberConvention>;
	reading?: ReadingChoices;
	regions: readonly Region[];
	stagingDir: string;
	/** Where the staged files go, without extension (see stagedFiles); a new name if not given. */
	stem?: string;
	/** Also stage the original bytes, to be kept once the upload commits (not for dry runs). */
	keepOriginal: boolean;
	/** Write every problem, in this language, to a report file as it is found (see reportFile). */
	reportLocale?: 'id' | 'en';
}

/** What an upload ends with when the file itself is wrong: nothing was staged or stored. */
export type RefusedFile =
	| { kind: 'not-text' }
	| {
			kind: 'problems';
			problems: Problem[];
			problemCount: number;
			/** Every problem counted by kind and column (when validation saw them all). */
			groups?: ProblemGroup[];
			/** Every problem as CSV, when asked for (reportLocale): the caller's to serve and remove. */
			reportFile?: string;
			encoding: TextEncoding;
			delimiter: Delimiter;
	  };

export type PreparedUpload =
	| RefusedFile
	| {
			kind: 'ready';
			rows: number;
			/** The dataset's facts the file has a column for: what a replace replaces. */
			facts: FactId[];
			sha256: string;
			/** The validated records, for loadStagedRecords: one file, or the plain pass's halves. */
			recordsFiles: string[];
			/** The uploaded bytes as received, when keepOriginal was asked for. */
			originalFile: string | null;
			encoding: TextEncoding;
			delimiter: Delimiter;
			/** Milliseconds per step, for the server log and the benchmark. */
			timings: PrepareTimings;
	  };

type ReadyUpload = Extract<PreparedUpload, { kind: 'ready' }>;

/**
 * Milliseconds per step, by the way the file went: the full way decodes, parses, validates and
 * stages; the plain way checks the encoding and header, then scans the rows (checking and staging
 * them in the same pass; in `halves` on two threads at once), then writes the rest. `tried` is
 * a plain pass that gave up first.
 */
export type PrepareTimings =
	| { way: 'full'; tried?: number; decode: number; parse: number; validate: number; stage: number }
	| { way: 'plain'; halves: number; decode: number; scan: number; stage: number };

/** Problems a refused upload keeps in full: what the answer shows (see problems-response.ts). */
export const MAX_KEPT_PROBLEMS = 1000;

export const NO_DATA_ROWS: Problem = {
	line: 2,
	column: '',
	value: '',
	message: { id: 'Berkas tidak berisi baris data.', en: 'The file has no data rows.' },
	fix: {
		id: 'Isi minimal satu baris di bawah judul kolom.',
		en: 'Add at least one row below the header.'
	}
};

/** The second half of a large file, for stagePlainPart on another thread. */
export interface PartRequest {
	kind: DatasetKind;
	bytes: Uint8Array;
	conventions?: Record<string, NumberConvention>;
	reading?: ReadingChoices;
	regions: readonly Region[];
	file: string;
	lineOffset: number;
}

/** Stages a part on another thread (prepare-in-worker.ts gives one), or can be stopped. */
export type StagePartElsewhere = (part: PartRequest) => {
	result: Promise<PlainPart | PlainUnsure>;
	cancel(): void;
};

export async function prepareUpload(
	request: PrepareRequest,
	elsewhere?: StagePartElsewhere
): Promise<PreparedUpload> {
	const lap = stopwatch();
	fs.mkdirSync(request.stagingDir, { recursive: true });
	const staged = stagedFiles(request.stem ?? newStem(request.stagingDir));
	const recordsFile = staged.records;
	const originalFile = request.keepOriginal ? staged.original : null;
	// Hashing and copying the original run on libuv's threads while this thread parses.
	// (A worker's bytes arrive in a plain ArrayBuffer, never a SharedArrayBuffer.)
	const digest = crypto.subtle.digest('SHA-256', request.bytes as Uint8Array<ArrayBuffer>);
	const copy = originalFile
		? fs.promises.writeFile(originalFile, request.bytes, { flag: 'wx' })
		: Promise.resolve();
	const settled = Promise.allSettled([digest, copy]);
	let ready = false;
	let reportHandedOver = false;
	/**
	 * The rows are staged: once the original is kept and the hash is done, the upload is ready.
	 * Awaited where it is returned, so that `finally` sees `ready`.
	 */
	const finish = async (
		upload: Pick<ReadyUpload, 'rows' | 'facts' | 'recordsFiles' | 'encoding' | 'delimiter'>,
		timings: () => PrepareTimings
	): Promise<ReadyUpload> => {
		await copy;
		const sha256 = Buffer.from(await digest).toString('hex');
		ready = true;
		return { kind: 'ready', ...upload, sha256, originalFile, timings: timings() };
	};
	const resolveRegion = createRegionResolver(request.regions);
	try {
		const plain = await stagePlain(
			request,
			{
				kind: request.kind,
				regions: request.regions,
				resolveRegion,
				conventions: request.conventions,
				reading: request.reading
			},
			staged,
			elsewhere
		);
		if (plain.kind === 'staged')
			return await finish(
				{
					rows: plain.rows,
					facts: plain.facts,
					recordsFiles: plain.files,
					encoding: plain.encoding,
					delimiter: plain.delimiter
				},
				() => ({ way: 'plain', halves: plain.halves, ...plain.timings })
			);
		const tried = lap();
		const decoded = decodeText(request.bytes);
		if (!decoded.ok) return { kind: 'not-text' };
		const decode = lap();
		const csv = parseCsv(decoded.text);
		const parse = lap();
		const report = request.reportLocale ? openReport(staged.report, request.reportLocale) : null;
		const result = validateDataset(csv, {
			dataset: DATASETS[request.kind],
			resolveRegion,
			// Bounded: a file of millions of problems keeps this many, counts and groups the rest.
			maxProblems: MAX_KEPT_PROBLEMS,
			conventions: request.conventions,
			...request.reading,
			onProblem: report?.write
		});
		report?.end(result.problemCount > 0);
		reportHandedOver = report !== null && result.problemCount > 0;
		const validate = lap();
		const base = { encoding: decoded.encoding, delimiter: csv.delimiter };
		if (result.problemCount > 0)
			return {
				kind: 'problems',
				problems: result.problems,
				problemCount: result.problemCount,
				groups: result.groups,
				...(report ? { reportFile: staged.report } : {}),
				...base
			};
		if (result.records.length === 0)
			return { kind: 'problems', problems: [NO_DATA_ROWS], problemCount: 1, ...base };

		writeStagedRecords(recordsFile, request.kind, result.records);
		return await finish(
			{
				rows: result.records.length,
				facts: factsOfColumns(request.kind, result.columns),
				recordsFiles: [recordsFile],
				...base
			},
			() => ({
				way: 'full',
				tried,
				decode,
				parse,
				validate,
				stage: lap()
			})
		);
	} finally {
		if (!ready) {
			await settled;
			discardStaged(
				recordsFile,
				staged.secondHalf,
				originalFile,
				reportHandedOver ? null : staged.report
			);
		}
	}
}

type PlainOutcome =
	(Extract<PlainStaging, { kind: 'staged' }> & { files: string[]; halves: number }) | PlainUnsure;

/**
 * The plain pass: over the whole file, or, for a large file when another thread is at hand, over
 * its first half here and its second half there, at the same time. Either way nothing is staged
 * unless the whole file is plainly clean.
 */
async function stagePlain(
	request: PrepareRequest,
	options: PlainFileOptions,
	staged: ReturnType<typeof stagedFiles>,
	elsewhere: StagePartElsewhere | undefined
): Promise<PlainOutcome> {
	const halves = elsewhere ? splitInTwo(request.bytes) : null;
	if (!halves) {
		const whole = stagePlainFile(request.bytes, options, staged.records);
		return whole.kind === 'staged' ? { ...whole, files: [staged.records], halves: 1 } : whole;
	}
	const began = performance.now();
	const other = elsewhere!({
		kind: request.kind,
		bytes: halves.second,
		conventions: request.conventions,
		reading: request.reading,
		regions: request.regions,
		file: staged.secondHalf,
		lineOffset: halves.secondLineOffset
	});
	const first = stagePlainPart(halves.first, options, staged.records);
	if (first.kind === 'unsure') other.cancel();
	const second = await other.result.catch((error: unknown) => ({
		kind: 'unsure' as const,
		reason: `second half: ${error instanceof Error ? error.message : String(error)}`
	}));
	if (first.kind === 'unsure' || second.kind === 'unsure' || !partsAgree([first, second])) {
		discardStaged(staged.records, staged.secondHalf);
		return {
			kind: 'unsure',
			reason:
				first.kind === 'unsure'
					? first.reason
					: second.kind === 'unsure'
						? second.reason
						: 'a key may repeat across halves'
		};
	}
	const { decode } = first.timings;
	return {
		kind: 'staged',
		rows: first.rows + second.rows,
		facts: first.facts,
		encoding: first.encoding,
		delimiter: first.delimiter,
		files: [staged.records, staged.secondHalf],
		halves: 2,
		timings: { decode, scan: Math.round(performance.now() - began) - decode, stage: 0 }
	};
}

/** The dataset's facts among the file's mapped columns, in the dataset's order. */
function factsOfColumns(
	kind: DatasetKind,
	columns: readonly { target: string | null }[]
): FactId[] {
	const targets = new Set(columns.map((c) => c.target));
	return DATASETS[kind].facts.filter((f) => targets.has(f.id)).map((f) => f.id as FactId);
}

/** A fresh name for an upload's staged files. */
export function newStem(stagingDir: string): string {
	return path.join(stagingDir, randomUUID());
}

/**
 * The files an upload may stage under `stem`: its validated records (the second half's apart,
 * when the plain pass split a large file) and its original bytes.
 */
export function stagedFiles(stem: string): {
	records: string;
	secondHalf: string;
	original: string;
	report: string;
} {
	return {
		records: `${stem}.records.csv`,
		secondHalf: `${stem}.records-2.csv`,
		original: `${stem}.original.csv`,
		report: `${stem}.problems.csv`
	};
}

/**
 * The full problem report, written as validation finds each problem: a file of two million bad
 * lines costs the disk, not the heap. `end(false)` removes it again (nothing was wrong).
 */
function openReport(file: string, locale: 'id' | 'en') {
	const fd = fs.openSync(file, 'wx');
	let pending = '';
	const writer = problemsCsvWriter(locale, (text) => {
		pending += text;
		if (pending.length >= 1 << 16) {
			fs.writeSync(fd, pending);
			pending = '';
		}
	});
	return {
		write: (p: Problem) => writer.write(p),
		end(keep: boolean) {
			writer.end();
			if (pending) fs.writeSync(fd, pending);
			fs.closeSync(fd);
			if (!keep) fs.rmSync(file, { force: true });
		}
	};
}

export function discardStaged(...files: (string | null)[]): void {
	for (const file of files) if (file) fs.rmSync(file, { force: true });
}
