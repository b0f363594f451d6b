import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../../../../tests/fuzz/hostile-strings';
import { countWords } from './count-words.oracle';
import { countWordsOfEach } from './count-words-of-each';

const SEED = 20_261_126;
const RUNS = Math.round(300 * Number(process.env.FUZZ_SCALE ?? 1));
// Pieces that sit next to a line break in interesting ways: CR before the joining LF, a combining mark or
// a zero-width joiner right after it, scripts with dictionary segmentation, digits with separators.
const PIECES = ['\r', '\n', '\r\n', '\u0301', '\u200d', '\u200b', '今天天气很好', '我们', '。', 'สวัสดีครับ', 'こんにちは', '한국어', 'don’t', '3.14', "it's", '👩‍👩‍👧', ' ', 'a', '_'];
const text = fc.oneof(
	fc.constantFrom(...HOSTILE_STRINGS),
	fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join('')),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.string({ unit: 'binary', maxLength: 12 })
);

describe('countWordsOfEach', () => {
	it('counts each text as countWords does, across the line breaks that join them', () => {
		const texts = ['今天天气很好', '', 'hello world', '\r', '\u0301x', 'a\n', '我们。我们'];
		expect(Array.from(countWordsOfEach(texts))).toEqual([3, 0, 2, 0, 1, 1, 2]);
		expect(Array.from(countWordsOfEach(texts))).toEqual(texts.map(countWords));
	});

	it('gives an empty answer for no texts, and counts more texts than one segmenter call takes', () => {
		expect(countWordsOfEach([])).toEqual(new Int32Array(0));
		const texts = Array.from({ length: 137 }, (_, index) => `第${index}条 message ${'词'.repeat(index % 4)}`);
		expect(Array.from(countWordsOfEach(texts))).toEqual(texts.map(countWords));
	});

	it(`${RUNS} generated batches (seed ${SEED}): equal to countWords text by text`, () => {
		fc.assert(
			fc.property(fc.array(text, { maxLength: 120 }), (texts) => {
				expect(Array.from(countWordsOfEach(texts))).toEqual(texts.map(countWords));
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});
});
