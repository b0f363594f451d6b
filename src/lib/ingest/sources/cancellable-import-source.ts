import type { ImportSource } from './import-source';

/**
 * The same source, but every read checks `stop` when it completes (and between chunks) and throws what it
 * returns: JS-side reading and parsing cannot be interrupted, so a cancelled load stops at the next read.
 */
export function cancellableImportSource(source: ImportSource, stop: () => Error | null): ImportSource {
	const check = <T>(value: T): T => {
		const error = stop();
		if (error) throw error;
		return value;
	};
	return {
		...source,
		readHead: async (max_bytes) => check(await source.readHead(check(max_bytes))),
		readAll: async () => check(await source.readAll()),
		async *chunks() {
			for await (const chunk of source.chunks()) yield check(chunk);
		}
	};
}
