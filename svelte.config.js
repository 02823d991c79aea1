import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { withStaticGuard } from './adapter/static-guard.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static files get the same security headers as pages, and 405 for writes.
		adapter: withStaticGuard(adapter({ envPrefix: '' })),
		// SvelteKit's own check refuses any form POST without an Origin header, which would also
		// refuse scripts using Bearer tokens (curl sends no Origin). src/lib/server/auth/origin-check.ts
		// does the check instead: cross-site posts are refused, token requests are allowed.
		csrf: { trustedOrigins: ['*'] },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts', '../playwright.config.ts');
			}
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
