import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, ensureSystem, requirements } from '../../scripts/ensure-system.mjs';

const FONT = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';

/** A machine with the given files; apt-get "installs" what its packages bring. */
function machine(present: string[], { root }: { root: boolean }) {
	const files = new Set(present);
	const runs: string[][] = [];
	const printed: string[] = [];
	const brings: Record<string, string> = { chromium: DEBIAN_CHROMIUM, 'fonts-liberation': FONT };
	return {
		runs,
		printed,
		system: {
			isExecutable: (f: string) => files.has(f),
			isFile: (f: string) => files.has(f),
			isRoot: () => root,
			run: (cmd: string[]) => {
				runs.push(cmd);
				for (const pkg of cmd.slice(1)) if (brings[pkg]) files.add(brings[pkg]);
			},
			print: (line: string) => void printed.push(line)
		}
	};
}

describe('the set-up step npm test starts with', () => {
	it('does nothing when Chromium and the fonts are there', () => {
		const m = machine([DEBIAN_CHROMIUM, FONT], { root: true });
		expect(ensureSystem({}, m.system)).toBe(0);
		expect(m.runs).toEqual([]);
		expect(m.printed).toEqual([]);
	});

	it('installs a missing Chromium with apt-get when it runs as root', () => {
		const m = machine([FONT], { root: true });
		expect(ensureSystem({}, m.system)).toBe(0);
		expect(m.runs).toEqual([
			['apt-get', 'update', '-qq'],
			['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']
		]);
	});

	it('installs Chromium and the fonts together when both are missing', () => {
		const m = machine([], { root: true });
		expect(ensureSystem({}, m.system)).toBe(0);
		expect(m.runs.at(-1)?.slice(-2)).toEqual(['chromium', 'fonts-liberation']);
	});

	it('stops at once with the exact command when it may not install', () => {
		const m = machine([FONT], { root: false });
		expect(ensureSystem({}, m.system)).toBe(1);
		expect(m.runs).toEqual([]);
		expect(m.printed.join('\n')).toContain(
			'sudo apt-get update && sudo apt-get install -y -qq --no-install-recommends chromium'
		);
	});

	it('fails when apt-get ran but the browser is still not there', () => {
		const m = machine([FONT], { root: true });
		m.system.run = (cmd: string[]) => void m.runs.push(cmd);
		expect(ensureSystem({}, m.system)).toBe(1);
		expect(m.printed.at(-1)).toMatch(/still missing/);
	});

	it('never installs over a CHROMIUM_PATH that points nowhere, and says what to change', () => {
		const m = machine([DEBIAN_CHROMIUM, FONT], { root: true });
		expect(ensureSystem({ CHROMIUM_PATH: '/opt/nowhere/chrome' }, m.system)).toBe(1);
		expect(m.runs).toEqual([]);
		expect(m.printed.join('\n')).toContain('CHROMIUM_PATH=/opt/nowhere/chrome');
	});

	it('checks the browser the tests will launch: CHROMIUM_PATH when set, else Debian’s', () => {
		expect(requirements({})[0]?.path).toBe(DEBIAN_CHROMIUM);
		expect(requirements({ CHROMIUM_PATH: '/opt/c/chrome' })[0]?.path).toBe('/opt/c/chrome');
	});

	it('as a real process: exit 0 for a browser that exists, 1 and a message for one that does not', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-system-'));
		const browser = path.join(dir, 'chromium');
		fs.writeFileSync(browser, '#!/bin/sh\n', { mode: 0o755 });
		const run = (chromium: string) => {
			try {
				execFileSync(process.execPath, ['scripts/ensure-system.mjs'], {
					env: { ...process.env, CHROMIUM_PATH: chromium },
					stdio: 'pipe',
					encoding: 'utf8'
				});
				return { code: 0, err: '' };
			} catch (e) {
				const err = e as { status: number; stderr: string };
				return { code: err.status, err: err.stderr };
			}
		};
		expect(run(browser).code).toBe(0);
		const missing = run(path.join(dir, 'gone'));
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('is not an executable file');
		fs.rmSync(dir, { recursive: true });
	});
});
