import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Db, FileSource } from './db';

// require, not import: node-api is CommonJS, and importing it from ESM makes Node lex every file of it for
// export names (about 0.15 s of CPU, a sixth of a small `resonance analyze`).
const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

export interface NativeDbOptions {
	/** DuckDB's `memory_limit` (e.g. `8GB`); past it, joins and sorts spill to the temporary directory. */
	memory_limit?: string;
	/** DuckDB's `threads`; all cores by default. */
	threads?: number;
	/** Where DuckDB spills past `memory_limit`; a fresh folder under the system's temporary folder by default. */
	temp_directory?: string;
}

/**
 * DuckDB in Node through native bindings (@duckdb/node-api): multi-threaded, and spills to disk past its
 * memory limit. Files are "registered" by placing them (a symlink, or the bytes) in a private folder that
 * is DuckDB's `file_search_path`, so `read_csv('name')` finds them as the browser's registered files.
 */
export async function createNativeDb(options: NativeDbOptions = {}): Promise<Db> {
	const folder = mkdtempSync(join(tmpdir(), 'resonance-duckdb-'));
	const config: Record<string, string> = {
		file_search_path: folder,
		temp_directory: options.temp_directory ?? join(folder, 'spill'),
		// By default the allocator keeps what a statement freed for reuse (up to 128 MiB, 512 MiB after a bulk free),
		// resident on top of memory_limit; giving it back past 16/64 MiB took a 1M Telegram analyze (loaded from a
		// dataset file, limit 245 MiB) from 563 to 516 MB of peak RSS at the same CPU time.
		allocator_flush_threshold: '16MiB',
		allocator_bulk_deallocation_flush_threshold: '64MiB',
		allocator_background_threads: 'true'
	};
	if (options.memory_limit) config.memory_limit = options.memory_limit;
	if (options.threads) config.threads = String(options.threads);
	const instance = await DuckDBInstance.create(':memory:', config);
	const connection = await instance.connect();
	const placed = (name: string) => {
		if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`a registered file name must be a plain name, not ${name}`);
		return join(folder, name);
	};

	return {
		async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
			const result = await connection.run(sql, params.length > 0 ? (params as DuckDBValue[]) : undefined);
			return (await result.getRowObjectsJS()).map((row) => plainValue(row) as Row);
		},
		async exec(sql) {
			await connection.run(sql);
		},
		async registerFile(name: string, source: FileSource) {
			const target = placed(name);
			rmSync(target, { force: true });
			if ('path' in source) symlinkSync(resolve(source.path), target);
			else if ('bytes' in source) writeFileSync(target, source.bytes);
			else writeFileSync(target, new Uint8Array(await source.file.arrayBuffer()));
		},
		async dropFile(name) {
			try {
				unlinkSync(placed(name));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		},
		async close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}

/**
 * The values the wasm engine's rows hold: numbers for BIGINT, epoch milliseconds for times and dates. Objects and
 * arrays are the fresh ones node-api made for this result, so they are converted in place: a million rows are
 * not copied again.
 */
function plainValue(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value === null || value === undefined) return null;
	if (typeof value !== 'object') return value;
	if (value instanceof Date) return value.getTime();
	if (value instanceof Uint8Array) return value;
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) value[index] = plainValue(value[index]);
		return value;
	}
	const fields = value as Record<string, unknown>;
	for (const key in fields) {
		const inner = fields[key];
		if (inner === undefined || typeof inner === 'bigint' || (inner !== null && typeof inner === 'object')) fields[key] = plainValue(inner);
	}
	return fields;
}
