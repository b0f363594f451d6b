import type { FileSource } from '../../db/db';

/** A file to import, readable by DuckDB and by the JS-side parsers, from a browser File or a local path. */
export interface ImportSource {
	name: string;
	size_bytes: number;
	db_source: FileSource;
	readHead(max_bytes: number): Promise<Uint8Array>;
	readAll(): Promise<Uint8Array>;
	chunks(): AsyncIterable<Uint8Array>;
}
