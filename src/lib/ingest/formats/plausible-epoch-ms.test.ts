import { describe, expect, test } from 'vitest';
import { plausibleEpochMs } from './plausible-epoch-ms';

describe('plausibleEpochMs', () => {
	test('accepts 1990 to the end of 2100 and refuses earlier, later, infinite and NaN times', () => {
		expect([Date.UTC(1990, 0, 1), Date.UTC(2021, 0, 1), Date.UTC(2101, 0, 1) - 1].map(plausibleEpochMs)).toEqual([true, true, true]);
		expect([0, Date.UTC(1990, 0, 1) - 1, Date.UTC(2101, 0, 1), 99_999_999_999_999_000, Infinity, NaN].map(plausibleEpochMs)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false
		]);
	});
});
