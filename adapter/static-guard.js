/**
 * adapter-node serves the files of `build/client` (the app's scripts, `static/`) before any
 * SvelteKit hook runs, so they lacked the security headers pages get and answered 200 to PUT,
 * DELETE or TRACE. This wraps the adapter: after it writes `build/`, the handler that
 * `index.js` (and `handler.js`) mount is put behind `guard-runtime.js`, which gives those files
 * the same headers as every other answer and a 405 to methods other than GET and HEAD.
 * `node build` stays the way to start the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME = fileURLToPath(new URL('./guard-runtime.js', import.meta.url));

const USE = 'polka({ server: httpServer }).use(handler)';
const CLIENT = "new URL('./client', import.meta.url)";

/**
 * `node build` (index.js) mounts adapter-node's handler on its server: mount the guarded one.
 * A newer adapter-node that writes this line differently fails the build here, loudly.
 * @param {string} file
 */
function guardEntry(file) {
	const source = fs.readFileSync(file, 'utf8');
	if (source.split(USE).length !== 2)
		throw new Error(
			`adapter/static-guard.js: "${USE}" not found once in ${file}; adapter-node changed.`
		);
	fs.writeFileSync(
		file,
		`import { guardStatic } from './static-guard.js';\n${source.replace(USE, `polka({ server: httpServer }).use(guardStatic(handler, ${CLIENT}))`)}`
	);
}

/** handler.js, for a custom server (adapter-node's docs), exports the guarded handler too. @param {string} out */
function guardHandlerModule(out) {
	fs.renameSync(path.join(out, 'handler.js'), path.join(out, 'sveltekit-handler.js'));
	fs.writeFileSync(
		path.join(out, 'handler.js'),
		[
			"import { handler as sveltekit } from './sveltekit-handler.js';",
			"import { guardStatic } from './static-guard.js';",
			'',
			`export const handler = guardStatic(sveltekit, ${CLIENT});`,
			''
		].join('\n')
	);
}

/** @param {import('@sveltejs/kit').Adapter} adapter @param {{ out?: string }} [options] */
export function withStaticGuard(adapter, options = {}) {
	const out = options.out ?? 'build';
	return {
		...adapter,
		name: `${adapter.name} + static guard`,
		/** @param {import('@sveltejs/kit').Builder} builder */
		async adapt(builder) {
			await adapter.adapt(builder);
			fs.copyFileSync(RUNTIME, path.join(out, 'static-guard.js'));
			guardEntry(path.join(out, 'index.js'));
			guardHandlerModule(out);
			builder.log.minor('Static files get the security headers and 405 (adapter/static-guard.js)');
		}
	};
}
