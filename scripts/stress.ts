/**
 * The long versions of the reliability harnesses, against the built server (`npm run stress`
 * builds first). Prints one summary; exits non-zero if any check failed.
 *   npm run stress -- [--crash 2000] [--fuzz 20000] [--soak-minutes 30] [--readers 50] [--seed N]
 *                     [--wal-scan 1]   (0 skips the scan of every WAL byte offset)
 * Each part runs on a database of its own in the system's temp folder, one part at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup } from '$lib/server/backup/restore-backup';
import { runCrashIterations, type CrashSummary } from '../tests/reliability/support/crash';
import { runUploadFuzz, type FuzzSummary } from '../tests/reliability/support/fuzz';
import { runLoad, type LoadSummary } from '../tests/reliability/support/load';
import { seedDatabase, startServer, tempDir } from '../tests/reliability/support/server';
import {
	makeWalFixture,
	scanDamagedWal,
	type ScanResult
} from '../tests/reliability/support/wal-scan';

function option(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
	return value;
}

const settings = {
	crash: option('crash', 2000),
	fuzz: option('fuzz', 20000),
	soakMinutes: option('soak-minutes', 30),
	readers: option('readers', 50),
	seed: option('seed', Math.floor(Math.random() * 2 ** 31)),
	walScan: option('wal-scan', 1)
};
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const failures: string[] = [];
function check(ok: boolean, what: string) {
	if (!ok) failures.push(what);
	log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

async function crash(): Promise<CrashSummary | null> {
	if (!settings.crash) return null;
	const dir = tempDir('stress-crash');
	try {
		const summary = await runCrashIterations({
			seed: seedDatabase(dir, { accounts: ['analis:analyst'] }),
			iterations: settings.crash,
			regions: 100,
			perRegionYear: 25,
			randomSeed: settings.seed,
			log: (line) => log(`crash ${line}`)
		});
		check(true, `crash: ${settings.crash} SIGKILLs, every upload and undo all or nothing`);
		check(
			summary.orphanUploadFiles === 0,
			`crash: ${summary.orphanUploadFiles} files in the uploads folder belong to no version`
		);
		return summary;
	} catch (error) {
		check(false, `crash: ${(error as Error).message}`);
		return null;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function fuzz(): Promise<FuzzSummary | null> {
	if (!settings.fuzz) return null;
	const dir = tempDir('stress-fuzz');
	const db = seedDatabase(dir, { accounts: ['analis:analyst'] });
	const server = await startServer({ databasePath: db.databasePath });
	try {
		const summary = await runUploadFuzz({
			server,
			token: db.accounts.analis!.token,
			iterations: settings.fuzz,
			randomSeed: settings.seed,
			log: (line) => log(line)
		});
		check(
			summary.failures.length === 0,
			`fuzz: ${settings.fuzz} hostile uploads, no 5xx or internals`
		);
		for (const failure of summary.failures.slice(0, 5)) log(`     ${failure}`);
		check(server.child.exitCode === null, 'fuzz: the server is still running');
		return summary;
	} finally {
		await server.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Every byte offset of a small WAL holding a committed upload, flipped, then a start. */
async function walScan(): Promise<(ScanResult & { walBytes: number }) | null> {
	if (!settings.walScan) return null;
	const dir = tempDir('stress-walscan');
	try {
		const fixture = await makeWalFixture(dir);
		const offsets = Array.from({ length: fixture.walBytes }, (_, i) => i);
		const result = await scanDamagedWal(fixture, offsets, log);
		check(
			result.lost.length === 0,
			`wal scan: ${result.offsets} offsets of a ${fixture.walBytes}-byte WAL, ${result.lost.length} starts without the committed upload${result.lost.length ? ` (${result.lost.slice(0, 20).join(', ')})` : ''}`
		);
		check(
			result.touched.length === 0,
			`wal scan: ${result.refused} refusals, ${result.touched.length} of them changed a file`
		);
		return { ...result, walBytes: fixture.walBytes };
	} catch (error) {
		check(false, `wal scan: ${(error as Error).message}`);
		return null;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

interface SoakSummary extends LoadSummary {
	backups: { made: number; failed: number; restoredRows: number };
}

async function soak(): Promise<SoakSummary | null> {
	if (!settings.soakMinutes) return null;
	const dir = tempDir('stress-soak');
	const db = seedDatabase(dir, { accounts: ['admin:admin', 'analis:analyst'] });
	const server = await startServer({ databasePath: db.databasePath });
	const durationMs = settings.soakMinutes * 60_000;
	const backups = { made: 0, failed: 0, restoredRows: 0, last: '' };
	let running = true;
	// A backup every minute while the readers and the uploads go on.
	const backupLoop = (async () => {
		while (running) {
			await new Promise((r) => setTimeout(r, 60_000));
			if (!running) break;
			const response = await fetch(`${server.url}/api/admin/backup`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${db.accounts.admin!.token}` }
			}).catch(() => null);
			if (response?.status === 201) {
				backups.made++;
				const { name } = (await response.json()) as { name: string };
				backups.last = path.join(path.dirname(db.databasePath), 'backups', name);
			} else backups.failed++;
		}
	})();
	try {
		const summary = await runLoad({
			server,
			token: db.accounts.analis!.token,
			readers: settings.readers,
			durationMs,
			warmupMs: 60_000,
			uploadPauseMs: 1000,
			randomSeed: settings.seed,
			log: (line) => log(`soak ${line}`)
		});
		running = false;
		await backupLoop;
		check(summary.errors === 0, `soak: ${summary.requests} requests, ${summary.errors} errors`);
		for (const sample of summary.errorSamples.slice(0, 5)) log(`     ${sample}`);
		check(
			summary.slowestReader.longestWaitMs < 30_000,
			`soak: longest wait of any reader ${summary.slowestReader.longestWaitMs} ms (< 30 s)`
		);
		check(
			summary.rssMiB.end < summary.rssMiB.start * 1.1,
			`soak: RSS ${summary.rssMiB.start} → ${summary.rssMiB.end} MiB (first vs last third, < +10 %)`
		);
		check(backups.failed === 0 && backups.made > 0, `soak: ${backups.made} backups under load`);
		if (backups.last) {
			const restored = await restoreBackup({
				backupDir: backups.last,
				databasePath: path.join(dir, 'restored', 'koperasi.duckdb')
			});
			backups.restoredRows = restored.rows;
			check(true, `soak: the last backup restores (${restored.rows} rows match its manifest)`);
		}
		return { ...summary, backups };
	} catch (error) {
		check(false, `soak: ${(error as Error).message}`);
		return null;
	} finally {
		running = false;
		await server.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	log(`stress ${JSON.stringify(settings)}`);
	const began = performance.now();
	const results = {
		settings,
		walScan: await walScan(),
		crash: await crash(),
		fuzz: await fuzz(),
		soak: await soak()
	};
	const minutes = ((performance.now() - began) / 60_000).toFixed(1);
	fs.mkdirSync('test-results', { recursive: true });
	const { soak: soakResult } = results;
	fs.writeFileSync('test-results/stress-summary.json', JSON.stringify(results, null, 2));
	console.log(`\n=== Stress summary (${minutes} min, seed ${settings.seed}) ===`);
	if (results.crash) {
		const c = results.crash;
		console.log(
			`Crash:  ${c.iterations} SIGKILLs (${c.killsInFlight} mid-request), ${c.rowsPerUpload} rows per upload; ` +
				`uploads ${c.uploads.committed}/${c.uploads.sent} committed (${c.uploads.acknowledged} acknowledged), ` +
				`undos ${c.undos.committed}/${c.undos.sent}; restart p50 ${c.restartMs.p50} ms, max ${c.restartMs.max} ms; ` +
				`${c.walReplays} restarts replayed a WAL (largest ${c.largestWalKiB} KiB); ${c.orphanUploadFiles} orphan upload files (${c.setAsideUploadFiles} set aside at start-up)`
		);
	}
	if (results.walScan) {
		const w = results.walScan;
		console.log(
			`WAL:    ${w.offsets} offsets of a ${w.walBytes}-byte WAL flipped: ${w.refused} starts refused, ${w.kept} kept the upload, ${w.lost.length} lost it`
		);
	}
	if (results.fuzz)
		console.log(
			`Fuzz:   ${results.fuzz.iterations} uploads, statuses ${JSON.stringify(results.fuzz.statuses)}, ${results.fuzz.failures.length} failures`
		);
	if (soakResult)
		console.log(
			`Soak:   ${settings.readers} readers × ${soakResult.seconds / 60} min: ${soakResult.requests} requests (${soakResult.rps} rps), ` +
				`${soakResult.errors} errors; latency p50 ${soakResult.latencyMs.p50} / p95 ${soakResult.latencyMs.p95} / ` +
				`p99 ${soakResult.latencyMs.p99} / max ${soakResult.latencyMs.max} ms; uploads ${soakResult.uploads.done} + undos ${soakResult.uploads.undone} ` +
				`(p50 ${soakResult.uploads.p50Ms} ms); backups ${soakResult.backups.made}; RSS ${soakResult.rssMiB.start} → ${soakResult.rssMiB.end} MiB (max ${soakResult.rssMiB.max})`
		);
	console.log(failures.length ? `FAILED: ${failures.join('; ')}` : 'All checks passed.');
	console.log('Details: test-results/stress-summary.json');
	process.exitCode = failures.length ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
