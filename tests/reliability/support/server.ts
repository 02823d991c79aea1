/**
 * The built server (`node build`) as the harnesses run it: on its own database file and port,
 * started, killed with SIGKILL or stopped, and restarted on the same file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = process.cwd();
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface Account {
	role: string;
	password: string;
	token: string;
}

export interface SeededDatabase {
	dir: string;
	databasePath: string;
	accounts: Record<string, Account>;
}

export function tempDir(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `koperasi-${prefix}-`));
}

/**
 * A new database loaded from the bundled datasets (or `datasetsDir`), with accounts and tokens:
 * `admin`, `analis` (analyst) and `pemirsa` (viewer) unless told otherwise.
 */
export function seedDatabase(
	dir: string,
	options: { datasetsDir?: string; accounts?: string[] } = {}
): SeededDatabase {
	fs.mkdirSync(dir, { recursive: true });
	const databasePath = path.join(dir, 'koperasi.duckdb');
	const specs = options.accounts ?? ['admin:admin', 'analis:analyst', 'pemirsa:viewer'];
	const out = execFileSync(
		process.execPath,
		[TSX, path.join(ROOT, 'tests/reliability/support/seed-accounts.ts'), ...specs],
		{
			cwd: ROOT,
			env: {
				...process.env,
				DATABASE_PATH: databasePath,
				DATASETS_DIR: options.datasetsDir ?? path.join(ROOT, 'datasets')
			},
			encoding: 'utf8'
		}
	);
	const accounts = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, Account>;
	return { dir, databasePath, accounts };
}

/** A copy of a seeded database in a new folder, so each server gets a file of its own. */
export function copyDatabase(seed: SeededDatabase, dir: string): SeededDatabase {
	fs.mkdirSync(dir, { recursive: true });
	const databasePath = path.join(dir, 'koperasi.duckdb');
	fs.copyFileSync(seed.databasePath, databasePath);
	if (fs.existsSync(`${seed.databasePath}.wal`))
		fs.copyFileSync(`${seed.databasePath}.wal`, `${databasePath}.wal`);
	return { dir, databasePath, accounts: seed.accounts };
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface RunningServer {
	url: string;
	port: number;
	pid: number;
	child: ChildProcess;
	/** Everything the process wrote to stdout and stderr so far. */
	output(): string;
	exited: Promise<Exit>;
	/** SIGKILL: no shutdown hook, no checkpoint, as in a power cut or an OOM kill. */
	kill(): Promise<Exit>;
	/** SIGTERM: adapter-node's graceful shutdown, which closes the database. */
	stop(): Promise<Exit>;
	/** Resident memory of the server process, in MiB (Linux). */
	rssMiB(): number;
}

export interface StartOptions {
	databasePath: string;
	/** Extra variables; an empty string unsets one. */
	env?: Record<string, string>;
	port?: number;
	/** Resolve once the process has exited instead of waiting for /api/health. */
	expectExit?: boolean;
	timeoutMs?: number;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		DATABASE_PATH: options.databasePath,
		DATASETS_DIR: path.join(ROOT, 'datasets'),
		PORT: String(port),
		HOST: '127.0.0.1',
		BODY_SIZE_LIMIT: '52M',
		UV_THREADPOOL_SIZE: '8'
	};
	// Started as the README starts it, with no ORIGIN or proxy headers unless a test asks: plain
	// HTTP is what a fresh install sees. An empty value unsets a variable (adapter-node refuses
	// ORIGIN="").
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER']) delete env[name];
	Object.assign(env, options.env);
	for (const [name, value] of Object.entries(env)) if (value === '') delete env[name];
	const child = spawn(process.execPath, [path.join(ROOT, 'build')], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let text = '';
	child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const exited = new Promise<Exit>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	let done = false;
	void exited.then(() => (done = true));
	const server: RunningServer = {
		url,
		port,
		pid: child.pid!,
		child,
		output: () => text,
		exited,
		kill() {
			if (!done) child.kill('SIGKILL');
			return exited;
		},
		async stop() {
			if (!done) child.kill('SIGTERM');
			const timer = setTimeout(() => !done && child.kill('SIGKILL'), 10_000);
			const exit = await exited;
			clearTimeout(timer);
			return exit;
		},
		rssMiB() {
			const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
		}
	};
	if (options.expectExit) {
		const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
		await exited;
		clearTimeout(timeout);
		return server;
	}
	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	while (Date.now() < deadline) {
		if (done) throw new Error(`The server exited before answering:\n${text}`);
		try {
			const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return server;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	child.kill('SIGKILL');
	throw new Error(`The server did not answer within ${options.timeoutMs ?? 60_000} ms:\n${text}`);
}
