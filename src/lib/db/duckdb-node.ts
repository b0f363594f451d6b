import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import type { Db, FileSource } from './db';
import { plainRows } from './plain-rows';

const require = createRequire(import.meta.url);

/** DuckDB in Node through the duckdb-wasm blocking build: the browser's engine and version, no native binaries. */
export async function createNodeDb(): Promise<Db> {
	const bundles: duckdb.DuckDBBundles = {
		mvp: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs')
		}
	};
	const instance = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await instance.instantiate();
	const connection = instance.connect();

	return {
		async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
			if (params.length === 0) return plainRows<Row>(connection.query(sql) as Table);
			const statement = connection.prepare(sql);
			try {
				return plainRows<Row>(statement.query(...params) as Table);
			} finally {
				statement.close();
			}
		},
		async exec(sql) {
			connection.query(sql);
		},
		async registerFile(name: string, source: FileSource) {
			if ('path' in source) {
				instance.registerFileURL(name, source.path, duckdb.DuckDBDataProtocol.NODE_FS, false);
			} else if ('bytes' in source) {
				instance.registerFileBuffer(name, source.bytes);
			} else {
				instance.registerFileBuffer(name, new Uint8Array(await source.file.arrayBuffer()));
			}
		},
		async dropFile(name) {
			instance.dropFile(name);
		},
		async close() {
			connection.close();
			instance.reset();
		}
	};
}

/** Reads a file for the JS-side parsers (formats DuckDB cannot read itself). */
export function readLocalFile(path: string): Uint8Array {
	return new Uint8Array(readFileSync(path));
}
