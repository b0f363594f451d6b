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
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * NFKC (full-width `Ｂｕｄｉ１２３＠` → `Budi123@`, decomposed accents composed) with invisible format
 * characters removed (`Bu\u200bdi` → `Budi`), so that a name or a number cannot hide from a pattern by
 * how it is encoded. Each character cluster is normalised alone, so every matched range maps back to whole
 * clusters of the original, and text around a match stays exactly as written.
 */
export function matchingText(original: string): MatchingText {
	if (ASCII.test(original) || (original.normalize('NFKC') === original && !HAS_INVISIBLE.test(original))) {
		return { text: original, original: (from, to) => [from, to] };
	}
	const starts: number[] = [];
	const ends: number[] = [];
	let text = '';
	for (const cluster of original.matchAll(CLUSTER)) {
		const normalized = cluster[0].normalize('NFKC').replace(INVISIBLE, '');
		for (let index = 0; index < normalized.length; index++) {
			starts.push(cluster.index);
			ends.push(cluster.index + cluster[0].length);
		}
		text += normalized;
	}
	starts.push(original.length);
	return {
		text,
		original: (from, to) => (to > from ? [starts[from], ends[to - 1]] : [starts[from], starts[from]])
	};
}
