import { unzipSync, type Unzipped } from 'fflate';
import type { ExportFile } from './format-adapter';

/**
 * The entries of a zipped export whose names `keep` accepts. A zip fflate cannot read (truncated, bytes
 * flipped) throws a one-line "damaged" message with fflate's reason; a compression method fflate lacks
 * (not stored or deflate) is said to be that, since the file itself may be fine.
 */
export function unzipExport(file: ExportFile, keep: (name: string) => boolean): Unzipped {
	try {
		return unzipSync(file.bytes, { filter: (entry) => keep(entry.name) });
	} catch (error) {
		const reason = String((error as Error)?.message ?? error).split('\n')[0];
		if (/unknown compression type/i.test(reason)) {
			throw new Error(`${file.name} uses a zip compression method Resonance cannot read (${reason}): zip the export again with standard (deflate) compression.`);
		}
		throw new Error(`${file.name} is damaged (${reason}): re-export or re-download it.`);
	}
}
