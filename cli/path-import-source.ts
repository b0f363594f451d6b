import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ImportSource } from '../src/lib/ingest/sources/import-source';
import { m } from '../src/lib/i18n/messages';

/** An ImportSource over a file on disk; DuckDB reads it by path, so large files are never held in memory. */
export function pathImportSource(path: string): ImportSource {
	const absolute = resolve(path);
	if (!existsSync(absolute)) throw new Error(m.cli_no_such_file({ path }));
	if (statSync(absolute).isDirectory()) throw new Error(m.cli_is_folder({ path }));
	const size_bytes = statSync(absolute).size;
	return {
		name: basename(absolute),
		size_bytes,
		db_source: { path: absolute },
		async readHead(max_bytes) {
			const handle = await open(absolute);
			try {
				const buffer = new Uint8Array(Math.min(max_bytes, size_bytes));
				await handle.read(buffer, 0, buffer.length, 0);
				return buffer;
			} finally {
				await handle.close();
			}
		},
		readAll: async () => new Uint8Array(readFileSync(absolute)),
		async *chunks() {
			for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 20 })) {
				yield new Uint8Array(chunk as Buffer);
			}
		}
	};
}
