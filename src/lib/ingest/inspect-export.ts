import Papa from 'papaparse';
import { guessColumnMapping, type ColumnMapping } from './csv/column-mapping';
import { csvAdapter } from './csv/csv-adapter';
import { datasetFileAdapter } from './dataset/dataset-file-adapter';
import { decodeText, ENCODING_SAMPLE_BYTES, type DecodedText } from './text/decode-text';
import { FORMAT_ADAPTERS } from './formats/format-adapters';
import type { DuckDbFormatAdapter, FormatAdapter } from './formats/format-adapter';
import { unzipExport } from './formats/unzip-export';
import type { ImportSource } from './sources/import-source';

const HEAD_BYTES = ENCODING_SAMPLE_BYTES;
const PREVIEW_ROWS = 8;

/**
 * What a file looks like before importing: a CSV (with a preview and a guessed mapping), a known export, or a
 * roster (a CSV whose header is `author,role[,cohort]`, in any order and case), which gives roles, not messages.
 */
export type ExportInspection =
	| {
			kind: 'csv';
			/** Imports this CSV with DuckDB's CSV reader. */
			adapter: DuckDbFormatAdapter;
			format: 'resonance-csv' | 'mapped-csv';
			encoding: DecodedText['encoding'];
			header: string[];
			preview: string[][];
			mapping: ColumnMapping;
			/** The file holds control characters (IRC formatting, a stray NUL): the import strips them from text. */
			control_characters: boolean;
	  }
	| { kind: 'adapter'; adapter: FormatAdapter }
	/** A Parquet or DuckDB file, imported as a dataset `resonance convert` wrote (its metadata says whether it is one). */
	| { kind: 'dataset'; adapter: DuckDbFormatAdapter; container: 'parquet' | 'duckdb' }
	| { kind: 'roster'; encoding: DecodedText['encoding'] };

const ROSTER_COLUMNS = ['author', 'role', 'cohort'];

/**
 * Reads the first bytes of a file and decides how to import it (the encoding: see `decodeText`). Throws a
 * one-line message when the file is not text at all (a known binary format, or mostly non-text bytes) or not a
 * format Resonance knows. Control characters in a text file are text (IRC formatting), never a reason to refuse
 * it: a CSV is scanned whole for them in one pass, so the import strips them only when there are any.
 */
export async function inspectExport(source: ImportSource): Promise<ExportInspection> {
	if (source.size_bytes === 0) throw new Error(`${source.name} is empty.`);
	const head = await source.readHead(HEAD_BYTES);
	if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return { kind: 'dataset', adapter: datasetFileAdapter('parquet'), container: 'parquet' };
	if (head[8] === 0x44 && head[9] === 0x55 && head[10] === 0x43 && head[11] === 0x4b) return { kind: 'dataset', adapter: datasetFileAdapter('duckdb'), container: 'duckdb' };
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
	if (is_zip) {
		// Decompresses what an adapter would read, so a damaged zip is called damaged (and why), not unknown.
		unzipExport({ name: source.name, bytes: adapter_probe }, (name) => /\.(?:txt|json)$/i.test(name) && !name.startsWith('__MACOSX/'));
		throw new Error(`${source.name} is a zip archive that holds no chat export Resonance knows.`);
	}

	const binary_format = SIGNATURES.find(([bytes]) => bytes.every((byte, index) => head[index] === byte));
	if (binary_format) throw new Error(`${source.name} is ${binary_format[1]}, not a chat export.`);
	const decoded = decodeHead(head, source.size_bytes > head.length);
	const not_text = notTextReason(source.name, decoded);
	if (not_text) throw new Error(not_text);
	const not_csv = notCsvReason(source.name, decoded.text);
	if (not_csv) throw new Error(not_csv);
	const parsed = Papa.parse<string[]>(decoded.text.replace(/^\ufeff/, ''), { preview: PREVIEW_ROWS + 1 });
	const [header = [], ...preview] = parsed.data;
	// DuckDB reads no row at all, and rejects none, under a header whose quotes are broken (`""reply_to`).
	if (parsed.errors.some((error) => error.row === 0 && error.type === 'Quotes')) {
		throw new Error(`${source.name} has a header row that is not valid CSV (a quote in a column name is not closed or not doubled); fix the first line.`);
	}
	if (header.length < 2) {
		throw new Error(`${source.name} is not a CSV with a header row, nor an export format Resonance knows.`);
	}
	const names = header.map((name) => name.trim().toLowerCase());
	if (names.includes('author') && names.includes('role') && names.every((name) => ROSTER_COLUMNS.includes(name))) {
		return { kind: 'roster', encoding: decoded.encoding };
	}
	const { mapping, is_resonance_csv } = guessColumnMapping(header);
	if (!is_resonance_csv && /\.txt$/i.test(source.name)) {
		throw new Error(`${source.name} is a text file but not a chat export this version reads: expected a QQ message-manager TXT or a WhatsApp chat .txt (or a CSV).`);
	}
	const format = is_resonance_csv ? 'resonance-csv' : 'mapped-csv';
	const control_characters = await holdsControlBytes(source.chunks(), decoded.encoding);
	return {
		kind: 'csv',
		adapter: csvAdapter({ format, encoding: decoded.encoding, column_count: header.length, mapping, control_characters }),
		format,
		encoding: decoded.encoding,
		header,
		preview: preview.filter((row) => row.length > 1 || row[0] !== ''),
		mapping,
		control_characters
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

/**
 * True when the file has a C0 control byte other than tab, LF, VT, FF and CR (UTF-8 and GB18030 never use those
 * bytes inside a character), so the import strips them; UTF-16 is always stripped. One tight byte loop
 * (Node's windows-1252 TextDecoder + regex measured 10× slower on a 78 MB CSV).
 */
async function holdsControlBytes(chunks: AsyncIterable<Uint8Array>, encoding: DecodedText['encoding']): Promise<boolean> {
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return true;
	for await (const chunk of chunks) {
		for (let index = 0; index < chunk.length; index++) {
			const byte = chunk[index];
			if (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) return true;
		}
	}
	return false;
}

const SIGNATURES: [number[], string][] = [
	[[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
	[[0xff, 0xd8, 0xff], 'a JPEG image'],
	[[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
	[[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
	[[0x1f, 0x8b], 'a gzip archive'],
	[[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
	[[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
	[[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.xls or .doc)'],
	[[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'a SQLite database']
];
// "Mostly not text": text dense with IRC colour codes stays far below; binary data read as UTF-8 is 60% or more.
const MAX_NON_TEXT_SHARE = 0.5;
const NON_TEXT = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

/**
 * Why a text file that no adapter recognised is not a CSV either (JSON, or HTML/XML markup), naming what
 * Resonance reads instead of offering a column mapping for it; null for anything that may be a CSV.
 */
function notCsvReason(name: string, text: string): string | null {
	const head = text.slice(0, 1024).replace(/^\ufeff/, '').trimStart();
	if (/^<[!?a-z]/i.test(head)) {
		return `${name} is HTML or XML, not an export this version reads: export the chat as JSON (Telegram Desktop, DiscordChatExporter), TXT (QQ, WhatsApp) or CSV.`;
	}
	// An object with a key, or a list of objects, lists or strings (an IRC log's "[21:16] <nick>" is neither).
	if (!/^(?:\{\s*["}]|\[\s*[{["\]])/.test(head)) return null;
	return `${name} is JSON but not an export this version reads: expected a Telegram Desktop result.json ("Machine-readable JSON"), a DiscordChatExporter JSON file, a QQ Chat Exporter JSON (or its chunked-JSONL folder as a .zip), a WeFlow JSON, a Messenger or Instagram message_1.json, or a Slack workspace export as its .zip.`;
}

/** Why a file is not text at all (mostly characters that are control bytes or not UTF-8), or null. */
function notTextReason(name: string, decoded: DecodedText): string | null {
	const sample = decoded.text.replace(/\u0000+$/, '');
	const non_text = sample.match(NON_TEXT)?.length ?? 0;
	if (sample.length === 0 || non_text <= sample.length * MAX_NON_TEXT_SHARE) return null;
	const percent = Math.round((non_text / sample.length) * 100);
	return `${name} is not a text file (${percent}% of its first characters are binary data): choose the chat export itself.`;
}
