import { unzipSync, type Unzipped } from 'fflate';
import { crc32 } from './crc32';
import type { ExportFile } from './format-adapter';

// V8 and Chromium strings stop at 2^29 − 24 UTF-16 units; past that TextDecoder gives nothing to read.
export const MAX_ENTRY_BYTES = 500 * 1024 * 1024;

interface DirectoryEntry {
	crc: number;
	/** From fflate, which reads ZIP64 sizes too. */
	size_bytes: number;
}

/**
 * The entries of a zipped export whose names `keep` accepts, each checked against the CRC-32 and size the zip's
 * directory declares (fflate checks neither: a flipped byte or a size made smaller would import altered or
 * truncated text without a word). A zip fflate cannot read (truncated, bytes flipped) or that fails a check
 * throws a one-line "damaged" message; a compression method fflate lacks (not stored or deflate) is said to be
 * that, since the file itself may be fine; an entry too large to read as text says so and what to do.
 */
export function unzipExport(file: ExportFile, keep: (name: string) => boolean): Unzipped {
	const crcs = directoryCrcs(file.bytes);
	const kept = new Map<string, DirectoryEntry>();
	let too_large: string | null = null;
	let entries: Unzipped;
	try {
		let index = 0;
		entries = unzipSync(file.bytes, {
			filter: (entry) => {
				const crc = crcs[index++];
				if (!keep(entry.name)) return false;
				if (entry.originalSize > MAX_ENTRY_BYTES) {
					too_large = `${file.name} holds ${entry.name}, ${Math.round(entry.originalSize / 1024 / 1024).toLocaleString('en')} MB unpacked: more than the ${MAX_ENTRY_BYTES / 1024 / 1024} MB Resonance reads from one file. Export a shorter period (or the chat in parts) and open the parts together.`;
					throw new Error(too_large);
				}
				kept.set(entry.name, { crc: crc ?? -1, size_bytes: entry.originalSize });
				return true;
			}
		});
	} catch (error) {
		if (too_large) throw new Error(too_large);
		const reason = String((error as Error)?.message ?? error).split('\n')[0];
		if (/unknown compression type/i.test(reason)) {
			throw new Error(`${file.name} uses a zip compression method Resonance cannot read (${reason}): zip the export again with standard (deflate) compression.`);
		}
		throw new Error(`${file.name} is damaged (${reason}): re-export or re-download it.`);
	}
	for (const [name, bytes] of Object.entries(entries)) {
		const declared = kept.get(name);
		if (!declared) continue;
		if (bytes.length !== declared.size_bytes) {
			throw new Error(`${file.name} is damaged (${name} unpacks to ${bytes.length.toLocaleString('en')} bytes, the zip declares ${declared.size_bytes.toLocaleString('en')}): re-export or re-download it.`);
		}
		if (crc32(bytes) !== declared.crc) {
			throw new Error(`${file.name} is damaged (${name} fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short): re-export or re-download it.`);
		}
	}
	return entries;
}

/** The CRC-32 of each entry of the central directory, in its order (the order fflate visits entries in). */
function directoryCrcs(bytes: Uint8Array): number[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (end >= 0 && end >= bytes.length - 22 - 65_535 && view.getUint32(end, true) !== 0x06054b50) end--;
	if (end < 0 || end < bytes.length - 22 - 65_535) return [];
	const crcs: number[] = [];
	let count = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	// A ZIP64 archive keeps its count and offset in the ZIP64 end record, just before its locator.
	if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
		const zip64_end = Number(view.getBigUint64(end - 12, true));
		if (zip64_end + 56 > bytes.length) return [];
		count = Number(view.getBigUint64(zip64_end + 32, true));
		offset = Number(view.getBigUint64(zip64_end + 48, true));
	}
	for (let entry = 0; entry < count; entry++) {
		if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return crcs;
		crcs.push(view.getUint32(offset + 16, true));
		offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
	}
	return crcs;
}
