import { expect, test } from 'vitest';
import { defaultPeakProminence } from './default-peak-prominence';

const monthly = [100, 400, 100, 110, 100, 300, 150, 250, 100, 100, 120, 100];

test('defaultPeakProminence(values) is half the median when that beats 3 robust σ', () => {
	// median 105, MAD 5: max(52.5, 3 × 1.4826 × 5 = 22.239)
	expect(defaultPeakProminence(monthly)).toBe(52.5);
});

test('defaultPeakProminence(values) is 3 × 1.4826 × MAD when that beats half the median', () => {
	// median 1.5, MAD 1.5: max(0.75, 6.6717)
	expect(defaultPeakProminence([0, 0, 1, 2, 3, 100])).toBeCloseTo(6.6717, 12);
});

test('defaultPeakProminence(values, sensitivity) divides the threshold: higher sensitivity, more peaks', () => {
	expect(defaultPeakProminence(monthly, 2)).toBe(26.25);
	expect(defaultPeakProminence(monthly, 0.5)).toBe(105);
});

test('defaultPeakProminence is 0 for no values and refuses a sensitivity that is not positive', () => {
	expect(defaultPeakProminence([])).toBe(0);
	expect(() => defaultPeakProminence(monthly, 0)).toThrow(RangeError);
	expect(() => defaultPeakProminence(monthly, -1)).toThrow(RangeError);
});

test('defaultPeakProminence has a floor of 3 where most periods are empty, so a one-message blip is no peak', () => {
	// median 0 and MAD 0: DESIGN's two terms are 0; the floor stands, and sensitivity still divides it
	const sparse_weeks = [0, 0, 1, 0, 0, 2, 0, 0, 0, 5, 0, 0];
	expect(defaultPeakProminence(sparse_weeks)).toBe(3);
	expect(defaultPeakProminence(sparse_weeks, 2)).toBe(1.5);
	// median 6: half the median meets the floor; above it the floor is idle
	expect(defaultPeakProminence([6, 6, 6, 9, 6])).toBe(3);
	expect(defaultPeakProminence([8, 8, 8, 12, 8])).toBe(4);
});
