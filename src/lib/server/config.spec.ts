import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from './config';

const REPO = path.resolve('.');
const saved = { cwd: process.cwd(), env: { ...process.env } };

afterEach(() => {
	process.chdir(saved.cwd);
	process.env = { ...saved.env };
});

describe('readConfig: one database for the server and the command-line tools', () => {
	it('finds the default database and datasets in the app folder, wherever it is started from', () => {
		delete process.env.DATABASE_PATH;
		delete process.env.DATASETS_DIR;
		const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-cwd-'));
		try {
			process.chdir(elsewhere);
			const config = readConfig();
			expect(config.databasePath).toBe(path.join(REPO, 'data', 'koperasi.duckdb'));
			expect(config.datasetsDir).toBe(path.join(REPO, 'datasets'));
			expect(config.uploadsDir).toBe(path.join(REPO, 'data', 'uploads'));
		} finally {
			process.chdir(saved.cwd);
			fs.rmSync(elsewhere, { recursive: true, force: true });
		}
	});

	it('takes DATABASE_PATH as given, relative to the folder it was started in', () => {
		process.env.DATABASE_PATH = 'elsewhere/db.duckdb';
		expect(readConfig().databasePath).toBe(path.resolve('elsewhere/db.duckdb'));
	});
});
