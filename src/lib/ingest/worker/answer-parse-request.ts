import type { ExportFile, ParseOptions } from '../formats/format-adapter';
import { FORMAT_ADAPTERS } from '../formats/format-adapters';
import { packParsedExport, type PackedExport } from './pack-parsed-export';

export interface ParseRequest {
	adapter_id: string;
	file: ExportFile;
	options: Omit<ParseOptions, 'onUnpacked'>;
}

/** What the parse worker posts: stages for the progress line (which adds the ellipsis) while it works, then the packed export or why it failed. */
export type ParseAnswer =
	| { type: 'stage'; stage: string }
	| { type: 'parsed'; packed: PackedExport }
	| { type: 'failed'; message: string };

/** The parse worker's whole job, apart from the worker: parses `request.file` with its adapter and posts what happens. */
export function answerParseRequest(request: ParseRequest, post: (answer: ParseAnswer, transfer?: ArrayBuffer[]) => void): void {
	const { adapter_id, file, options } = request;
	try {
		const adapter = FORMAT_ADAPTERS.find((candidate) => candidate.id === adapter_id);
		if (!adapter) throw new Error(`No export format is called ${adapter_id}.`);
		const is_zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04;
		post({ type: 'stage', stage: is_zip ? `Unpacking ${file.name}` : 'Reading messages' });
		const parsed = adapter.parse(file, { ...options, onUnpacked: () => post({ type: 'stage', stage: 'Reading messages' }) });
		const { packed, transfer } = packParsedExport(parsed);
		post({ type: 'parsed', packed }, transfer);
	} catch (error) {
		post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
}
