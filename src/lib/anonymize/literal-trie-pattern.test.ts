import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { literalTriePattern } from './literal-trie-pattern';

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const kind = (char: string | undefined) =>
	char === undefined ? 'none' : /\p{N}/u.test(char) ? 'digit' : /[\p{L}\p{M}_]/u.test(char) && !UNSPACED.test(char) ? 'letter' : 'other';

/** The rule the pattern implements, word by word: leftmost, then longest, whole-word match; a test-side oracle. */
function oracleMatches(words: string[], text: string): string[] {
	const found: string[] = [];
	const chars = [...text];
	const sorted = [...new Set(words)].map((word) => [...word]).sort((a, b) => b.length - a.length);
	for (let at = 0; at < chars.length; ) {
		const word = sorted.find((candidate) => {
			if (candidate.join('') !== chars.slice(at, at + candidate.length).join('')) return false;
			const before = chars[at - 1];
			const after = chars[at + candidate.length];
			const first = kind(candidate[0]);
			const last = kind(candidate.at(-1));
			if (first === 'letter' && (kind(before) === 'letter' || kind(before) === 'digit')) return false;
			if (first === 'digit' && kind(before) === 'digit') return false;
			if (last === 'letter' && (kind(after) === 'letter' || kind(after) === 'digit')) return false;
			if (last === 'digit' && kind(after) === 'digit') return false;
			return true;
		});
		if (word) {
			found.push(word.join(''));
			at += word.length;
		} else at++;
	}
	return found;
}

describe('literalTriePattern', () => {
	test('matches exactly the leftmost-longest whole words the edge rules allow (fuzzed against a word-by-word oracle)', () => {
		const alphabet = fc.constantFrom('a', 'b', 'é', '1', '2', '小', '明', ' ', '-', '_');
		fc.assert(
			fc.property(fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.string({ unit: alphabet, maxLength: 24 }), (words, text) => {
				const pattern = new RegExp(literalTriePattern(words), 'gu');
				expect([...text.matchAll(pattern)].map((match) => match[0])).toEqual(oracleMatches(words, text));
			}),
			{ seed: 20_261_203, numRuns: 500 }
		);
	});
});
