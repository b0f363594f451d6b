import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-segments';

const plain = (text: string) => ({ text, marked: false });
const mark = (text: string) => ({ text, marked: true });

describe('highlightSegments(text, query)', () => {
	it('marks every plain word wherever it occurs whole, ignoring case', () => {
		expect(highlightSegments('Which Chapter? read chapter 2, CHAPTERS too', 'chapter')).toEqual([
			plain('Which '),
			mark('Chapter'),
			plain('? read '),
			mark('chapter'),
			plain(' 2, CHAPTERS too')
		]);
	});

	it('marks Chinese words as substrings, each word of the query on its own', () => {
		expect(highlightSegments('好的，第二章我已经开始读了，考试前读完第二章', '第二章 考试')).toEqual([
			plain('好的，'),
			mark('第二章'),
			plain('我已经开始读了，'),
			mark('考试'),
			plain('前读完'),
			mark('第二章')
		]);
	});

	it('marks a "quoted phrase" only as written, spaces and case included', () => {
		expect(highlightSegments('Case Study: the case study, case  study', '"case study"')).toEqual([
			plain('Case Study: the '),
			mark('case study'),
			plain(', case  study')
		]);
	});

	it('joins words whose matches overlap or touch into one mark', () => {
		expect(highlightSegments('case-study, the case study', 'case -study "case study"')).toEqual([mark('case-study'), plain(', the '), mark('case study')]);
	});

	it('marks plain words and phrases only where whole, as the search finds them; Chinese inside a run of text', () => {
		expect(highlightSegments('them: the other, bathe (The)', 'the')).toEqual([plain('them: '), mark('the'), plain(' other, bathe ('), mark('The'), plain(')')]);
		expect(highlightSegments('the planet, the plan', '"the plan"')).toEqual([plain('the planet, '), mark('the plan')]);
		expect(highlightSegments('病例讨论', '例讨')).toEqual([plain('病'), mark('例讨'), plain('论')]);
	});

	it('takes the signs of a plain word literally', () => {
		expect(highlightSegments('learn C++ (basics)? or C', 'c++ (basics)?')).toEqual([plain('learn '), mark('C++'), plain(' '), mark('(basics)?'), plain(' or C')]);
	});

	it('marks what a /regular expression/ matches, /…/i ignoring case, and any text with regex: true', () => {
		expect(highlightSegments('chapter 3, Chapter 2', '/chapter [23]/')).toEqual([mark('chapter 3'), plain(', Chapter 2')]);
		expect(highlightSegments('chapter 3, Chapter 2', '/chapter [23]/i')).toEqual([mark('chapter 3'), plain(', '), mark('Chapter 2')]);
		expect(highlightSegments('病例讨论 第三章', '^病例|第.章', { regex: true })).toEqual([mark('病例'), plain('讨论 '), mark('第三章')]);
	});

	it('marks nothing for a regular expression JavaScript cannot compile, or one that matches only empty text', () => {
		expect(highlightSegments('a (b', '/(?P<x>a)/')).toEqual([plain('a (b')]);
		expect(highlightSegments('a (b', '/^/')).toEqual([plain('a (b')]);
	});

	it('keeps markup as text: a <script> is only characters to split', () => {
		expect(highlightSegments('<script>alert("x")</script> script', 'script')).toEqual([
			plain('<'),
			mark('script'),
			plain('>alert("x")</'),
			mark('script'),
			plain('> '),
			mark('script')
		]);
	});
});
