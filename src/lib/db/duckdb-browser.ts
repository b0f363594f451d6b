import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { m } from '../i18n/messages';
import { DatabaseStoppedError } from './database-stopped-error';
import type { Db, FileSource } from './db';
import { plainRows } from './plain-rows';
import { requestWatchdog } from './request-watchdog';

/** A query may run this long before the watchdog asks the worker whether it is still at it (one ping, answered at once when idle). */
const WATCH_QUERIES_AFTER_MS = 30_000;

const bundles: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/**
 * DuckDB in a Web Worker (duckdb-wasm), with its wasm and worker served by this site. `close()` stops the
 * worker at once, even mid-query (that is how a load is cancelled); from then on, and after the worker
 * crashes, every pending and later call rejects with a DatabaseStoppedError.
 */
export async function createBrowserDb(): Promise<Db> {
	const bundle = await duckdb.selectBundle(bundles);
	const worker = new Worker(bundle.mainWorker!);
	const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// Queries run synchronously in the worker, so a ping answered before an older query means its answer is lost.
	const watchdog = requestWatchdog({
		ping: () => instance.ping(),
		onLost: () => stop(new DatabaseStoppedError(m.database_stopped_answering())),
		after_ms: WATCH_QUERIES_AFTER_MS
	});
	// AsyncDuckDB forgets its pending requests when the worker errs or is terminated, so they would never settle.
	let stopped: DatabaseStoppedError | null = null;
	let rejectStopped: (error: DatabaseStoppedError) => void = () => undefined;
	const stopped_signal = new Promise<never>((_, reject) => (rejectStopped = reject));
	stopped_signal.catch(() => undefined);
	const stop = (error: DatabaseStoppedError) => {
		if (stopped) return;
		stopped = error;
		rejectStopped(error);
		watchdog.stop();
		worker.terminate();
	};
	worker.addEventListener('error', (event) => stop(new DatabaseStoppedError(m.database_stopped({ reason: event.message || m.database_worker_crashed() }))));
	const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
		if (stopped) throw stopped;
		return Promise.race([work(), stopped_signal]);
	};

	await guarded(() => instance.instantiate(bundle.mainModule, bundle.pthreadWorker));
	const connection = await guarded(() => instance.connect());

	return {
		query<Row extends object>(sql: string, params: readonly unknown[] = []) {
			return guarded(async () => {
				if (params.length === 0) return plainRows<Row>((await watchdog.watch(connection.query(sql))) as Table);
				const statement = await watchdog.watch(connection.prepare(sql));
				try {
					return plainRows<Row>((await watchdog.watch(statement.query(...params))) as Table);
				} finally {
					await watchdog.watch(statement.close());
				}
			});
		},
		exec(sql) {
			return guarded(async () => {
				await watchdog.watch(connection.query(sql));
			});
		},
		registerFile(name: string, source: FileSource) {
			return guarded(async () => {
				if ('file' in source) {
					await instance.registerFileHandle(name, source.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
				} else if ('bytes' in source) {
					await instance.registerFileBuffer(name, source.bytes.slice());
				} else {
					throw new Error('The browser cannot read files by path; pass the File itself.');
				}
			});
		},
		dropFile(name) {
			return guarded(async () => {
				await instance.dropFile(name);
			});
		},
		async close() {
			stop(new DatabaseStoppedError('The in-browser database was stopped.'));
			await instance.terminate();
		}
	};
}
