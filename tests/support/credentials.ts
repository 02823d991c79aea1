import fs from 'node:fs';

export interface TestCredentials {
	databaseDir: string;
	users: Record<'admin' | 'analis' | 'pemirsa', { role: string; password: string }>;
	tokens: Record<'admin' | 'analis' | 'pemirsa', string>;
}

/** Accounts made by tests/support/start-test-server.mjs for this run. */
export function testCredentials(): TestCredentials {
	const port = process.env.TEST_PORT ?? '4173';
	return JSON.parse(
		fs.readFileSync(`tests/.tmp/credentials-${port}.json`, 'utf8')
	) as TestCredentials;
}
