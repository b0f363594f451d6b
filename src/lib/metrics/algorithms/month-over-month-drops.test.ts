import { expect, test } from 'vitest';
import { monthOverMonthDrops } from './month-over-month-drops';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

test('monthOverMonthDrops lists months below half the median of the previous three, when that median ≥ 30', () => {
	const values = [100, 120, 110, 40, 200, 20, 20, 20, 10, 28, 30, 32, 14];
	// m3: median(100,120,110)=110, 40 < 55. m5: median(110,40,200)=110, 20 < 55.
	// m6: median(40,200,20)=40, 20 is not below 20. m7–m11: previous median < 30.
	// m12: median(28,30,32)=30 counts, 14 < 15.
	expect(monthOverMonthDrops(values, labels(values.length))).toEqual([
		{ label: 'm3', value: 40, previous_median: 110 },
		{ label: 'm5', value: 20, previous_median: 110 },
		{ label: 'm12', value: 14, previous_median: 30 }
	]);
});

test('monthOverMonthDrops never flags the first three months, which have no baseline', () => {
	expect(monthOverMonthDrops([1000, 0, 0], labels(3))).toEqual([]);
	expect(monthOverMonthDrops([], [])).toEqual([]);
});

test('monthOverMonthDrops refuses labels that do not match the values', () => {
	expect(() => monthOverMonthDrops([1, 2], ['a'])).toThrow(RangeError);
});
