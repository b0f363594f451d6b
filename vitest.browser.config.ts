import { defineConfig } from 'vitest/config';

// Browser tests drive the built site (build/) in Debian's Chromium through playwright-core. Two files run at once,
// each with its own Chromium and server: much of a test is waiting on one thread (a page or DuckDB's worker),
// so a second file fills the other core (all 18 files passed this way with the machine at load 16–25).
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: true,
		maxWorkers: 2,
		expect: { requireAssertions: true }
	}
});
