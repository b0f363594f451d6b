import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import type { ExportFile } from './format-adapter';

/** An entry of a zip's central directory. */
export interface ZipEntry {
	name: string;
	method: number;
	crc: number;
	compressed_bytes: number;
	size_bytes: number;
	local_header: number;
}

const COMPRESSED_SLICE_BYTES = 1 << 20;

/**
 * The entries of a zip as its central directory lists them (ZIP64 sizes and offsets included), or null when the
 * directory cannot be read or an entry is compressed in a way other than stored or deflate (then `unzipExport`
 * says what is wrong).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (end >= 0 && end >= bytes.length - 22 - 65_535 && view.getUint32(end, true) !== 0x06054b50) end--;
	if (end < 0 || end < bytes.length - 22 - 65_535) return null;
	let count = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
		const zip64_end = Number(view.getBigUint64(end - 12, true));
		if (zip64_end + 56 > bytes.length) return null;
		count = Number(view.getBigUint64(zip64_end + 32, true));
		offset = Number(view.getBigUint64(zip64_end + 48, true));
	}
	const decoder = new TextDecoder();
	const entries: ZipEntry[] = [];
	for (let index = 0; index < count; index++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
		const name_bytes = view.getUint16(offset + 28, true);
		const extra_bytes = view.getUint16(offset + 30, true);
		const entry: ZipEntry = {
			name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + name_bytes)),
			method: view.getUint16(offset + 10, true),
			crc: view.getUint32(offset + 16, true),
			compressed_bytes: view.getUint32(offset + 20, true),
			size_bytes: view.getUint32(offset + 24, true),
			local_header: view.getUint32(offset + 42, true)
		};
		readZip64Sizes(view, offset + 46 + name_bytes, extra_bytes, entry);
		if (entry.method !== 0 && entry.method !== 8) return null;
		entries.push(entry);
		offset += 46 + name_bytes + extra_bytes + view.getUint16(offset + 32, true);
	}
	return entries;
}

/** A ZIP64 extra field holds, in order, each of the sizes and the offset the record marks as 0xFFFFFFFF. */
function readZip64Sizes(view: DataView, extra_start: number, extra_bytes: number, entry: ZipEntry): void {
	for (let at = extra_start; at + 4 <= extra_start + extra_bytes; ) {
		const id = view.getUint16(at, true);
		const size = view.getUint16(at + 2, true);
		if (id === 0x0001) {
			let field = at + 4;
			for (const key of ['size_bytes', 'compressed_bytes', 'local_header'] as const) {
				if (entry[key] === 0xffffffff && field + 8 <= at + 4 + size) {
					entry[key] = Number(view.getBigUint64(field, true));
					field += 8;
				}
			}
		}
		at += 4 + size;
	}
}

/**
 * One entry of a zip, inflated a piece at a time, and checked at the end against the CRC-32 and size its directory
 * declares (the same checks and one-line messages as `unzipExport`). No size limit: the text is never one string.
 */
export function* zipEntryChunks(zip: ExportFile, entry: ZipEntry): Generator<Uint8Array> {
	const damaged = (reason: string) => new Error(`${zip.name} is damaged (${reason}): re-export or re-download it.`);
	const bytes = zip.bytes;
	if (entry.local_header + 30 > bytes.length || new DataView(bytes.buffer, bytes.byteOffset).getUint32(entry.local_header, true) !== 0x04034b50) {
		throw damaged(`${entry.name} has no local header where the directory says`);
	}
	const header = new DataView(bytes.buffer, bytes.byteOffset + entry.local_header);
	const data_start = entry.local_header + 30 + header.getUint16(26, true) + header.getUint16(28, true);
	const data = bytes.subarray(data_start, data_start + entry.compressed_bytes);
	let crc = 0;
	let size_bytes = 0;
	const out: Uint8Array[] = [];
	const inflate = entry.method === 8 ? new Inflate((chunk) => out.push(chunk)) : null;
	for (let from = 0; from < data.length || from === 0; from += COMPRESSED_SLICE_BYTES) {
		const slice = data.subarray(from, from + COMPRESSED_SLICE_BYTES);
		if (inflate) {
			try {
				inflate.push(slice, from + COMPRESSED_SLICE_BYTES >= data.length);
			} catch (error) {
				throw damaged(String((error as Error)?.message ?? error).split('\n')[0]);
			}
		} else out.push(slice);
		for (const chunk of out) {
			crc = crc32(chunk, crc);
			size_bytes += chunk.length;
			yield chunk;
		}
		out.length = 0;
		if (data.length === 0) break;
	}
	if (size_bytes !== entry.size_bytes) {
		throw damaged(`${entry.name} unpacks to ${size_bytes.toLocaleString('en')} bytes, the zip declares ${entry.size_bytes.toLocaleString('en')}`);
	}
	if (crc !== entry.crc) {
		throw damaged(`${entry.name} fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short`);
	}
}
