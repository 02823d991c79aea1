import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.TEST_PORT ?? 4173);

/** Debian's Chromium: browsers cannot be downloaded on our machines. */
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	timeout: 30_000,
	workers: 2,
	reporter: process.env.CI ? 'line' : 'list',
	use: { baseURL: `http://127.0.0.1:${PORT}`, launchOptions: chromium },
	webServer: {
		command: 'node tests/support/start-test-server.mjs',
		url: `http://127.0.0.1:${PORT}/api/health`,
		timeout: 120_000,
		reuseExistingServer: false,
		env: { PORT: String(PORT), HOST: '127.0.0.1' }
	},
	projects: [
		{ name: 'integration', testDir: 'tests/integration', testMatch: '**/*.spec.ts' },
		{
			name: 'e2e',
			testDir: 'tests/e2e',
			testMatch: '**/*.e2e.ts',
			// The integration tests' 50 MiB upload holds the server's event loop for seconds (a known
			// gap, see README); browser tests beside it timed out waiting for a chart.
			dependencies: ['integration']
		},
		// Crash, damaged-file, backup, fuzz and load harnesses: each starts servers of its own on
		// its own database and port. One file (server.harness.ts) runs them one after another.
		{
			name: 'reliability',
			testDir: 'tests/reliability',
			testMatch: '**/*.harness.ts',
			timeout: 300_000,
			// The load and crash harnesses saturate both cores: running them beside the browser tests
			// made those time out. They start after the other projects finish.
			dependencies: ['integration', 'e2e']
		}
	]
});
