import { expect, test } from 'vitest';
import { quantile } from './quantile';

test('quantile(values, p) interpolates linearly between order statistics like numpy.quantile', () => {
	// numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.95, 1]) → 1, 1.75, 2.5, 3.8499999999999996, 4
	expect(quantile([4, 1, 3, 2], 0)).toBe(1);
	expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
	expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
	expect(quantile([4, 1, 3, 2], 0.95)).toBe(3.8499999999999996);
	expect(quantile([4, 1, 3, 2], 1)).toBe(4);
});

test('quantile(values, p) reproduces numpy to the last bit near the upper order statistic', () => {
	// numpy.quantile([0.3, 9], 0.51) == 4.737, where a + t(b − a) gives 4.736999999999999.
	expect(quantile([9, 0.3], 0.51)).toBe(4.737);
});

test('quantile of one value is that value; of none, NaN', () => {
	expect(quantile([7], 0.95)).toBe(7);
	expect(quantile([], 0.5)).toBeNaN();
});

test('quantile refuses p outside [0, 1]', () => {
	expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
	expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
});
