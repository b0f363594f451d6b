import { describe, expect, test } from 'vitest';
import { plausibleEpochMs } from './plausible-epoch-ms';

describe('plausibleEpochMs', () => {
	test('accepts 1970 to the end of 2999 and refuses negative, later, infinite and NaN times', () => {
		expect([0, Date.UTC(2021, 0, 1), Date.UTC(3000, 0, 1) - 1].map(plausibleEpochMs)).toEqual([true, true, true]);
		expect([-1, Date.UTC(3000, 0, 1), 99_999_999_999_999_000, Infinity, NaN].map(plausibleEpochMs)).toEqual([false, false, false, false, false]);
	});
});
