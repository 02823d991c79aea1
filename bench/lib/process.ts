/** Child processes, ports and memory of the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Runs `bench/tasks/NAME.ts` in its own Node process and returns the JSON it prints last. */
export async function runTask<T>(
	name: string,
	args: readonly string[],
	env: Record<string, string> = {}
): Promise<T> {
	const child = spawn(process.execPath, ['--import', 'tsx', `bench/tasks/${name}.ts`, ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	if (code !== 0) throw new Error(`bench task ${name} failed with exit code ${code}:\n${out}`);
	const last = out.trim().split('\n').at(-1) ?? '';
	return JSON.parse(last) as T;
}

/** Peak and current resident memory of a process, in MB (Linux `/proc`). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
		return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
	} catch {
		return null;
	}
}

/** Samples a process's resident memory until stopped; the peak seen, in MB. */
export function sampleMemory(pid: number, everyMs = 100): () => number {
	let peak = 0;
	const timer = setInterval(() => {
		const memory = memoryOf(pid);
		if (memory) peak = Math.max(peak, memory.rssMb);
	}, everyMs);
	return () => {
		clearInterval(timer);
		return peak;
	};
}

/** The first port from `from` on that nothing listens on. */
export async function freePort(from: number): Promise<number> {
	for (let port = from; port < from + 100; port++) {
		const free = await new Promise<boolean>((resolve) => {
			const server = net.createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error(`No free port in ${from}–${from + 99}`);
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', resolve));
}
