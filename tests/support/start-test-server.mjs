// Starts the built server on a brand-new DuckDB file, so every test run exercises first start.
// Before the server takes the file, the users CLI creates one account per role and API tokens;
// tests read them from tests/.tmp/credentials-<port>.json (see tests/support/credentials.ts).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-test-'));
// Started as the README starts it, with no ORIGIN or proxy headers: the browser tests then log in,
// upload and undo over plain HTTP exactly as on a fresh install.
const env = {
	...process.env,
	DATABASE_PATH: path.join(dir, 'koperasi.duckdb'),
	UPLOADS_DIR: path.join(dir, 'uploads'),
	UV_THREADPOOL_SIZE: '8',
	BODY_SIZE_LIMIT: '52M'
};
for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER']) delete env[name];

const users = { admin: 'admin', analis: 'analyst', pemirsa: 'viewer' };
const credentials = { databaseDir: dir, users: {}, tokens: {} };
const cli = (args, input) =>
	execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/users.ts', ...args], {
		env,
		input,
		encoding: 'utf8'
	});
for (const [name, role] of Object.entries(users)) {
	const password = `sandi-uji-${name}-12345`;
	cli(['add', name, '--role', role], password);
	credentials.users[name] = { role, password };
	credentials.tokens[name] = cli(['token', name]).trim().split('\n').at(-1);
}
fs.mkdirSync('tests/.tmp', { recursive: true });
// One file per port, so two test runs on one machine do not read each other's tokens.
fs.writeFileSync(
	`tests/.tmp/credentials-${process.env.PORT ?? 4173}.json`,
	JSON.stringify(credentials, null, 2)
);

const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });

const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	fs.rmSync(dir, { recursive: true, force: true });
	process.exit(code ?? 0);
});
