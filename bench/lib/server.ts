/** The built app (adapter-node) on a benchmark database, as `npm run serve` starts it. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { memoryOf, waitForExit } from './process';

export interface BenchServer {
	url: string;
	pid: number;
	memory(): { peakMb: number; rssMb: number } | null;
	stop(): Promise<void>;
}

export async function startServer(options: {
	port: number;
	databasePath: string;
	uploadsDir: string;
	log: string;
	env?: Record<string, string>;
}): Promise<BenchServer> {
	const url = `http://127.0.0.1:${options.port}`;
	const log = fs.openSync(options.log, 'a');
	const child = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			DATABASE_PATH: options.databasePath,
			UPLOADS_DIR: options.uploadsDir,
			UV_THREADPOOL_SIZE: '8',
			BODY_SIZE_LIMIT: '52M',
			...options.env
		},
		stdio: ['ignore', log, log]
	});
	// A failed run must not leave a server holding the database file.
	const kill = () => child.kill('SIGKILL');
	process.once('exit', kill);
	const began = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The server exited early; see ${options.log}`);
		try {
			const response = await fetch(`${url}/api/health`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - began > 180_000) {
			child.kill('SIGKILL');
			throw new Error(`The server did not answer within 180 s; see ${options.log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		url,
		pid: child.pid!,
		memory: () => memoryOf(child.pid!),
		async stop() {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await waitForExit(child);
			clearTimeout(timer);
			process.off('exit', kill);
			fs.closeSync(log);
		}
	};
}
