import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'tests/reliability/**/*.spec.ts'],
		environment: 'node'
	}
});
