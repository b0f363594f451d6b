/** A source DuckDB can read by name: a browser File (streamed), bytes, or a path on the local disk (Node). */
export type FileSource = { file: File } | { bytes: Uint8Array } | { path: string };

/**
 * The only door to DuckDB. Both runtimes (duckdb-wasm worker in the browser, the blocking build in
 * Node) implement it, so ingest and metric code is shared line for line.
 */
export interface Db {
	/** Runs one statement with `?` parameters bound in order; rows come back as plain numbers and strings. */
	query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
	/** Runs statements that return nothing (DDL, several statements separated by `;`). */
	exec(sql: string): Promise<void>;
	/** Makes a file readable by SQL as `name` (e.g. `read_csv(name)`). */
	registerFile(name: string, source: FileSource): Promise<void>;
	dropFile(name: string): Promise<void>;
	close(): Promise<void>;
}
