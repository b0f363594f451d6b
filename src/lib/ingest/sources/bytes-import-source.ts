import type { ImportSource } from './import-source';

/** An ImportSource over bytes already in memory (decoded text, the embedded sample, tests). */
export function bytesImportSource(name: string, bytes: Uint8Array): ImportSource {
	return {
		name,
		size_bytes: bytes.length,
		db_source: { bytes },
		readHead: async (max_bytes) => bytes.subarray(0, max_bytes),
		readAll: async () => bytes,
		async *chunks() {
			yield bytes;
		}
	};
}
