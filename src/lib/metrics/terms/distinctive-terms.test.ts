import { describe, expect, it } from 'vitest';
import { distinctiveTerms } from './distinctive-terms';

// A corpus of 20 words: exam 6, review 4, lunch 10. The group holds 10 of them: exam 5, review 3, lunch 2, so the
// rest holds exam 1, review 1, lunch 8 (10 words). Prior alpha_w = corpus count (a0 = 20).
//   exam:   delta = ln((5+6)/(10+20-5-6)) - ln((1+6)/(10+20-1-6)) = ln(11/19) - ln(7/23) = ln(253/133),
//           variance = 1/(5+6) + 1/(1+6) = 18/77
//   review: delta = ln((3+4)/(10+20-3-4)) - ln((1+4)/(10+20-1-4)) = ln(7/23) - ln(5/25) = ln(35/23),
//           variance = 1/7 + 1/5 = 12/35
//   lunch:  delta = ln((2+10)/(30-12)) - ln((8+10)/(30-18)) = ln(4/9) < 0, not distinctive of the group.
// z = delta / sqrt(variance); the decimals were computed separately in Python.
const corpus = new Map([['exam', 6], ['review', 4], ['lunch', 10]]);
const group = new Map([['exam', 5], ['review', 3], ['lunch', 2]]);
const EXAM_Z = 1.3299868358461449;
const REVIEW_Z = 0.7170369473924717;

describe('distinctiveTerms(group, corpus, options)', () => {
	it('scores each term by the z of its weighted log-odds with the corpus as prior (Monroe et al. eq. 22), positive only', () => {
		const terms = distinctiveTerms(group, corpus);
		expect(terms.map(({ term, count }) => [term, count])).toEqual([['exam', 5], ['review', 3]]);
		expect(terms[0].score).toBeCloseTo(Math.log(253 / 133) / Math.sqrt(18 / 77), 12);
		expect(terms[1].score).toBeCloseTo(Math.log(35 / 23) / Math.sqrt(12 / 35), 12);
		expect(Math.abs(terms[0].score - EXAM_Z)).toBeLessThan(1e-9);
		expect(Math.abs(terms[1].score - REVIEW_Z)).toBeLessThan(1e-9);
	});

	it('leaves out terms used fewer than min_count times in the group, and keeps the top few', () => {
		expect(distinctiveTerms(group, corpus, { min_count: 4 }).map((term) => term.term)).toEqual(['exam']);
		expect(distinctiveTerms(group, corpus, { top: 1 }).map((term) => term.term)).toEqual(['exam']);
	});

	it('orders equal scores by term', () => {
		// a and b: 2 of the group's 4 words, 3 of the corpus's 12; delta = ln(5/11) - ln(4/16), variance = 1/5 + 1/4.
		const terms = distinctiveTerms(new Map([['b', 2], ['a', 2]]), new Map([['a', 3], ['b', 3], ['c', 6]]));
		expect(terms.map(({ term, count }) => [term, count])).toEqual([['a', 2], ['b', 2]]);
		expect(Math.abs(terms[0].score - 0.8912027821027736)).toBeLessThan(1e-9);
		expect(terms[1].score).toBe(terms[0].score);
	});

	it('finds nothing distinctive in a group that is the whole corpus, or in an empty one', () => {
		expect(distinctiveTerms(corpus, corpus)).toEqual([]);
		expect(distinctiveTerms(new Map(), corpus)).toEqual([]);
	});
});
