import fc from 'fast-check';
import { expect, test } from 'vitest';
import { gini } from './gini';

test('gini([0, 0, 0, 10]) is 0.75: three lurkers and one talker', () => {
	// Σ_{i<j} |xi − xj| = 3 × 10 = 30; n × Σx = 4 × 10 = 40
	expect(gini([0, 0, 0, 10])).toBe(0.75);
});

test('gini([1, 2, 3, 4]) is 0.25', () => {
	// Σ_{i<j} |xi − xj| = 1 + 2 + 3 + 1 + 2 + 1 = 10; n × Σx = 40
	expect(gini([4, 1, 3, 2])).toBe(0.25);
});

test('gini is 0 for equal values, all zeros and no values', () => {
	expect(gini([7, 7, 7])).toBe(0);
	expect(gini([0, 0])).toBe(0);
	expect(gini([])).toBe(0);
});

test('gini refuses negative amounts', () => {
	expect(() => gini([1, -1])).toThrow(RangeError);
	expect(() => gini([-1, -1])).toThrow(RangeError);
});

test('gini is in [0, 1), at most (n − 1)/n, and the same for any order of the values', () => {
	const values_and_permutation = fc
		.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 50 })
		.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })));
	fc.assert(
		fc.property(values_and_permutation, ([values, permuted]) => {
			const g = gini(values);
			expect(g).toBeGreaterThanOrEqual(0);
			expect(g).toBeLessThan(1);
			if (values.length > 0) expect(g).toBeLessThanOrEqual((values.length - 1) / values.length + 1e-12);
			expect(gini(permuted)).toBe(g);
		})
	);
});
