let table: Map<string, number[]> | null = null;

/**
 * `text` encoded as GB18030 (legacy Chinese Windows), for the characters of the two-byte GBK range plus
 * ASCII; anything else becomes `?`. TextEncoder only writes UTF-8, so the table is built by decoding.
 */
export function gb18030Bytes(text: string): Uint8Array {
	table ??= gbkTable();
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x80) bytes.push(code);
		else bytes.push(...(table.get(char) ?? [0x3f]));
	}
	return Uint8Array.from(bytes);
}

function gbkTable(): Map<string, number[]> {
	const decoder = new TextDecoder('gb18030');
	const map = new Map<string, number[]>();
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const char = decoder.decode(Uint8Array.of(lead, trail));
			if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [lead, trail]);
		}
	}
	return map;
}
