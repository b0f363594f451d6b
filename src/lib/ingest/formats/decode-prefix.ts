import { decodeText } from '../text/decode-text';

/**
 * The first `max_bytes` of a file as text, for cheap format detection; '' when they are not text.
 * A cut can split a multi-byte character, so a few shorter cuts are tried before GB18030 (which
 * accepts almost any byte string) is believed.
 */
export function decodePrefix(bytes: Uint8Array, max_bytes = 4096): string {
	if (bytes.length <= max_bytes) return decodeOrEmpty(bytes);
	let gb18030: string | null = null;
	for (let cut = 0; cut < 4; cut++) {
		try {
			const decoded = decodeText(bytes.subarray(0, max_bytes - cut));
			if (decoded.encoding !== 'gb18030') return decoded.text;
			gb18030 ??= decoded.text;
		} catch {
			// a split character; try a shorter cut
		}
	}
	return gb18030 ?? '';
}

function decodeOrEmpty(bytes: Uint8Array): string {
	try {
		return decodeText(bytes).text;
	} catch {
		return '';
	}
}
