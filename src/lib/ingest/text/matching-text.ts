/** Text as a reader sees it, for matching names and identifiers, with the way back to the original's code units. */
export interface MatchingText {
	text: string;
	/** `original(from, to)`: the range of the original text that `text.slice(from, to)` came from. */
	original(from: number, to: number): [number, number];
}

/** Zero-width characters, bidi controls, variation selectors, Hangul fillers: nothing a reader sees. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const HAS_INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/** A character with the combining marks on it: normalised together, so a decomposed `é` becomes one `é`. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/uy;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * NFKC (full-width `Ｂｕｄｉ１２３＠` → `Budi123@`, decomposed accents composed) with invisible format
 * characters removed (`Bu\u200bdi` → `Budi`), so that a name or a number cannot hide from a pattern by
 * how it is encoded. Each character with its combining marks is normalised alone, so every matched range maps back to whole
 * clusters of the original, and text around a match stays exactly as written.
 */
export function matchingText(original: string): MatchingText {
	if (ASCII.test(original) || (original.normalize('NFKC') === original && !HAS_INVISIBLE.test(original))) {
		return { text: original, original: (from, to) => [from, to] };
	}
	const starts: number[] = [];
	const ends: number[] = [];
	let text = '';
	let index = 0;
	while (index < original.length) {
		const code = original.charCodeAt(index);
		const next = original.charCodeAt(index + 1);
		// the bulk of Latin and Chinese text, which NFKC leaves alone, without a combining mark after it
		if ((code < 0x7f || (code >= 0x4e00 && code <= 0x9fff)) && !(next >= 0x300 && !(next >= 0x4e00 && next <= 0x9fff))) {
			starts.push(index);
			ends.push(index + 1);
			text += original[index];
			index++;
			continue;
		}
		CLUSTER.lastIndex = index;
		const cluster = CLUSTER.exec(original)![0];
		const normalized = cluster.normalize('NFKC').replace(INVISIBLE, '');
		for (let offset = 0; offset < normalized.length; offset++) {
			starts.push(index);
			ends.push(index + cluster.length);
		}
		text += normalized;
		index += cluster.length;
	}
	starts.push(original.length);
	return {
		text,
		original: (from, to) => (to > from ? [starts[from], ends[to - 1]] : [starts[from], starts[from]])
	};
}
