// `npm run build:cli`: bundles cli/ into dist-cli/ as plain JavaScript, so `resonance` starts without
// compiling TypeScript. Each command is its own chunk, loaded when it runs. bin/resonance.js also calls
// buildCli() when dist-cli/ is missing or older than a file it was built from.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes, and the file listing what it was built from (read by bin/resonance.js). */
export const CLI_OUT_DIR = resolve(root, 'dist-cli');
export const CLI_INPUTS_FILE = resolve(CLI_OUT_DIR, 'inputs.json');

/** The imports Vite understands and Node does not: `file.sql?raw` as text, `.svelte` compiled for the server. */
const viteImports = {
	name: 'vite-imports',
	setup(build) {
		build.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw' }));
		build.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text', watchFiles: [args.path] }));
		build.onLoad({ filter: /\.svelte$/ }, async (args) => {
			const { compile } = await import('svelte/compiler');
			const { js } = compile(await readFile(args.path, 'utf8'), { generate: 'server', filename: args.path, css: 'external' });
			return { contents: js.code, loader: 'js', resolveDir: dirname(args.path) };
		});
		// The source word-count thread registers the TypeScript hooks; the bundled one needs none.
		build.onResolve({ filter: /register-hooks\.js$/ }, () => ({ path: 'register-hooks', namespace: 'nothing' }));
		build.onLoad({ filter: /.*/, namespace: 'nothing' }, () => ({ contents: '', loader: 'js' }));
	}
};

/** Bundles the CLI into dist-cli/ and writes dist-cli/inputs.json (the source files, relative to the repository). */
export async function buildCli() {
	// Its own process: the inlang SDK keeps the one that compiles alive for half a minute.
	execFileSync(process.execPath, [resolve(root, 'scripts/compile-messages.js')], { stdio: 'inherit' });
	const result = await build({
		absWorkingDir: root,
		entryPoints: { resonance: 'cli/resonance.ts', 'count-words-thread': 'cli/count-words-thread.js' },
		outdir: CLI_OUT_DIR,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		// Native binaries and the wasm engine's files are found at run time in node_modules.
		external: ['@duckdb/*', 'apache-arrow'],
		// Bundled CommonJS (papaparse) may call require().
		banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
		plugins: [viteImports],
		metafile: true,
		// Not tsconfig.json: it extends .svelte-kit/, which exists only after `svelte-kit sync`.
		tsconfigRaw: {},
		logLevel: 'warning'
	});
	const inputs = Object.keys(result.metafile.inputs)
		.map((input) => input.replace(/^[a-z]+:/, ''))
		.filter((input) => !input.startsWith('node_modules/') && input !== 'register-hooks')
		.map((input) => relative(root, resolve(root, input)));
	// A change to how the CLI is bundled makes the bundle stale too.
	inputs.push('scripts/build-cli.js', 'package-lock.json', ...(await import('./compile-messages.js')).MESSAGE_SOURCES);
	await writeFile(CLI_INPUTS_FILE, JSON.stringify(inputs.sort()) + '\n');
	await removeOldChunks(new Set(Object.keys(result.metafile.outputs).map((output) => resolve(root, output))));
	return inputs;
}

// Chunk names carry a hash of their content, so a process still running the previous bundle finds its chunks:
// only those of an earlier build, and older than any command runs, are removed.
async function removeOldChunks(current) {
	const an_hour_ago_ms = Date.now() - 3_600_000;
	for (const name of await readdir(CLI_OUT_DIR)) {
		const path = resolve(CLI_OUT_DIR, name);
		if (name.endsWith('.js') && !current.has(path) && (await stat(path)).mtimeMs < an_hour_ago_ms) await rm(path, { force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const inputs = await buildCli();
	console.log(`dist-cli/: the CLI bundled from ${inputs.length} source files`);
}
