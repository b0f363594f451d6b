import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Db, FileSource } from './db';
import { plainRows } from './plain-rows';

const bundles: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** DuckDB in a Web Worker (duckdb-wasm), with its wasm and worker served by this site. */
export async function createBrowserDb(): Promise<Db> {
	const bundle = await duckdb.selectBundle(bundles);
	const worker = new Worker(bundle.mainWorker!);
	const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await instance.instantiate(bundle.mainModule, bundle.pthreadWorker);
	const connection = await instance.connect();

	return {
		async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
			if (params.length === 0) return plainRows<Row>((await connection.query(sql)) as Table);
			const statement = await connection.prepare(sql);
			try {
				return plainRows<Row>((await statement.query(...params)) as Table);
			} finally {
				await statement.close();
			}
		},
		async exec(sql) {
			await connection.query(sql);
		},
		async registerFile(name: string, source: FileSource) {
			if ('file' in source) {
				await instance.registerFileHandle(name, source.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
			} else if ('bytes' in source) {
				await instance.registerFileBuffer(name, source.bytes.slice());
			} else {
				throw new Error('The browser cannot read files by path; pass the File itself.');
			}
		},
		async dropFile(name) {
			await instance.dropFile(name);
		},
		async close() {
			await connection.close();
			await instance.terminate();
			worker.terminate();
		}
	};
}
