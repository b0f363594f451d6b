import { expect, test } from 'vitest';
import { median } from './median';

test('median(values) is the middle value of an odd count, whatever the order', () => {
	expect(median([5, 1, 3])).toBe(3);
});

test('median(values) is the mean of the two middle values of an even count', () => {
	expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('median(values) sorts numerically, not as strings', () => {
	expect(median([10, 9, 100])).toBe(10);
});

test('median([]) is NaN', () => {
	expect(median([])).toBeNaN();
});
