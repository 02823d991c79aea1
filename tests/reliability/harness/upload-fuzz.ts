import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { runUploadFuzz } from '../support/fuzz';
import { seedFromEnv } from '../support/random';
import { seedDatabase, startServer, tempDir } from '../support/server';
import { withReadOnly } from '../support/inspect';

const ITERATIONS = Number(process.env.RELIABILITY_FUZZ_ITERATIONS ?? 500);

test.describe('hostile uploads', () => {
	test(`${ITERATIONS} mutated files: only deliberate answers, the server stays up, nothing is stored`, async () => {
		const testInfo = test.info();
		test.setTimeout(60_000 + ITERATIONS * 100);
		const dir = tempDir('fuzz');
		const db = seedDatabase(dir, { accounts: ['analis:analyst'] });
		const count = () =>
			withReadOnly(
				db.databasePath,
				async (c) =>
					(
						await c.runAndReadAll(
							`SELECT (SELECT count(*) FROM versi_data)::INTEGER, (SELECT count(*) FROM koperasi)::INTEGER`
						)
					).getRowsJS()[0]
			);
		const before = await count();
		const server = await startServer({ databasePath: db.databasePath });
		try {
			const summary = await runUploadFuzz({
				server,
				token: db.accounts.analis!.token,
				iterations: ITERATIONS,
				randomSeed: seedFromEnv()
			});
			console.log(`[fuzz] ${JSON.stringify(summary)}`);
			await testInfo.attach('fuzz-summary.json', { body: JSON.stringify(summary, null, 2) });
			expect(summary.failures).toEqual([]);
			expect(server.child.exitCode).toBeNull();
			expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
			// Not every mutation may be refused: the fuzzer must also reach the stage that plans a write.
			expect(summary.statuses['200'] ?? 0).toBeGreaterThan(0);
		} finally {
			await server.stop();
		}
		expect(await count()).toEqual(before);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
