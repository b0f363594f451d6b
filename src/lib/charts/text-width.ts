/**
 * Estimated rendered width in px of `text` at `font_size` in a Helvetica/Arial-like sans-serif. Charts
 * lay out labels with it instead of measuring, so the server, the CLI and the browser place every label
 * at the same spot; CJK and other wide characters count a full em.
 */
export function textWidth(text: string, font_size: number): number {
	let ems = 0;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code >= 0x1100 && isWide(code)) ems += 1;
		else if ('iljtfrI.,:;\'|!()[] '.includes(char)) ems += 0.3;
		else if ('mwMW@'.includes(char)) ems += 0.85;
		else if (char >= 'A' && char <= 'Z') ems += 0.66;
		else if (char >= '0' && char <= '9') ems += 0.56;
		else ems += 0.52;
	}
	return ems * font_size;
}

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1faff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}
