import { describe, expect, test } from 'vitest';
import { wilsonInterval } from './wilson-interval';

// scipy.stats.binomtest(k, n).proportion_ci(0.95, method='wilson'), from fixtures/make-scipy-intervals.py.
const SCIPY: [number, number, number, number][] = [
	[18, 20, 0.6989663547715128, 0.9721335187862319],
	[0, 12, 0, 0.24249400665524085],
	[12, 12, 0.7575059933447592, 1],
	[1800, 2000, 0.8860755875933476, 0.9123907745816503],
	[7, 30, 0.11792388144489496, 0.40928326158122164]
];

describe('wilsonInterval(successes, n)', () => {
	test.each(SCIPY)('%i of %i matches scipy’s Wilson interval', (successes, n, low, high) => {
		const [lo, hi] = wilsonInterval(successes, n)!;
		expect(lo).toBeCloseTo(low, 12);
		expect(hi).toBeCloseTo(high, 12);
	});

	test('a share of 0.90 from 20 links is 0.70–0.97, from 2,000 it is 0.89–0.91', () => {
		expect(wilsonInterval(18, 20)!.map((x) => x.toFixed(2))).toEqual(['0.70', '0.97']);
		expect(wilsonInterval(1800, 2000)!.map((x) => x.toFixed(2))).toEqual(['0.89', '0.91']);
	});

	test('n = 0 has no interval; counts that are not whole or exceed n are refused', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
		expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
		expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
		expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
	});
});
