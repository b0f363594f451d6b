/**
 * Wraps a word counter so each distinct text of a batch is counted once: short messages repeat
 * (好的, 谢谢老师), and segmenting is the costly part of counting words in unspaced scripts.
 */
export function countEachDistinctText(
	countTexts: (texts: string[]) => Promise<Int32Array> | Int32Array
): (texts: string[]) => Promise<Int32Array> {
	return async (texts) => {
		const index_of = new Map<string, number>();
		const distinct: string[] = [];
		const slots = new Int32Array(texts.length);
		for (const [position, text] of texts.entries()) {
			let index = index_of.get(text);
			if (index === undefined) index_of.set(text, (index = distinct.push(text) - 1));
			slots[position] = index;
		}
		if (distinct.length === texts.length) return countTexts(texts);
		const distinct_counts = await countTexts(distinct);
		return slots.map((index) => distinct_counts[index]);
	};
}
