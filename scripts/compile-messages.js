// Compiles the catalogues (messages/{locale}.json, project.inlang/) into src/lib/paraglide/ with Paraglide JS:
// one tree-shaken function per message. The output is generated, not committed: Vite compiles it (dev, build),
// and so do vitest's global setup and scripts/build-cli.js (which `prepare` runs after `npm ci`).
import { compile } from '@inlang/paraglide-js';
import { readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the compiled messages go and how the runtime is built. The locale is chosen by src/lib/i18n/locale.ts
 * (remembered choice, then the browser's languages), which overwrites the runtime's getLocale.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const PARAGLIDE_OPTIONS = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['globalVariable', 'baseLocale'],
	disableAsyncLocalStorage: true,
	emitReadme: false,
	// Another process (a test starting the CLI) may be importing the output while this one compiles.
	cleanOutdir: false
};

/** The files the compiled messages are made from, relative to the repository. */
export const MESSAGE_SOURCES = [
	...readdirSync(resolve(root, 'messages')).map((name) => `messages/${name}`),
	'project.inlang/settings.json',
	'scripts/inlang-flat-json-plugin.js'
];

function isCurrent() {
	const compiled = statSync(resolve(root, PARAGLIDE_OPTIONS.outdir, 'messages/_index.js'), { throwIfNoEntry: false });
	return compiled !== undefined && MESSAGE_SOURCES.every((source) => statSync(resolve(root, source)).mtimeMs <= compiled.mtimeMs);
}

/** Compiles the messages unless the output is newer than every catalogue. */
export async function compileMessages() {
	if (isCurrent()) return;
	const cwd = process.cwd();
	process.chdir(root);
	try {
		await compile({ ...PARAGLIDE_OPTIONS });
	} finally {
		process.chdir(cwd);
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await compileMessages();
	// The inlang SDK leaves handles open for half a minute after compiling.
	process.exit(0);
}
