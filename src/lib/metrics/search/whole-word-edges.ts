const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
// Scripts written without spaces between words: a word of them is found inside a run of text, as a substring.
const UNSPACED_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/**
 * Which ends of a searched word or phrase must not touch another letter, mark or digit (so that "the" is not found in
 * "them" nor "other"): an end that is itself one, unless of a script written without spaces (Chinese, Japanese, Thai…).
 */
export function wholeWordEdges(literal: string): { start: boolean; end: boolean } {
	const characters = Array.from(literal);
	const bounded = (character: string | undefined) => character !== undefined && WORD_CHARACTER.test(character) && !UNSPACED_SCRIPT.test(character);
	return { start: bounded(characters[0]), end: bounded(characters.at(-1)) };
}
