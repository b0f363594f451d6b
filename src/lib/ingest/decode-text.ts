/** The text of a file and the encoding it was read in. */
export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decodes an export: a BOM decides; otherwise strict UTF-8, then UTF-16 without BOM (many NULs),
 * then GB18030 (legacy Chinese Windows). A file valid in none of them throws, so nothing is garbled silently.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { text: strictDecode(utf16, bytes), encoding: utf16 };
	try {
		return { text: strictDecode('utf-8', bytes), encoding: 'utf-8' };
	} catch {
		try {
			return { text: strictDecode('gb18030', bytes), encoding: 'gb18030' };
		} catch {
			throw new Error('The file is not valid text in UTF-8, UTF-16 or GB18030; re-save it as UTF-8.');
		}
	}
}

function strictDecode(encoding: DecodedText['encoding'], bytes: Uint8Array): string {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw new Error(`The file is not valid ${encoding.toUpperCase()} text.`);
	}
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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
