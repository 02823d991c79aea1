import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { runCrashIterations } from '../support/crash';
import { seedFromEnv } from '../support/random';
import { seedDatabase, tempDir } from '../support/server';

const ITERATIONS = Number(process.env.RELIABILITY_CRASH_ITERATIONS ?? 20);

test.describe('crash consistency', () => {
	test(`SIGKILL at random moments of ${ITERATIONS} uploads and undos: every change is all or nothing`, async () => {
		const testInfo = test.info();
		test.setTimeout(60_000 + ITERATIONS * 5_000);
		const dir = tempDir('crash');
		try {
			const summary = await runCrashIterations({
				seed: seedDatabase(dir, { accounts: ['analis:analyst'] }),
				iterations: ITERATIONS,
				regions: 50,
				perRegionYear: 25,
				randomSeed: seedFromEnv(),
				log: (line) => console.log(`[crash] ${line}`)
			});
			console.log(`[crash] ${JSON.stringify(summary)}`);
			await testInfo.attach('crash-summary.json', { body: JSON.stringify(summary, null, 2) });
			expect(summary.uploads.sent + summary.undos.sent).toBe(ITERATIONS);
			// The kills must really have cut requests short and caught commits on both sides.
			expect(summary.killsInFlight).toBeGreaterThan(0);
			expect(summary.uploads.committed).toBeGreaterThan(0);
			expect(summary.uploads.committed).toBeLessThan(summary.uploads.sent);
			expect(summary.orphanUploadFiles).toBe(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
