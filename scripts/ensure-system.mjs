// What `npm test` needs from the system besides Node: Debian's Chromium for the browser stage and
// the Liberation fonts its one-page print check measures text with. Runs first, so a machine that
// lacks them learns it in a second, not after the lint, type check, unit tests and build.
//   as root (CI, a fresh container): installs them with apt-get
//   otherwise: stops at once with the exact command to run
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Each requirement names the Debian package that brings it and how to tell it is there.
 * @param {Record<string, string | undefined>} env
 */
export function requirements(env = process.env) {
	const browser = env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
	return [
		{
			what: `Chromium (${browser})`,
			pkg: 'chromium',
			path: browser,
			custom: browser !== DEBIAN_CHROMIUM
		},
		{
			what: 'Liberation fonts (the print check measures text with them)',
			pkg: 'fonts-liberation',
			path: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
			custom: false
		}
	];
}

/** @param {string} file */
const isExecutable = (file) => {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
};
/** @param {string} file */
const isFile = (file) => fs.existsSync(file) && fs.statSync(file).isFile();

/**
 * @typedef {object} System
 * @property {(file: string) => boolean} isExecutable
 * @property {(file: string) => boolean} isFile
 * @property {() => boolean} isRoot
 * @property {(command: string[]) => void} run
 * @property {(line: string) => void} print
 */

/**
 * Decides and does the set-up. `system` holds the outside world (file checks, whether we are root,
 * running a command, printing) so a spec can drive every branch.
 * @param {Record<string, string | undefined>} env
 * @param {System} system
 * @returns {number} exit code: 0 ready, 1 something is missing that we may not install
 */
export function ensureSystem(env = process.env, system = defaultSystem) {
	const missing = requirements(env).filter((r) =>
		r.pkg === 'chromium' ? !system.isExecutable(r.path) : !system.isFile(r.path)
	);
	if (missing.length === 0) return 0;

	const custom = missing.find((r) => r.custom);
	if (custom) {
		system.print(
			`CHROMIUM_PATH=${custom.path} is not an executable file. Point CHROMIUM_PATH at a Chromium, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`
		);
		return 1;
	}
	const pkgs = missing.map((r) => r.pkg);
	const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs];
	system.print(`Missing for the tests: ${missing.map((r) => r.what).join('; ')}.`);
	if (!system.isRoot()) {
		system.print(
			`Install ${pkgs.length === 1 ? 'it' : 'them'} first (Playwright's own browser download is not used), then run npm test again:\n  sudo apt-get update && sudo ${install.join(' ')}`
		);
		return 1;
	}
	system.print(`Installing ${pkgs.join(' ')} with apt-get (about a minute) …`);
	system.run(['apt-get', 'update', '-qq']);
	system.run(install);
	const still = missing.filter((r) =>
		r.pkg === 'chromium' ? !system.isExecutable(r.path) : !system.isFile(r.path)
	);
	if (still.length > 0) {
		system.print(`apt-get finished but ${still.map((r) => r.what).join('; ')} is still missing.`);
		return 1;
	}
	return 0;
}

/** @type {System} */
const defaultSystem = {
	isExecutable,
	isFile,
	isRoot: () => process.getuid?.() === 0,
	run: ([cmd = '', ...args]) => {
		execFileSync(cmd, args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	},
	print: (line) => console.error(line)
};

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
	process.exitCode = ensureSystem();
}
