/** The first byte of a line that is not UTF-8 (decoded as U+FFFD). */
export interface BadByte {
	/** 1-based line; CRLF, LF and CR each end a line. */
	line: number;
	/** 1-based character column in that line. */
	column: number;
	byte: number;
}

/** The text of a file, the encoding it was read in, and the lines that hold bytes that are not UTF-8. */
export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
	/** At most one per line, in line order; always empty outside UTF-8. Rows holding them are rejected, not imported. */
	bad_bytes: BadByte[];
}

/** The encoding is decided on the first 256 KB (what `inspectExport` reads), so a file and its head decide alike. */
export const ENCODING_SAMPLE_BYTES = 256 * 1024;

/**
 * Decodes an export. A BOM decides (a UTF-8 BOM still lists bad bytes); otherwise UTF-16 without BOM (many
 * NULs), then UTF-8 or GB18030 (legacy Chinese Windows) by this rule, applied to the first 256 KB, so a file
 * decides the same whether its bad bytes come early or late, and the same as its head in `inspectExport`:
 * - valid UTF-8 is UTF-8;
 * - GB18030 when the sample decodes as GB18030 *and* reads like it: the lines holding bytes that are not
 *   UTF-8 outnumber the lines holding valid UTF-8 multi-byte characters, and make up at least a quarter of
 *   the non-empty lines (measured: GB18030 chat text gives 0–0.3 good lines per bad one);
 * - otherwise UTF-8 with a few bad bytes: each becomes U+FFFD and is listed in `bad_bytes`, so the row that
 *   holds it is rejected ("not valid UTF-8 (byte 0xD5 at column 21)"), as DuckDB's CSV reader rejects it in a
 *   UTF-8 CSV ("row is not valid UTF-8 text").
 * A tie goes to UTF-8: rejected rows are reported, while reading UTF-8 as GB18030 would garble rows silently.
 * A file that reads as GB18030 but is not valid GB18030 throws one line, so nothing is garbled silently.
 * Control characters (IRC formatting, a stray NUL) are text here; `stripControlCharacters` removes them later.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8WithBadBytes(bytes.subarray(3));
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return clean(strictDecode('utf-16le', bytes.subarray(2)), 'utf-16le');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return clean(strictDecode('utf-16be', bytes.subarray(2)), 'utf-16be');
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return clean(strictDecode(utf16, bytes), utf16);
	const text = tryDecode('utf-8', bytes);
	if (text !== null) return clean(text, 'utf-8');
	const sample = bytes.subarray(0, ENCODING_SAMPLE_BYTES);
	const lines = utf8Lines(sample);
	const reads_as_gb18030 = lines.bad > lines.good && lines.bad * 4 >= lines.non_empty;
	if (!reads_as_gb18030) return utf8WithBadBytes(bytes);
	const gb18030 = decodesAfterCut('gb18030', sample) ? tryDecode('gb18030', bytes) : null;
	if (gb18030 === null) throw new Error('The file is not valid text in UTF-8, UTF-16 or GB18030; re-save it as UTF-8.');
	return clean(gb18030, 'gb18030');
}

function tryDecode(encoding: DecodedText['encoding'], bytes: Uint8Array): string | null {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

function strictDecode(encoding: DecodedText['encoding'], bytes: Uint8Array): string {
	const text = tryDecode(encoding, bytes);
	if (text === null) throw new Error(`The file is not valid ${encoding.toUpperCase()} text.`);
	return text;
}

/** True when `bytes` decode, allowing a character cut at the end (a sample is a cut). */
export function decodesAfterCut(encoding: DecodedText['encoding'], bytes: Uint8Array): boolean {
	for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
		if (tryDecode(encoding, bytes.subarray(0, bytes.length - cut)) !== null) return true;
	}
	return false;
}

function clean(text: string, encoding: DecodedText['encoding']): DecodedText {
	return { text, encoding, bad_bytes: [] };
}

interface Utf8Lines {
	/** Lines with valid UTF-8 multi-byte characters and no bad byte. */
	good: number;
	/** Lines with at least one byte that is not UTF-8. */
	bad: number;
	non_empty: number;
}

/** Counts lines by what their bytes say about UTF-8; a character cut at the end of the sample is not counted. */
export function utf8Lines(bytes: Uint8Array): Utf8Lines {
	const counts: Utf8Lines = { good: 0, bad: 0, non_empty: 0 };
	let multi_byte = false;
	let invalid = false;
	let empty = true;
	const endLine = () => {
		if (invalid) counts.bad++;
		else if (multi_byte) counts.good++;
		if (!empty) counts.non_empty++;
		multi_byte = invalid = false;
		empty = true;
	};
	scanUtf8(bytes, {
		onBreak: endLine,
		onChar: (kind) => {
			empty = false;
			if (kind === 'multi-byte') multi_byte = true;
			else if (kind === 'invalid') invalid = true;
		},
		cut_at_end: true
	});
	endLine();
	return counts;
}

/** UTF-8 decoded with U+FFFD for each bad sequence (as TextDecoder does), listing the first bad byte of each line. */
function utf8WithBadBytes(bytes: Uint8Array): DecodedText {
	const text = new TextDecoder('utf-8').decode(bytes);
	const bad_bytes: BadByte[] = [];
	let line = 1;
	let column = 0;
	scanUtf8(bytes, {
		onBreak: () => {
			line++;
			column = 0;
		},
		onChar: (kind, byte) => {
			column++;
			if (kind === 'invalid' && bad_bytes[bad_bytes.length - 1]?.line !== line) bad_bytes.push({ line, column, byte });
		},
		cut_at_end: false
	});
	return { text, encoding: 'utf-8', bad_bytes };
}

type CharKind = 'ascii' | 'multi-byte' | 'invalid';

/**
 * Walks UTF-8 bytes once: a line break (CRLF, LF or CR), or one character: ASCII, a valid
 * multi-byte sequence, or an invalid one (its maximal subpart, which TextDecoder turns into one U+FFFD).
 */
export function scanUtf8(
	bytes: Uint8Array,
	visit: { onBreak: () => void; onChar: (kind: CharKind, first_byte: number) => void; cut_at_end: boolean }
): void {
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index];
		if (byte < 0x80) {
			if (byte === 0x0a) visit.onBreak();
			else if (byte === 0x0d) {
				if (bytes[index + 1] === 0x0a) index++;
				visit.onBreak();
			} else visit.onChar('ascii', byte);
			index++;
			continue;
		}
		const needed = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0;
		if (needed === 0) {
			visit.onChar('invalid', byte);
			index++;
			continue;
		}
		let low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
		let high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
		let next = index + 1;
		let complete = true;
		for (let count = 0; count < needed; count++, next++) {
			if (next >= bytes.length) {
				if (visit.cut_at_end) return;
				complete = false;
				break;
			}
			if (bytes[next] < low || bytes[next] > high) {
				complete = false;
				break;
			}
			low = 0x80;
			high = 0xbf;
		}
		visit.onChar(complete ? 'multi-byte' : 'invalid', byte);
		index = next;
	}
}

export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const sample = Math.min(bytes.length, 4096) & ~1;
	if (sample < 4) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let index = 0; index < sample; index += 2) {
		if (bytes[index] === 0) evenZeros++;
		if (bytes[index + 1] === 0) oddZeros++;
	}
	const pairs = sample / 2;
	if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
	return null;
}
