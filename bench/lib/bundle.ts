/** The benchmark's two browser scripts, bundled with the project's Vite: no CDN, no extra tool. */
import path from 'node:path';
import { build } from 'vite';

export async function buildBrowserScripts(outDir: string): Promise<void> {
	await build({
		configFile: false,
		logLevel: 'warn',
		resolve: { alias: { $lib: path.resolve('src/lib') } },
		build: {
			outDir,
			emptyOutDir: false,
			minify: true,
			target: 'es2022',
			lib: {
				entry: { wasm: 'bench/browser/wasm-entry.ts', ours: 'bench/browser/ours-entry.ts' },
				formats: ['es'],
				fileName: (_format, name) => `${name}.js`
			}
		}
	});
}
