import { describe, expect, test } from 'vitest';
import { naiveTimestamp } from './naive-timestamp';

describe('naiveTimestamp', () => {
	test('keeps 1990 to 2100, the years a CSV import accepts, and refuses 1899, 1989, 2101 and 2200', () => {
		expect(naiveTimestamp(1990, 1, 1, 0, 0, 0)).toBe('1990-01-01 00:00:00');
		expect(naiveTimestamp(2100, 12, 31, 23, 59, 59)).toBe('2100-12-31 23:59:59');
		expect([1899, 1989, 2101, 2200].map((year) => naiveTimestamp(year, 6, 1, 12, 0, 0))).toEqual([null, null, null, null]);
	});

	test('refuses days and times that do not exist', () => {
		expect(naiveTimestamp(2021, 2, 29, 10, 0, 0)).toBeNull();
		expect(naiveTimestamp(2020, 2, 29, 10, 0, 0)).toBe('2020-02-29 10:00:00');
		expect(naiveTimestamp(2021, 2, 30, 10, 0, 0)).toBeNull();
		expect(naiveTimestamp(2021, 13, 1, 10, 0, 0)).toBeNull();
		expect(naiveTimestamp(2021, 1, 1, 24, 0, 0)).toBeNull();
	});
});
