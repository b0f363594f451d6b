import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The modules of a folder, its tests left out: a stage's test may check it end to end through later stages. */
function modulesUnder(folder: string): string[] {
	return readdirSync(resolve(root, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|svelte)$/.test(file) && !/\.test\.ts$/.test(file))
		.map((file) => join(folder, file));
}

/** What a module imports (static, re-exported or dynamic), as paths from the repository's root for relative and `$lib` imports, else as written. */
function importsOf(module: string): string[] {
	const text = readFileSync(resolve(root, module), 'utf8');
	const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((match) => match[1].replace(/\?.*$/, ''));
	return specifiers.map((specifier) => {
		if (specifier.startsWith('$lib/')) return join('src/lib', specifier.slice('$lib/'.length));
		if (specifier.startsWith('.')) return relative(root, resolve(root, dirname(module), specifier));
		return specifier;
	});
}

const reachingInto = (folder: string) => (module: string) => importsOf(module).filter((target) => target === folder || target.startsWith(`${folder}/`)).map((target) => `${module} → ${target}`);

describe('imports point one way between the stages (docs/PIPELINE.md)', () => {
	test('the check sees imports: metrics import ingest, settings and their own modules', () => {
		expect(importsOf('src/lib/metrics/derived-tables.ts')).toEqual(
			expect.arrayContaining(['src/lib/ingest/members/apply-member-merges', 'src/lib/settings/analysis-settings', 'src/lib/metrics/counted-messages'])
		);
		expect(reachingInto('src/lib/ingest')('src/lib/metrics/derived-tables.ts')).toContain(
			'src/lib/metrics/derived-tables.ts → src/lib/ingest/members/resolve-roles'
		);
	});

	test('ingest and settings import nothing from metrics', () => {
		const modules = [...modulesUnder('src/lib/ingest'), ...modulesUnder('src/lib/settings')];
		expect(modules.length).toBeGreaterThan(50);
		expect(modules.flatMap(reachingInto('src/lib/metrics'))).toEqual([]);
	});

	test('settings hold values, never the database: no module of settings imports the db, DuckDB or SQL', () => {
		const modules = modulesUnder('src/lib/settings');
		const database = (module: string) =>
			importsOf(module)
				.filter((target) => target.startsWith('src/lib/db') || target.startsWith('@duckdb/') || target.endsWith('.sql'))
				.map((target) => `${module} → ${target}`);
		expect(modules.flatMap(database)).toEqual([]);
	});
});
