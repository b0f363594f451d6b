import { expect, test } from 'vitest';
import { medianAbsoluteDeviation } from './median-absolute-deviation';

test('medianAbsoluteDeviation(values) is the raw median of absolute deviations from the median', () => {
	// median 2; |deviations| = 1, 1, 0, 0, 2, 4, 7 → median 1
	expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
});

test('medianAbsoluteDeviation(values) is 0 when more than half the values are equal', () => {
	expect(medianAbsoluteDeviation([5, 5, 5, 100, 0])).toBe(0);
});

test('medianAbsoluteDeviation([]) is NaN', () => {
	expect(medianAbsoluteDeviation([])).toBeNaN();
});
