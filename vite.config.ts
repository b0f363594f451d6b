import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { PARAGLIDE_OPTIONS } from './scripts/compile-messages.js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// vitest compiles the catalogues once in its global setup instead, so a test starting the CLI finds them unchanged.
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(PARAGLIDE_OPTIONS)]), sveltekit()],
	worker: { format: 'es' },
	test: {
		setupFiles: ['tests/fast-check-seed.ts'],
		globalSetup: ['tests/compile-messages.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts'] } },
			// The CLI's tests run its commands in-process: one module graph per worker instead of one per file.
			// They leave no global state behind (a run restores the language; env and output are its own).
			{ extends: true, test: { name: 'cli', include: ['cli/**/*.test.ts'], isolate: false } }
		]
	}
});
