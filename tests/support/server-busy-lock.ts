import fs from 'node:fs';
import path from 'node:path';

/**
 * uploads.spec.ts sends 50 MiB bodies: the server reads each whole before its upload worker
 * starts, long enough for the CLI's 1.5 s health probe in cli.spec.ts to miss it. Both files run
 * such work under this lock (a directory: mkdir is atomic across the test workers).
 */
export async function whileServerIsBusy<T>(work: () => Promise<T>): Promise<T> {
	const lock = path.join('tests', '.tmp', 'server-busy.lock');
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			const age =
				Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}
