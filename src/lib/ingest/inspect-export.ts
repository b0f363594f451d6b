import Papa from 'papaparse';
import { guessColumnMapping, type ColumnMapping } from './csv/column-mapping';
import { decodeText, type DecodedText } from './decode-text';
import { FORMAT_ADAPTERS } from './format-adapters';
import type { FormatAdapter } from './formats/format-adapter';
import type { ImportSource } from './import-source';

const HEAD_BYTES = 256 * 1024;
const PREVIEW_ROWS = 8;

/** What a file looks like before importing: a CSV (with a preview and a guessed mapping) or a known export. */
export type ExportInspection =
	| {
			kind: 'csv';
			format: 'resonance-csv' | 'mapped-csv';
			encoding: DecodedText['encoding'];
			header: string[];
			preview: string[][];
			mapping: ColumnMapping;
	  }
	| { kind: 'adapter'; adapter: FormatAdapter };

/**
 * Reads the first bytes of a file and decides how to import it. Throws a one-line message when the
 * file is not text or not a format Resonance knows.
 */
export async function inspectExport(source: ImportSource): Promise<ExportInspection> {
	if (source.size_bytes === 0) throw new Error(`${source.name} is empty.`);
	const head = await source.readHead(HEAD_BYTES);
	const is_zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
	const adapter_probe = is_zip && source.size_bytes > head.length ? await source.readAll() : head;
	const adapter = FORMAT_ADAPTERS.find((candidate) => {
		try {
			return candidate.detect({ name: source.name, bytes: adapter_probe });
		} catch {
			return false;
		}
	});
	if (adapter) return { kind: 'adapter', adapter };
	if (is_zip) throw new Error(`${source.name} is a zip archive that holds no chat export Resonance knows.`);

	const decoded = decodeHead(head, source.size_bytes > head.length);
	if (/[\u0000-\u0008\u000e-\u001f]/.test(decoded.text.slice(0, 4096).replace(/\u0000+$/, ''))) {
		throw new Error(`${source.name} is not a text file (it contains binary data).`);
	}
	const parsed = Papa.parse<string[]>(decoded.text.replace(/^\ufeff/, ''), { preview: PREVIEW_ROWS + 1 });
	const [header = [], ...preview] = parsed.data;
	if (header.length < 2) {
		throw new Error(`${source.name} is not a CSV with a header row, nor an export format Resonance knows.`);
	}
	const { mapping, is_resonance_csv } = guessColumnMapping(header);
	return {
		kind: 'csv',
		format: is_resonance_csv ? 'resonance-csv' : 'mapped-csv',
		encoding: decoded.encoding,
		header,
		preview: preview.filter((row) => row.length > 1 || row[0] !== ''),
		mapping
	};
}

/** Decodes the head of a file; a multi-byte character cut at the end of a truncated head is not an error. */
function decodeHead(head: Uint8Array, truncated: boolean): DecodedText {
	if (!truncated) return decodeText(head);
	for (let trim = 0; trim < 4; trim++) {
		try {
			return decodeText(head.subarray(0, head.length - trim));
		} catch (error) {
			if (trim === 3) throw error;
		}
	}
	throw new Error('unreachable');
}
