import type { ImportSource } from './import-source';

/** An ImportSource over a browser File (or Blob with a name); DuckDB streams it, nothing is copied up front. */
export function fileImportSource(file: File): ImportSource {
	return {
		name: file.name,
		size_bytes: file.size,
		db_source: { file },
		readHead: async (max_bytes) => new Uint8Array(await file.slice(0, max_bytes).arrayBuffer()),
		readAll: async () => new Uint8Array(await file.arrayBuffer()),
		async *chunks() {
			const reader = file.stream().getReader();
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				yield value;
			}
		}
	};
}
