/**
 * A damaged WAL must never let the server start without a committed upload. DuckDB cannot tell a
 * damaged entry-size field from a torn tail and opens such a WAL without the upload; the ledger
 * beside the database (src/lib/server/duckdb/ledger.ts) knows it was committed and refuses the
 * start. `npm run stress` scans every byte offset; this is the sample `npm test` runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '$lib/server/duckdb/database';
import { ledgerPathOf, readLedger, reconcileLedger } from '$lib/server/duckdb/ledger';
import { revertVersion } from '$lib/server/ingest/versions';
import {
	makeWalFixture,
	scanDamagedWal,
	startWithFlippedByte,
	type WalFixture
} from './support/wal-scan';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-ledger-'));
let fixture: WalFixture;

beforeAll(async () => {
	fixture = await makeWalFixture(root);
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Offsets the probe found losing the upload, and a spread over the rest of the WAL. */
function sampleOffsets(size: number): number[] {
	const spread = range(0, 23).map((i) => Math.floor(((i + 0.5) * size) / 24));
	return [...new Set([...range(9, 15), ...range(55, 61), ...range(94, 100), 452, ...spread])]
		.filter((o) => o < size)
		.sort((a, b) => a - b);
}

function copyOf(name: string): string {
	const dir = path.join(root, name);
	fs.cpSync(fixture.dir, dir, { recursive: true });
	return path.join(dir, 'k.duckdb');
}

const open = (file: string) =>
	openDatabase({ path: file, threads: 1, memoryLimit: '256MB', maxConcurrent: 1 });

describe('a committed upload whose only copy is the WAL', () => {
	it('is there after an undamaged start', async () => {
		expect(fixture.walBytes).toBeGreaterThan(0);
		expect((await startWithFlippedByte(fixture, -1)).outcome).toBe('kept');
	});

	it('is never missing from a start on a WAL with one byte flipped (a sample of offsets); refusals change no file', async () => {
		const offsets = sampleOffsets(fixture.walBytes);
		const result = await scanDamagedWal(fixture, offsets);
		expect(result.offsets).toBe(offsets.length);
		expect(result.lost, 'offsets whose start lost the upload').toEqual([]);
		expect(result.touched, 'offsets whose refusal changed a file').toEqual([]);
		expect(result.refused + result.kept).toBe(offsets.length);
	}, 300_000);

	it('is refused by the ledger, with the restore command, where DuckDB alone would drop it', async () => {
		let ledgerRefusal = '';
		for (const offset of sampleOffsets(fixture.walBytes)) {
			const { outcome, message } = await startWithFlippedByte(fixture, offset);
			if (outcome === 'refused' && message.includes('records committed data the database lacks')) {
				ledgerRefusal = message;
				break;
			}
		}
		expect(ledgerRefusal).toContain(`version ${fixture.version} (koperasi, append, 2 rows)`);
		expect(ledgerRefusal).toContain('.wal is damaged');
		expect(ledgerRefusal).toContain('Nothing was deleted or repaired');
		expect(ledgerRefusal).toContain('npm run restore -- ');
	}, 300_000);
});

describe('the ledger at start-up', () => {
	it('does not count an undone version as lost: the undo is recorded too', async () => {
		const file = copyOf('undo');
		let db = await open(file);
		const outcome = await db.withConnection((c) =>
			revertVersion(c, fixture.version, db.ledgerPath)
		);
		expect(outcome.kind).toBe('reverted');
		db.close();
		expect(readLedger(ledgerPathOf(file)).expected.get(fixture.version)?.reverted).toBe(true);
		db = await open(file);
		db.close();
	});

	it('records a commit or an undo the process died before recording, instead of refusing', async () => {
		const file = copyOf('unrecorded');
		const ledger = ledgerPathOf(file);
		const lines = fs.readFileSync(ledger, 'utf8').trimEnd().split('\n');
		// The upload's line, torn halfway by a crash: as if it had never been written.
		fs.writeFileSync(ledger, `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 20)}`);
		expect(readLedger(ledger).expected.has(fixture.version)).toBe(false);
		let db = await open(file);
		await db.withConnection(async (c) => {
			await reconcileLedger(c, ledger);
			// An undo committed without its ledger line.
			await revertVersion(c, fixture.version, null);
			await reconcileLedger(c, ledger);
		});
		db.close();
		expect(readLedger(ledger).expected.get(fixture.version)).toMatchObject({
			kind: 'koperasi',
			rows: 2,
			reverted: true
		});
		db = await open(file);
		db.close();
	});

	it('refuses a ledger of committed versions without its database file, deleting nothing', async () => {
		const file = copyOf('no-database');
		fs.rmSync(file);
		fs.rmSync(`${file}.wal`);
		const before = fs.readFileSync(ledgerPathOf(file));
		const error = await open(file).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DatabaseOpenError);
		expect((error as Error).message).toContain('the database file is missing');
		expect(fs.existsSync(file)).toBe(false);
		expect(fs.readFileSync(ledgerPathOf(file))).toEqual(before);
	});
});
