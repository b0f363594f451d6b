#!/usr/bin/env node
// Runs the bundled CLI (dist-cli/, `npm run build:cli`), bundling it first when it is missing or older than a
// file it was built from, so a fresh clone and an edited source both run current code.
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = resolve(root, 'dist-cli/resonance.js');

function isCurrent() {
	try {
		const built_ms = statSync(bundle).mtimeMs;
		const inputs = JSON.parse(readFileSync(resolve(root, 'dist-cli/inputs.json'), 'utf8'));
		return inputs.every((input) => statSync(resolve(root, input), { throwIfNoEntry: false })?.mtimeMs <= built_ms);
	} catch {
		return false;
	}
}

// Several processes (tests run in parallel) may find the bundle stale at once: one builds, the others wait.
async function buildOnce() {
	const lock = resolve(root, 'dist-cli.lock');
	const started = Date.now();
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			// A lock older than a minute was left by a build that died.
			if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
			await new Promise((done) => setTimeout(done, 100));
			if (Date.now() - started > 120_000) throw new Error('waited two minutes for another process to bundle the CLI (remove dist-cli.lock if none runs)');
		}
	}
	try {
		if (!isCurrent()) await (await import('../scripts/build-cli.js')).buildCli();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

if (!isCurrent()) await buildOnce();
await (await import(pathToFileURL(bundle).href)).runResonanceProcess();
