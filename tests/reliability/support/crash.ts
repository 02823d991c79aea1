/**
 * Crash consistency: the real server is started on a database, an upload or an undo is sent, and
 * the process is killed with SIGKILL after a random delay. Then, before the server starts again:
 *
 * - the file opens (read-only, WAL replayed in memory);
 * - each harness upload is wholly present (row count and value digest equal the file's) or wholly
 *   absent, and an undo is wholly done or not at all;
 * - the history (versi_data) and the data agree: the rows readers see are exactly the newest live
 *   upload's; no row belongs to an unknown version; nothing outside the harness regions changed;
 * - an answer the client received (201/200) was durable.
 *
 * The next iteration's start is the server's own recovery, and its /api/datasets must agree too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cooperativeFile, emptyRegions, revert, upload, type UploadFile } from './files';
import { inspect, type Inspection } from './inspect';
import { percentile, random } from './random';
import { startServer, type RunningServer, type SeededDatabase } from './server';

export interface CrashOptions {
	seed: SeededDatabase;
	iterations: number;
	/** Regions × 8 years × this many cooperatives = rows per upload. */
	regions: number;
	perRegionYear: number;
	randomSeed: number;
	log?: (line: string) => void;
}

export interface CrashSummary {
	iterations: number;
	seed: number;
	rowsPerUpload: number;
	uploads: { sent: number; committed: number; acknowledged: number };
	undos: { sent: number; committed: number; acknowledged: number };
	/** Kills that landed while the request was in flight (the rest hit an idle server). */
	killsInFlight: number;
	uploadMs: number;
	restartMs: { p50: number; max: number };
	/** Restarts that found a WAL to replay, and the largest one. */
	walReplays: number;
	largestWalKiB: number;
	/** Files in the uploads folder that no version names (must be 0). */
	orphanUploadFiles: number;
	/** Originals of uploads killed before their commit, moved aside at the next start. */
	setAsideUploadFiles: number;
}

const TAG = 'crash-';

interface Live {
	k: number;
	id: number;
}

interface Op {
	type: 'upload' | 'undo';
	k: number;
	id?: number;
}

function fail(message: string, i: number, seed: number, state: unknown): never {
	throw new Error(
		`Crash iteration ${i} (seed ${seed}): ${message}\n${JSON.stringify(state, null, 1)}`
	);
}

/** Checks one inspection against the two states the operation allows; returns which one holds. */
function check(
	found: Inspection,
	before: Live[],
	op: Op,
	files: Map<number, UploadFile>,
	untouched: string,
	fault: (message: string) => never
): { committed: boolean; live: Live[] } {
	const harness = found.versions;
	let committed: boolean;
	let live: Live[];
	if (op.type === 'upload') {
		const mine = harness.filter((v) => v.tag === `${TAG}${op.k}`);
		if (mine.length > 1) fault(`upload ${op.k} stored twice`);
		committed = mine.length === 1;
		live = committed ? [...before, { k: op.k, id: mine[0]!.id }] : before;
		if (committed && mine[0]!.reverted) fault(`upload ${op.k} is marked undone`);
	} else {
		const target = harness.find((v) => v.id === op.id);
		if (!target) fault(`version ${op.id} vanished from the history`);
		committed = target.reverted;
		live = committed ? before.slice(0, -1) : before;
	}

	const liveIds = harness.filter((v) => !v.reverted).map((v) => v.id);
	if (JSON.stringify(liveIds) !== JSON.stringify(live.map((l) => l.id)))
		fault(`live versions ${liveIds} but expected ${live.map((l) => l.id)}`);
	for (const v of harness) {
		if (v.reverted) {
			if (v.actualRows !== 0 || v.replacedRows !== 0)
				fault(`undone version ${v.id} still has ${v.actualRows} rows / ${v.replacedRows} marks`);
			continue;
		}
		const file = files.get(Number(v.tag.slice(TAG.length)))!;
		if (v.rows !== file.rows || v.actualRows !== file.rows)
			fault(
				`version ${v.id}: history says ${v.rows} rows, table has ${v.actualRows}, file ${file.rows}`
			);
		if (v.digest !== file.digest) fault(`version ${v.id}: values differ from its file`);
	}
	const top = live.at(-1);
	const expected = top ? files.get(top.k)! : null;
	if (found.live.rows !== (expected?.rows ?? 0))
		fault(`readers see ${found.live.rows} rows, expected ${expected?.rows ?? 0}`);
	if (expected && found.live.digest !== expected.digest) fault(`readers see other values`);
	if (top && JSON.stringify(found.live.versions) !== JSON.stringify([top.id]))
		fault(`readers see versions ${found.live.versions}, expected only ${top.id}`);
	for (let i = 0; i + 1 < live.length; i++) {
		const replaced = harness.find((v) => v.id === live[i + 1]!.id)!.replacedRows;
		if (replaced !== files.get(live[i]!.k)!.rows)
			fault(`version ${live[i + 1]!.id} retired ${replaced} rows of ${live[i]!.id}`);
	}
	if (found.orphans !== 0) fault(`${found.orphans} rows belong to no version`);
	if (found.dangling !== 0) fault(`${found.dangling} rows are marked replaced by no live version`);
	if (found.untouched !== untouched) fault(`rows outside the harness regions changed`);
	return { committed, live };
}

export async function runCrashIterations(options: CrashOptions): Promise<CrashSummary> {
	const { seed: db, iterations } = options;
	const rng = random(options.randomSeed);
	const log = options.log ?? (() => {});
	const token = db.accounts.analis!.token;
	const regions = emptyRegions(options.regions);
	const files = new Map<number, UploadFile>();
	const fileFor = (k: number) => {
		if (!files.has(k))
			files.set(
				k,
				cooperativeFile({ regions, perRegionYear: options.perRegionYear, k, tag: `${TAG}${k}` })
			);
		return files.get(k)!;
	};
	const uploadsDir = path.join(db.dir, 'uploads');
	const summary: CrashSummary = {
		iterations,
		seed: options.randomSeed,
		rowsPerUpload: fileFor(0).rows,
		uploads: { sent: 0, committed: 0, acknowledged: 0 },
		undos: { sent: 0, committed: 0, acknowledged: 0 },
		killsInFlight: 0,
		uploadMs: 0,
		restartMs: { p50: 0, max: 0 },
		walReplays: 0,
		largestWalKiB: 0,
		orphanUploadFiles: 0,
		setAsideUploadFiles: 0
	};
	const restarts: number[] = [];
	const start = async () => {
		const began = performance.now();
		const server = await startServer({ databasePath: db.databasePath });
		restarts.push(performance.now() - began);
		return server;
	};

	// Calibration: one upload and one undo without a kill, to learn how long each takes.
	let server: RunningServer = await start();
	const untouched = (await server.stop(), await inspect(db.databasePath, regions, TAG)).untouched;
	server = await start();
	let began = performance.now();
	const first = await upload(server.url, token, { csv: fileFor(0).csv }, { source: `${TAG}0` });
	let uploadMs = performance.now() - began;
	if (first.status !== 201)
		throw new Error(`Calibration upload: ${first.status} ${await first.text()}`);
	const firstId = ((await first.json()) as { version: { id: number } }).version.id;
	began = performance.now();
	const undone = await revert(server.url, token, firstId);
	let undoMs = performance.now() - began;
	if (undone.status !== 200) throw new Error(`Calibration undo: ${undone.status}`);
	summary.uploadMs = Math.round(uploadMs);
	log(
		`calibration: upload of ${fileFor(0).rows} rows ${Math.round(uploadMs)} ms, undo ${Math.round(undoMs)} ms`
	);

	let live: Live[] = [];
	let k = 1;
	for (let i = 0; i < iterations; i++) {
		const op: Op =
			live.length === 0 || rng.next() < 0.55
				? { type: 'upload', k: k++ }
				: { type: 'undo', k: live.at(-1)!.k, id: live.at(-1)!.id };
		// A restarted server answers more slowly than a warm one: the span is learnt from the
		// iterations that wait for the answer. A third of the kills land anywhere in the request, a
		// third around its end (the commit), a third just after the answer (durability).
		const span = op.type === 'upload' ? uploadMs : undoMs;
		const mode = rng.int(0, 2);
		const delay =
			mode === 0 ? rng.next() * span : mode === 1 ? span * (0.7 + rng.next() * 0.5) : Infinity;
		const sent = performance.now();
		let answered: number | null = null;
		const controller = new AbortController();
		const request = (
			op.type === 'upload'
				? upload(
						server.url,
						token,
						{ csv: fileFor(op.k).csv },
						{ source: `${TAG}${op.k}` },
						controller.signal
					)
				: revert(server.url, token, op.id!, controller.signal)
		).then(
			(response) => {
				answered = response.status;
			},
			() => {}
		);
		const counts = op.type === 'upload' ? summary.uploads : summary.undos;
		counts.sent++;
		if (delay === Infinity) {
			await request;
			const took = performance.now() - sent;
			if (op.type === 'upload') uploadMs = 0.5 * uploadMs + 0.5 * took;
			else undoMs = 0.5 * undoMs + 0.5 * took;
			await new Promise((r) => setTimeout(r, rng.next() * 20));
		} else await new Promise((r) => setTimeout(r, delay));
		if (answered === null) summary.killsInFlight++;
		await server.kill();
		controller.abort();
		await request;

		const wal = `${db.databasePath}.wal`;
		const walBytes = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
		if (walBytes > 0) summary.walReplays++;
		summary.largestWalKiB = Math.max(summary.largestWalKiB, Math.round(walBytes / 1024));
		const state = { op, before: live, answered, delay: Math.round(delay), mode, walBytes };
		const fault = (message: string): never => fail(message, i, options.randomSeed, state);
		const found: Inspection = await inspect(db.databasePath, regions, TAG).catch((error: Error) =>
			fault(`the database does not open after the kill: ${error.message}`)
		);
		const verdict = check(found, live, op, files, untouched, fault);
		if (answered !== null && answered >= 200 && answered < 300 && !verdict.committed)
			fault(`the client got ${answered} but the change is gone`);
		if (verdict.committed) counts.committed++;
		if (answered !== null && answered < 300) counts.acknowledged++;
		live = verdict.live;

		server = await start();
		// As the analyst: source notes are not shown to anonymous readers.
		const history = (await (
			await fetch(`${server.url}/api/datasets`, {
				headers: { Authorization: `Bearer ${token}` }
			})
		).json()) as {
			versions: { id: number; source: string | null; reverted_at: string | null }[];
		};
		const apiLive = history.versions
			.filter((v) => v.source?.startsWith(TAG) && !v.reverted_at)
			.map((v) => v.id)
			.sort((a, b) => a - b);
		if (JSON.stringify(apiLive) !== JSON.stringify(live.map((l) => l.id)))
			fault(`after restart the API lists live versions ${apiLive}`);
		if ((i + 1) % 10 === 0 || i + 1 === iterations)
			log(
				`${i + 1}/${iterations}: uploads ${summary.uploads.committed}/${summary.uploads.sent} committed, undos ${summary.undos.committed}/${summary.undos.sent}`
			);
	}
	await server.stop();

	const final = await inspect(db.databasePath, regions, TAG);
	const stored = new Set(final.versions.map((v) => v.storedFile));
	for (const v of final.versions.filter((v) => v.storedFile)) {
		const file = path.join(uploadsDir, v.storedFile!);
		const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
		if (hash !== v.sha256) throw new Error(`${file} does not hash to version ${v.id}'s sha256`);
	}
	// Start-up moves originals of versions that never committed into .unreferenced/; the server
	// was started after the last kill, so none may be left beside the stored ones.
	const filesIn = (dir: string) =>
		fs.existsSync(dir)
			? fs
					.readdirSync(dir, { withFileTypes: true })
					.filter((e) => e.isFile())
					.map((e) => e.name)
			: [];
	summary.orphanUploadFiles = filesIn(uploadsDir).filter((f) => !stored.has(f)).length;
	summary.setAsideUploadFiles = filesIn(path.join(uploadsDir, '.unreferenced')).length;
	summary.restartMs = {
		p50: Math.round(percentile(restarts, 50)),
		max: Math.round(Math.max(...restarts))
	};
	return summary;
}
