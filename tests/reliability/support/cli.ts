/** The operator's commands (`npm run backup`, `npm run restore -- DIR`) as a test runs them. */
import { execFile } from 'node:child_process';
import { ROOT } from './server';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function npmRun(
	script: string,
	args: string[],
	env: Record<string, string>
): Promise<CliResult> {
	return new Promise((resolve) => {
		execFile(
			'npm',
			['run', '--silent', script, '--', ...args],
			{ cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
			(error, stdout, stderr) =>
				resolve({
					code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
					stdout,
					stderr
				})
		);
	});
}
