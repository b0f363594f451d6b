// Node module hooks that give two imports the meaning Vite gives them, so the CLI and the browser build
// share the same files: `import text from './file.sql?raw'`, and `.svelte` components, compiled for the
// server so the CLI can render charts to SVG with `svelte/server`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

export async function resolve(specifier, context, nextResolve) {
	if (!specifier.endsWith('?raw')) return nextResolve(specifier, context);
	const resolved = await nextResolve(specifier.slice(0, -4), context);
	return { url: resolved.url + '?raw', shortCircuit: true };
}

export async function load(url, context, nextLoad) {
	if (url.endsWith('?raw')) {
		const text = await readFile(fileURLToPath(url.slice(0, -4)), 'utf8');
		return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
	}
	if (url.endsWith('.svelte')) {
		const filename = fileURLToPath(url);
		const { js } = compile(await readFile(filename, 'utf8'), { generate: 'server', filename, css: 'external' });
		return { format: 'module', source: js.code, shortCircuit: true };
	}
	return nextLoad(url, context);
}
