import Papa from 'papaparse';
import { guessColumnMapping, type ColumnMapping } from './csv/column-mapping';
import { decodeText, ENCODING_SAMPLE_BYTES, type DecodedText } from './decode-text';
import { FORMAT_ADAPTERS } from './format-adapters';
import type { FormatAdapter } from './formats/format-adapter';
import { unzipExport } from './formats/unzip-export';
import type { ImportSource } from './import-source';

const HEAD_BYTES = ENCODING_SAMPLE_BYTES;
const PREVIEW_ROWS = 8;

/**
 * What a file looks like before importing: a CSV (with a preview and a guessed mapping), a known export, or a
 * roster (a CSV whose header is `author,role[,cohort]`, in any order and case), which gives roles, not messages.
 */
export type ExportInspection =
	| {
			kind: 'csv';
			format: 'resonance-csv' | 'mapped-csv';
			encoding: DecodedText['encoding'];
			header: string[];
			preview: string[][];
			mapping: ColumnMapping;
	  }
	| { kind: 'adapter'; adapter: FormatAdapter }
	| { kind: 'roster'; encoding: DecodedText['encoding'] };

const ROSTER_COLUMNS = ['author', 'role', 'cohort'];

/**
 * Reads the first bytes of a file and decides how to import it (the encoding: see `decodeText`). Throws a
 * one-line message when the file is not text or not a format Resonance knows. A CSV is also scanned whole, in
 * one pass, for control characters: DuckDB would import them as text, so a CSV holding binary data anywhere is
 * refused, naming its first such line (a damaged or non-text file, not an export to trust row by row).
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
	if (is_zip) {
		// Decompresses what an adapter would read, so a damaged zip is called damaged (and why), not unknown.
		unzipExport({ name: source.name, bytes: adapter_probe }, (name) => /\.(?:txt|json)$/i.test(name) && !name.startsWith('__MACOSX/'));
		throw new Error(`${source.name} is a zip archive that holds no chat export Resonance knows.`);
	}

	const decoded = decodeHead(head, source.size_bytes > head.length);
	const binary = (await mayHoldBinary(source.chunks(), decoded.encoding)) ? await binaryLines(source.chunks(), decoded.encoding) : null;
	if (binary) throw new Error(binaryRefusal(source.name, binary));
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

/**
 * A fast first pass: true when the file has a C0 control byte other than tab, LF, VT, FF and CR (UTF-8 and GB18030
 * never use those bytes inside a character). Only then is it walked line by line. UTF-16 always takes the exact walk.
 * (A tight byte loop: Node's windows-1252 TextDecoder + regex measured 10× slower on a 78 MB CSV.)
 */
async function mayHoldBinary(chunks: AsyncIterable<Uint8Array>, encoding: DecodedText['encoding']): Promise<boolean> {
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return true;
	for await (const chunk of chunks) {
		for (let index = 0; index < chunk.length; index++) {
			const byte = chunk[index];
			if (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) return true;
		}
	}
	return false;
}

interface BinaryLines {
	first_line: number;
	first_byte: number;
	lines_with_binary: number;
	lines: number;
}

/**
 * Lines holding C0 control characters other than tab, LF, VT, FF and CR, over the whole file in one pass
 * (code units for UTF-16). NULs that run to the end of the file are padding, not data, and are ignored.
 */
async function binaryLines(chunks: AsyncIterable<Uint8Array>, encoding: DecodedText['encoding']): Promise<BinaryLines | null> {
	const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
	const little = encoding === 'utf-16le';
	const state = { line: 1, previous: -1, marked_line: 0, nul_line: 0 };
	let found: BinaryLines | null = null;
	const mark = (line: number, unit: number) => {
		if (state.marked_line === line) return;
		state.marked_line = line;
		found ??= { first_line: line, first_byte: unit, lines_with_binary: 0, lines: 0 };
		found.lines_with_binary++;
	};
	const control = (unit: number) => {
		if (state.nul_line !== 0 && unit !== 0) {
			mark(state.nul_line, 0);
			state.nul_line = 0;
		}
		if (unit === 0x0a) {
			if (state.previous !== 0x0d) state.line++;
		} else if (unit === 0x0d) {
			state.line++;
		} else if (unit === 0) {
			if (state.nul_line === 0) state.nul_line = state.line;
		} else if (unit < 0x09 || unit > 0x0d) {
			mark(state.line, unit);
		}
		state.previous = unit;
	};
	let carry = -1;
	for await (const chunk of chunks) {
		let index = 0;
		if (wide && carry >= 0 && chunk.length > 0) {
			const unit = little ? carry | (chunk[0] << 8) : (carry << 8) | chunk[0];
			if (unit < 0x20) control(unit);
			else textUnit();
			carry = -1;
			index = 1;
		}
		if (wide) {
			for (; index + 1 < chunk.length; index += 2) {
				const unit = little ? chunk[index] | (chunk[index + 1] << 8) : (chunk[index] << 8) | chunk[index + 1];
				if (unit < 0x20) control(unit);
				else textUnit();
			}
			if (index < chunk.length) carry = chunk[index];
		} else {
			for (; index < chunk.length; index++) {
				if (chunk[index] < 0x20) control(chunk[index]);
				else if (state.previous < 0x20) textUnit();
			}
		}
	}
	if (found !== null) (found as BinaryLines).lines = state.line;
	return found;

	function textUnit() {
		if (state.nul_line !== 0) {
			mark(state.nul_line, 0);
			state.nul_line = 0;
		}
		state.previous = 0x20;
	}
}

function binaryRefusal(name: string, binary: BinaryLines): string {
	const byte = `0x${binary.first_byte.toString(16).padStart(2, '0').toUpperCase()}`;
	if (binary.first_line === 1 || binary.lines_with_binary * 10 >= binary.lines) {
		return `${name} is not a text file (it contains binary data, byte ${byte} first at line ${binary.first_line}).`;
	}
	const first = binary.first_line.toLocaleString('en-US');
	if (binary.lines_with_binary === 1) {
		return `${name} holds binary data on line ${first} (control byte ${byte}): it is not a clean text export; re-export it or delete that line.`;
	}
	return `${name} holds binary data on ${binary.lines_with_binary.toLocaleString('en-US')} lines, first on line ${first} (control byte ${byte}): it is not a clean text export; re-export it or delete those lines.`;
}
