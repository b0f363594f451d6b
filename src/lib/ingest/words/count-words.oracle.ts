const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The tests' oracle of countWordsOfEach: word-like segments of `text` by Intl.Segmenter, so Chinese counts words (今天 = 1), not characters. */
export function countWords(text: string): number {
	let words = 0;
	for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
	return words;
}
