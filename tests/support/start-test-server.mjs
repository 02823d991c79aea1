// Starts the built server on a brand-new DuckDB file, so every test run exercises first start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-test-'));
export const databasePath = path.join(dir, 'koperasi.duckdb');

const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATABASE_PATH: databasePath,
		UV_THREADPOOL_SIZE: '8',
		ORIGIN: `http://127.0.0.1:${process.env.PORT ?? 4173}`
	}
});

const stop = () => {
	server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	fs.rmSync(dir, { recursive: true, force: true });
	process.exit(code ?? 0);
});
