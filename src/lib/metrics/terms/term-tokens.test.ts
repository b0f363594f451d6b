import { describe, expect, it } from 'vitest';
import { termTokens } from './term-tokens';

describe('termTokens(text)', () => {
	it.each([
		['Chinese words by Intl.Segmenter, without particles', '明天考试，大家复习了吗？', ['明天', '考试', '复习']],
		['lower case, without stop words, one-letter words, numbers and symbols', 'The Anatomy exam: I read 3 chapters of A big atlas!', ['anatomy', 'exam', 'read', 'chapters', 'big', 'atlas']],
		['without URLs and @mentions, in either script', '@张三 考试 https://example.cn/a?b=1 见面 www.example.org @Ann', ['考试', '见面']],
		['without one-character Chinese words, which the segmenter also makes of words it does not know', '规培 考试 我的 见 药', ['考试']],
		['apostrophes joined and made straight; stop words in either form', 'I can’t find Ann’s notes, don’t worry', ['find', "ann's", 'notes', 'worry']],
		['letters split from digits and points in an English text', 'covid19 e.g. 3D', ['covid']],
		['and the same inside a Chinese text', '今天 covid19 e.g. 3D', ['今天', 'covid']],
		['Japanese, Korean and Thai by Intl.Segmenter', 'テスト 해부학 시험 สวัสดี', ['テスト', '해부학', '시험', 'สวัสดี']],
		['accented letters kept whole', 'Café naïve', ['café', 'naïve']],
		['nothing but chat fillers', '哈哈哈 嗯嗯 好的 okay', []]
	])('%s: %s', (_what, text, terms) => {
		expect(termTokens(text)).toEqual(terms);
	});

	it('no term spans a line break, so texts can be tokenized joined; lines without Chinese come first', () => {
		const texts = ['明天考试', 'anatomy atlas', '复习 www.example.org', 'I can’t find it', '今天 covid19'];
		expect(termTokens(texts.join('\n'))).toEqual(['anatomy', 'atlas', 'find', '明天', '考试', '复习', '今天', 'covid']);
		expect(termTokens(texts.join('\n')).sort()).toEqual(texts.flatMap(termTokens).sort());
	});
});
