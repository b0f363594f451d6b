import { decodesAfterCut, ENCODING_SAMPLE_BYTES, scanUtf8, utf16WithoutBom, utf8Lines, type BadByte, type DecodedText } from './decode-text';

/** A piece of a file's text, in file order, with the bad bytes inside it (see `decodeText`). */
export interface DecodedPiece {
	text: string;
	bad_bytes: BadByte[];
}

const NOT_GB18030 = 'The file is not valid text in UTF-8, UTF-16 or GB18030; re-save it as UTF-8.';

/**
 * `decodeText` over a stream of chunks: the same encoding (decided on the first 256 KB, as `decodeText` decides
 * it), the same text and the same bad bytes, piece by piece. A piece of UTF-8 never ends inside a character or
 * between CR and LF; a file that is not valid in its encoding throws `decodeText`'s message when the bad bytes come.
 */
export async function* decodeTextStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<DecodedPiece> {
	const iterator = chunks[Symbol.asyncIterator]();
	const head_parts: Uint8Array[] = [];
	let head_bytes = 0;
	let ended = false;
	while (head_bytes < ENCODING_SAMPLE_BYTES) {
		const next = await iterator.next();
		if (next.done) {
			ended = true;
			break;
		}
		head_parts.push(next.value);
		head_bytes += next.value.length;
	}
	const head = concat(head_parts);
	async function* rest(): AsyncGenerator<Uint8Array> {
		yield head;
		if (ended) return;
		for (;;) {
			const next = await iterator.next();
			if (next.done) return;
			yield next.value;
		}
	}

	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return yield* utf8Pieces(rest(), 3);
	if (head[0] === 0xff && head[1] === 0xfe) return yield* strictPieces(rest(), 'utf-16le', 2, 'The file is not valid UTF-16LE text.');
	if (head[0] === 0xfe && head[1] === 0xff) return yield* strictPieces(rest(), 'utf-16be', 2, 'The file is not valid UTF-16BE text.');
	const utf16 = utf16WithoutBom(head);
	if (utf16) return yield* strictPieces(rest(), utf16, 0, `The file is not valid ${utf16.toUpperCase()} text.`);
	// A valid UTF-8 file has no bad line in its sample, so the rule below never sends it to GB18030 either.
	const sample = head.subarray(0, ENCODING_SAMPLE_BYTES);
	const lines = utf8Lines(sample);
	if (lines.bad > lines.good && lines.bad * 4 >= lines.non_empty) {
		if (!decodesAfterCut('gb18030', sample)) throw new Error(NOT_GB18030);
		return yield* strictPieces(rest(), 'gb18030', 0, NOT_GB18030);
	}
	yield* utf8Pieces(rest(), 0);
}

async function* strictPieces(
	chunks: AsyncIterable<Uint8Array>,
	encoding: DecodedText['encoding'],
	skip_bytes: number,
	message: string
): AsyncGenerator<DecodedPiece> {
	const decoder = new TextDecoder(encoding, { fatal: true });
	const decode = (bytes?: Uint8Array) => {
		try {
			return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
		} catch {
			throw new Error(message);
		}
	};
	let first = true;
	for await (const chunk of chunks) {
		yield { text: decode(first ? chunk.subarray(skip_bytes) : chunk), bad_bytes: [] };
		first = false;
	}
	yield { text: decode(), bad_bytes: [] };
}

/** UTF-8 with U+FFFD for bad bytes, listing the first bad byte of each line, in pieces that end between characters. */
async function* utf8Pieces(chunks: AsyncIterable<Uint8Array>, skip_bytes: number): AsyncGenerator<DecodedPiece> {
	const decoder = new TextDecoder('utf-8');
	let line = 1;
	let column = 0;
	let last_bad_line = 0;
	const piece = (bytes: Uint8Array, final: boolean): DecodedPiece => {
		const bad_bytes: BadByte[] = [];
		scanUtf8(bytes, {
			onBreak: () => {
				line++;
				column = 0;
			},
			onChar: (kind, byte) => {
				column++;
				if (kind === 'invalid' && last_bad_line !== line) {
					bad_bytes.push({ line, column, byte });
					last_bad_line = line;
				}
			},
			cut_at_end: false
		});
		return { text: final ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true }), bad_bytes };
	};
	let carry = new Uint8Array(0);
	let first = true;
	for await (const chunk of chunks) {
		const bytes = concat([carry, first ? chunk.subarray(skip_bytes) : chunk]);
		first = false;
		const end = safeEnd(bytes);
		carry = bytes.slice(end);
		if (end > 0) yield piece(bytes.subarray(0, end), false);
	}
	yield piece(carry, true);
}

/** Where `bytes` can be cut: not inside a multi-byte character, and not after a CR (an LF may follow it). */
function safeEnd(bytes: Uint8Array): number {
	let end = bytes.length;
	for (let back = 1; back <= 3 && back <= bytes.length; back++) {
		const byte = bytes[end - back];
		if (byte < 0x80) break;
		if (byte >= 0xc0) {
			const continuation_bytes = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
			if (continuation_bytes >= back) end -= back;
			break;
		}
	}
	if (end > 0 && bytes[end - 1] === 0x0d) end--;
	return end;
}

function concat(parts: Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
