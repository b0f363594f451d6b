// Node module hooks that give `import text from './file.sql?raw'` the meaning Vite gives it, so the
// CLI and the browser build read the same .sql files.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, nextResolve) {
	if (!specifier.endsWith('?raw')) return nextResolve(specifier, context);
	const resolved = await nextResolve(specifier.slice(0, -4), context);
	return { url: resolved.url + '?raw', shortCircuit: true };
}

export async function load(url, context, nextLoad) {
	if (!url.endsWith('?raw')) return nextLoad(url, context);
	const text = await readFile(fileURLToPath(url.slice(0, -4)), 'utf8');
	return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
