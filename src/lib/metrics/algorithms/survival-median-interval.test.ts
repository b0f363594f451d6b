import { describe, expect, test } from 'vitest';
import { kaplanMeier } from './kaplan-meier';
import { survivalMedianInterval } from './survival-median-interval';

describe('survivalMedianInterval(steps)', () => {
	test('the scipy example (median 4): lower edge 0.473 ≤ 0.5 at t = 1, upper edge ≤ 0.5 only when survival is 0 at t = 10', () => {
		const steps = kaplanMeier([1, 2, 2, 3, 4, 4, 5, 7, 8, 10], [1, 1, 0, 1, 1, 1, 0, 1, 0, 1].map(Boolean));
		expect(steps.find((step) => step.survival <= 0.5)?.time).toBe(4);
		expect(survivalMedianInterval(steps)).toEqual([1, 10]);
	});

	test('an open upper end when the band never falls to 0.5: 8 of 20 members end in days 1–8, 12 are still active at 30 days', () => {
		const durations = [...Array.from({ length: 8 }, (_, i) => i + 1), ...Array(12).fill(30)];
		const steps = kaplanMeier(durations, durations.map((_, i) => i < 8));
		expect(steps[steps.length - 1].survival).toBeCloseTo(0.6, 12);
		// At t = 5: S = 0.75, Greenwood Σ = 5 / (20 · 15), lower edge 0.75^exp(1.96 · √(1/60) / −ln 0.75) = 0.49997.
		expect(survivalMedianInterval(steps)).toEqual([5, null]);
	});

	test('no interval when the band never comes near 0.5', () => {
		expect(survivalMedianInterval(kaplanMeier([3, 4, 5, 6], [false, false, false, false]))).toBeNull();
	});
});
