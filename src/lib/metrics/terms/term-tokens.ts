import { TERM_STOP_WORDS } from './term-stop-words';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Scripts written without spaces, where only Intl.Segmenter's dictionary finds the words (as count-words does). */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const URL_OR_MENTION = /(?:https?:\/\/|www\.)\S+|@\S+/giu;
/** Letters (with their combining marks), joined by an apostrophe as in "don't": numbers and symbols split words and are dropped. */
const LETTER_RUN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const ONE_LATIN_LETTER = /^\p{Script=Latin}$/u;

/**
 * The terms of `text`, lower-cased, in order: Chinese, Japanese, Korean and Thai words by Intl.Segmenter, other
 * words as letter runs; without URLs, @mentions, numbers, one-letter Latin words and stop words. Texts may be
 * joined by line breaks first: no term spans a line break.
 */
export function termTokens(text: string): string[] {
	const cleaned = text.replace(URL_OR_MENTION, ' ');
	const terms: string[] = [];
	if (UNSPACED_SCRIPT.test(cleaned)) {
		for (const segment of segmenter.segment(cleaned)) if (segment.isWordLike) addLetterRuns(segment.segment, terms);
	} else {
		addLetterRuns(cleaned, terms);
	}
	return terms;
}

// Letter runs of a word-like segment too, so "covid19" or "e.g." read the same in a Chinese text as in an English one.
function addLetterRuns(text: string, terms: string[]): void {
	for (const [run] of text.matchAll(LETTER_RUN)) {
		const term = run.toLowerCase().replaceAll('’', "'");
		if (!ONE_LATIN_LETTER.test(term) && !TERM_STOP_WORDS.has(term)) terms.push(term);
	}
}
