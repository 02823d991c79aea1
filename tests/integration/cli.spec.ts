/**
 * `npm run ingest` while the built test server is running. DuckDB lets one process write a
 * database file, so the command must either go through the server's API (with a token) or
 * refuse clearly; it must never fight the server for the file.
 *
 * Only jangkauan_pasar is written here (uploads.spec.ts writes koperasi and pembiayaan), for a
 * kota outside the bundled regions, and every upload is undone.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import { whileServerIsBusy } from '../support/server-busy-lock';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs `npm run ingest -- ARGS` with exactly the given variables on top of a clean environment.
 * DATABASE_PATH always names the server's file, as it would on a real machine, so a command that
 * wrongly opened the database directly would hit the lock instead of writing a file elsewhere.
 */
function ingest(args: string[], extra: Record<string, string>): Promise<Run> {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ['KOPERASI_TOKEN', 'KOPERASI_URL', 'PORT', 'DATABASE_PATH', 'UPLOADS_DIR'])
		delete env[name];
	Object.assign(
		env,
		{
			DATABASE_PATH: path.join(testCredentials().databaseDir, 'koperasi.duckdb'),
			UPLOADS_DIR: path.join(testCredentials().databaseDir, 'uploads')
		},
		extra
	);
	return whileServerIsBusy(() => run(env, args));
}

function run(env: NodeJS.ProcessEnv, args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			'npm',
			['run', 'ingest', '--', ...args],
			{ env, cwd: process.cwd(), timeout: 60_000, maxBuffer: 10 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({ code, stdout, stderr });
			}
		);
	});
}

function baseUrl(): string {
	const configured = test.info().project.use.baseURL;
	return configured ?? `http://127.0.0.1:${process.env.TEST_PORT ?? 4173}`;
}

let workDir: string;
test.beforeAll(() => {
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-cli-'));
});
test.afterAll(() => {
	fs.rmSync(workDir, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
	const file = path.join(workDir, name);
	fs.writeFileSync(file, text);
	return file;
}

const HEADER = 'kode_wilayah,tahun,kategori_usaha,jumlah_umkm,umkm_daring,status_data,sumber';

interface Version {
	id: number;
	kind: string;
	mode: string;
	file_name: string | null;
	rows: number;
	by: string;
	reverted_at: string | null;
}

/** Versions of the dataset this spec writes; uploads.spec.ts changes others meanwhile. */
async function versions(request: APIRequestContext): Promise<Version[]> {
	// As the analyst: uploader, file name and source are not shown to anonymous readers.
	const response = await request.get('/api/datasets', {
		headers: { Authorization: `Bearer ${testCredentials().tokens.analis}` }
	});
	expect(response.status()).toBe(200);
	const all = ((await response.json()) as { versions: Version[] }).versions;
	return all.filter((v) => v.kind === 'jangkauan_pasar');
}

async function umkm(
	request: APIRequestContext,
	region: string,
	year: number
): Promise<number | null> {
	const response = await request.get(
		`/api/query?indicator=jumlah_umkm&regions=${region}&from=${year}&to=${year}`
	);
	expect(response.status()).toBe(200);
	const body = (await response.json()) as { rows: { value: number | null }[] };
	return body.rows[0]?.value ?? null;
}

test.describe('npm run ingest while the server runs', () => {
	test('without KOPERASI_TOKEN it exits non-zero, saying the server owns the database, and changes nothing', async ({
		request
	}) => {
		const before = await versions(request);
		const file = writeFile(
			'tanpa-token.csv',
			`${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas\n`
		);
		const result = await ingest(['--kind', 'jangkauan_pasar', '--mode', 'append', file], {
			KOPERASI_URL: baseUrl()
		});
		expect(result.code, result.stderr).not.toBe(0);
		expect(result.stderr).toContain(
			`The server at ${baseUrl()} is running and owns the database file`
		);
		expect(result.stderr).toContain('KOPERASI_TOKEN');
		expect(await versions(request)).toEqual(before);
		expect(await umkm(request, '73.71', 2024)).toBeNull();
	});

	test('finds the running server from PORT alone when KOPERASI_URL is not set', async () => {
		const file = writeFile('port.csv', `${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas\n`);
		const result = await ingest(['--kind', 'jangkauan_pasar', file], {
			PORT: new URL(baseUrl()).port
		});
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('owns the database file');
	});

	test('when the server cannot be reached but holds the file, it fails on the lock with a clear message and changes nothing', async ({
		request
	}) => {
		const before = await versions(request);
		const file = writeFile('kunci.csv', `${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas\n`);
		const result = await ingest(['--kind', 'jangkauan_pasar', file], {
			KOPERASI_URL: 'http://127.0.0.1:9'
		});
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain(
			'is already open in another process (DuckDB allows one writer)'
		);
		expect(result.stderr).toContain('Stop the other server');
		expect(await versions(request)).toEqual(before);
	});

	test('with an analyst KOPERASI_TOKEN it uploads through the API: the version and the figure appear', async ({
		request
	}) => {
		const before = await versions(request);
		const file = writeFile(
			'umkm-makassar.csv',
			`${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas Koperasi dan UKM Kota Makassar\n`
		);
		const result = await ingest(
			['--kind', 'jangkauan_pasar', '--mode', 'append', '--source', 'Laporan tahunan 2024', file],
			{ KOPERASI_URL: baseUrl(), KOPERASI_TOKEN: testCredentials().tokens.analis }
		);
		expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);

		const added = (await versions(request)).filter((v) => !before.some((b) => b.id === v.id));
		expect(added).toEqual([
			expect.objectContaining({
				kind: 'jangkauan_pasar',
				mode: 'append',
				file_name: 'umkm-makassar.csv',
				rows: 1,
				by: 'analis',
				source: 'Laporan tahunan 2024',
				reverted_at: null
			})
		]);
		expect(result.stdout).toContain(`"id": ${added[0]!.id}`);
		expect(await umkm(request, '73.71', 2024)).toBe(52000);

		const undo = await request.post(`/api/datasets/${added[0]!.id}/revert`, {
			headers: { Authorization: `Bearer ${testCredentials().tokens.analis}` }
		});
		expect(undo.status()).toBe(200);
		expect(await umkm(request, '73.71', 2024)).toBeNull();
	});

	test('passes --dry-run and --mode replace through to the server', async ({ request }) => {
		const before = await versions(request);
		const file = writeFile('coba.csv', `${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas\n`);
		const result = await ingest(
			['--kind', 'jangkauan_pasar', '--mode', 'replace', '--dry-run', file],
			{
				KOPERASI_URL: baseUrl(),
				KOPERASI_TOKEN: testCredentials().tokens.analis
			}
		);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('"dry_run": true');
		expect(result.stdout).toContain('"mode": "replace"');
		expect(await versions(request)).toEqual(before);
	});

	test("prints the server's problems and exits non-zero for a bad file, storing nothing", async ({
		request
	}) => {
		const before = await versions(request);
		const file = writeFile('salah.csv', `${HEADER}\nBekasi,2024,semua,52000,9100,resmi,Dinas\n`);
		const result = await ingest(['--kind', 'jangkauan_pasar', file], {
			KOPERASI_URL: baseUrl(),
			KOPERASI_TOKEN: testCredentials().tokens.analis
		});
		expect(result.code).not.toBe(0);
		expect(result.stdout).toContain('"line": 2');
		expect(result.stdout).toContain('Kota Bekasi (32.75)');
		expect(await versions(request)).toEqual(before);
	});

	test("exits non-zero with the server's refusal when the token belongs to a viewer", async ({
		request
	}) => {
		const before = await versions(request);
		const file = writeFile('pemirsa.csv', `${HEADER}\n73.71,2024,semua,52000,9100,resmi,Dinas\n`);
		const result = await ingest(['--kind', 'jangkauan_pasar', file], {
			KOPERASI_URL: baseUrl(),
			KOPERASI_TOKEN: testCredentials().tokens.pemirsa
		});
		expect(result.code).not.toBe(0);
		expect(result.stdout).toContain('Peran Anda tidak boleh mengunggah data.');
		expect(await versions(request)).toEqual(before);
	});
});
