import { TERM_STOP_WORDS } from './term-stop-words';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Scripts written without spaces, where only Intl.Segmenter's dictionary finds the words (as count-words does). */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const URL_OR_MENTION = /(?:https?:\/\/|www\.)\S+|@\S+/giu;
/** Letters (with their combining marks), joined by an apostrophe as in "don't": numbers and symbols split words and are dropped. */
const LETTER_RUN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const ONLY_LETTERS = /^[\p{L}\p{M}]+$/u;
/**
 * One letter of Latin script, or one Chinese character: Intl.Segmenter's dictionary splits the words it does not
 * know into single characters (规培, residency training, becomes 规 and 培), which then read as noise in a list
 * of what sets a period apart; the few meaningful one-character words (药, 血) are the price.
 */
const ONE_LETTER = /^[\p{Script=Latin}\p{Script=Han}]$/u;

/**
 * The terms of `text`, lower-cased: Chinese, Japanese, Korean and Thai words by Intl.Segmenter, other words as
 * letter runs; without URLs, @mentions, numbers, one-letter Latin words, one-character Chinese words and stop words. No term spans a line
 * break, so texts may be joined by line breaks first; lines without those scripts come first.
 */
export function termTokens(text: string): string[] {
	const cleaned = text.replace(URL_OR_MENTION, ' ');
	const terms: string[] = [];
	if (!UNSPACED_SCRIPT.test(cleaned)) {
		addLetterRuns(cleaned, terms);
		return terms;
	}
	// The segmenter is the slow part: lines without those scripts (English texts among Chinese ones) skip it.
	const unspaced_lines: string[] = [];
	for (const line of cleaned.split('\n')) {
		if (UNSPACED_SCRIPT.test(line)) unspaced_lines.push(line);
		else addLetterRuns(line, terms);
	}
	for (const { segment, isWordLike } of segmenter.segment(unspaced_lines.join('\n'))) {
		if (!isWordLike) continue;
		// Most segments are one run of letters already; the regex is the slower path.
		if (ONLY_LETTERS.test(segment)) addTerm(segment.toLowerCase(), terms);
		else addLetterRuns(segment, terms);
	}
	return terms;
}

// Letter runs of a word-like segment too, so "covid19" or "e.g." read the same in a Chinese text as in an English one.
function addLetterRuns(text: string, terms: string[]): void {
	for (const [run] of text.matchAll(LETTER_RUN)) addTerm(run.toLowerCase().replaceAll('’', "'"), terms);
}

function addTerm(term: string, terms: string[]): void {
	if (!TERM_STOP_WORDS.has(term) && !(term.length === 1 && ONE_LETTER.test(term))) terms.push(term);
}
