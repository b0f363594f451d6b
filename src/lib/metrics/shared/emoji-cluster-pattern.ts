const hex = (code_point: number) => `\\x{${code_point.toString(16).toUpperCase()}}`;

// Symbols that are Extended_Pictographic but read as text (© 2021, ™, ‼) count only when VS16 asks for emoji.
const TEXT_DEFAULT = [0xa9, 0xae, 0x203c, 0x2049, 0x2122, 0x2139];

/** The Extended_Pictographic code points as an RE2 class body, from the runtime's Unicode tables (they all lie below U+20000). */
function pictographicRanges(): string {
	const ranges: string[] = [];
	let start = -1;
	for (let code_point = 0; code_point <= 0x20000; code_point++) {
		const pictographic = code_point < 0x20000 && !TEXT_DEFAULT.includes(code_point) && /\p{Extended_Pictographic}/u.test(String.fromCodePoint(code_point));
		if (pictographic && start < 0) start = code_point;
		if (!pictographic && start >= 0) {
			ranges.push(start === code_point - 1 ? hex(start) : `${hex(start)}-${hex(code_point - 1)}`);
			start = -1;
		}
	}
	return ranges.join('');
}

const MODIFIERS = `[\\x{FE0F}\\x{20E3}\\x{1F3FB}-\\x{1F3FF}\\x{E0020}-\\x{E007F}]*`;
const ELEMENT = `(?:[${pictographicRanges()}]|[${TEXT_DEFAULT.map(hex).join('')}]\\x{FE0F})${MODIFIERS}`;

/**
 * RE2 pattern of one emoji as a person sees it: an Extended_Pictographic grapheme cluster with its skin tone,
 * variation selector and tags, ZWJ sequences (👨‍👩‍👧) whole, and a flag (two regional indicators).
 */
export const EMOJI_CLUSTER_PATTERN = `${ELEMENT}(?:\\x{200D}${ELEMENT})*|[\\x{1F1E6}-\\x{1F1FF}]{2}`;
