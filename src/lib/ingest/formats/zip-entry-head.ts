import { Unzip, UnzipInflate } from 'fflate';

const PUSH_BYTES = 16 * 1024;

/**
 * About the first `max_bytes` of the zip entry called `name`, inflating no further: format detection reads a few
 * KB, where unpacking a whole 60 MB chat would block the page for seconds. Throws as fflate does on data it
 * cannot inflate; no CRC check (the import unpacks and checks the whole entry).
 */
export function zipEntryHead(bytes: Uint8Array, name: string, max_bytes: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let head_bytes = 0;
	let ended = false;
	const unzip = new Unzip((file) => {
		if (file.name !== name) return;
		file.ondata = (error, data, final) => {
			if (error) throw error;
			chunks.push(data);
			head_bytes += data.length;
			ended ||= final;
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	for (let at = 0; at < bytes.length && !ended && head_bytes < max_bytes; at += PUSH_BYTES) {
		unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
	}
	const head = new Uint8Array(head_bytes);
	let at = 0;
	for (const chunk of chunks) {
		head.set(chunk, at);
		at += chunk.length;
	}
	return head.subarray(0, max_bytes);
}
