import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVED_TABLES, type DerivedTableName, type TableReads } from './derived-tables';

const METRICS = import.meta.dirname;
/** The registry and the builders it lists create these tables; every other module only reads them. */
const BUILDERS = ['derived-tables.ts', 'counted-messages.ts', 'kept-messages.ts', 'filter/apply-data-filter.ts', 'stages/define-stage-messages.ts', 'links/build-interaction-links.ts', 'links/define-counted-links.ts'];

const owner = new Map(Object.entries(DERIVED_TABLES).flatMap(([name, table]) => table.creates.map((created) => [created, name as DerivedTableName])));

function modules(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? modules(join(folder, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(folder, entry.name)] : []
	);
}

/** The derived tables a module's SQL (its own strings and the .sql files it imports) reads after FROM or JOIN, its own CTEs left out. */
function tablesRead(path: string): DerivedTableName[] {
	const source = readFileSync(path, 'utf8');
	const sql = [source, ...[...source.matchAll(/from '(\.[^']+\.sql)\?raw'/g)].map(([, file]) => readFileSync(resolve(dirname(path), file), 'utf8'))]
		.join('\n')
		.replace(/--[^\n]*/g, '')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/\/\/[^\n]*/g, '');
	const ctes = new Set([...sql.matchAll(/\b([a-z_]+) AS \(/g)].map(([, name]) => name));
	const read = [...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map(([, name]) => name).filter((name) => !ctes.has(name));
	return [...new Set(read.flatMap((name) => owner.get(name) ?? []))].sort();
}

function closure(names: readonly DerivedTableName[]): Set<DerivedTableName> {
	const seen = new Set<DerivedTableName>();
	const visit = (name: DerivedTableName) => {
		if (seen.has(name)) return;
		seen.add(name);
		DERIVED_TABLES[name].reads.forEach(visit);
	};
	names.forEach(visit);
	return seen;
}

describe('derived tables a metric reads', () => {
	const readers = modules(METRICS)
		.map((path) => ({ path, module: relative(METRICS, path), read: tablesRead(path) }))
		.filter(({ module, read }) => read.length > 0 && !BUILDERS.includes(module));

	it.each(readers)('$module declares every derived table its SQL reads', async ({ path, read }) => {
		// A metric is an exported function, or a static member of an exported class (KeptMatches.keep).
		const exported = Object.values(await import(/* @vite-ignore */ path)) as unknown[];
		const declared = exported.flatMap((value) => (typeof value === 'function' ? [value, ...Object.values(value)] : [value])).filter(
			(value): value is TableReads => typeof value === 'function' && Array.isArray((value as Partial<TableReads>).reads)
		);
		expect(declared.length, 'a metric exported through readingTables').toBeGreaterThan(0);
		const covered = closure(declared.flatMap((metric) => [...metric.reads, ...metric.may_read]));
		expect(read.filter((name) => !covered.has(name))).toEqual([]);
	});

	it('finds the tables a metric reads, so the check above can fail', () => {
		expect(tablesRead(join(METRICS, 'response/response-times.ts'))).toEqual(['counted_messages', 'kept_links', 'links']);
		expect(tablesRead(join(METRICS, 'stages/stage-comparison.ts'))).toEqual(['counted_messages', 'members']);
		expect(tablesRead(join(METRICS, 'periods/message-periods.ts'))).toEqual(['counted_messages', 'stage_messages']);
	});
});

describe('DERIVED_TABLES', () => {
	it('reads only tables it declares, with no cycle', () => {
		for (const [name, table] of Object.entries(DERIVED_TABLES)) {
			for (const input of table.reads) expect(Object.keys(DERIVED_TABLES), name).toContain(input);
			expect(closure(table.reads).has(name as DerivedTableName), name).toBe(false);
		}
	});
});
