import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../sample/mulberry32';
import { changePoints } from './change-points';

const geometricMean = (segment: number[]) => Math.expm1(segment.reduce((sum, value) => sum + Math.log1p(value), 0) / segment.length);

// Poisson(λ) by counting unit-rate exponential arrivals before λ: exact, and fast enough for λ in the hundreds.
function poisson(random: () => number, lambda: number): number {
	let count = 0;
	for (let time = -Math.log(1 - random()); time < lambda; time -= Math.log(1 - random())) count++;
	return count;
}

const RUNS = 500;
const MONTHS = 26;

// Measured with seed 13 (these simulations): flat 0/500 false, flat + two peaks 0/500 false, step 320 → 200 found
// within one month 500/500. At a level of 30 a month: flat 11/500 (2.2%), flat + two peaks 6/500.
function simulate(mean_at: (month: number) => number, seed: number) {
	const random = mulberry32(seed);
	return Array.from({ length: RUNS }, () => changePoints(Array.from({ length: MONTHS }, (_, month) => poisson(random, mean_at(month)))));
}

describe('changePoints(values)', () => {
	test('finds the two steps of a noisy low–high–low series, with geometric segment means', () => {
		const low = [20, 24, 18, 22, 21, 19];
		const high = [200, 230, 190, 210, 220, 205];
		const middle = [40, 44, 38, 41, 43, 39];
		expect(changePoints([...low, ...high, ...middle]).shifts).toEqual([
			{ index: 6, mean_before: geometricMean(low), mean_after: geometricMean(high), direction: 'up' },
			{ index: 12, mean_before: geometricMean(high), mean_after: geometricMean(middle), direction: 'down' }
		]);
	});

	test('a constant series has no shift and no trend; σ is the Poisson floor 1/√median', () => {
		expect(changePoints(Array(24).fill(49))).toEqual({ shifts: [], trend: null, sigma: 1 / 7, replaced_peaks: [] });
	});

	test('a one-month task peak is replaced by its neighbours’ mean, so it is neither a shift nor a two-month step', () => {
		const series = [351, 340, 362, 355, 348, 351, 788, 345, 360, 350, 342, 357, 349, 352];
		const found = changePoints(series);
		expect(found.replaced_peaks).toEqual([6]);
		expect(found.shifts).toEqual([]);
		expect(found.trend).toBeNull();
	});

	test('a shift under 25% is merged away: 100 → 85 is not reported, 100 → 70 is', () => {
		const wobble = [0, 1, -1, 1, 0, -1];
		const series = (after: number) => [...wobble.map((d) => 400 + d), ...wobble.map((d) => after + d)];
		expect(changePoints(series(340)).shifts).toEqual([]);
		expect(changePoints(series(280)).shifts.map((shift) => [shift.index, shift.direction])).toEqual([[6, 'down']]);
	});

	test('a smooth decline of 5% a month reads as a trend of about −5% a month, not as stairs', () => {
		const random = mulberry32(7);
		const declining = Array.from({ length: MONTHS }, (_, month) => poisson(random, 600 * 0.95 ** month));
		const found = changePoints(declining);
		expect(found.shifts).toEqual([]);
		expect(found.trend).toMatchObject({ from_index: 0, to_index: MONTHS - 1, direction: 'down' });
		expect(found.trend?.rate_per_period).toBeGreaterThan(-0.06);
		expect(found.trend?.rate_per_period).toBeLessThan(-0.04);
	});

	test('the sample community (flat, two task peaks, then fading) reads as one decline of about 9% a month from Oct 2021, not as stairs', () => {
		const sample = [280, 345, 398, 372, 318, 291, 788, 462, 435, 403, 361, 330, 366, 414, 706, 438, 362, 309, 288, 262, 236, 212, 193, 176, 165, 155];
		const found = changePoints(sample);
		expect(found.replaced_peaks).toEqual([6, 14]);
		expect(found.shifts).toEqual([]);
		expect(found.trend).toMatchObject({ from_index: 13, to_index: 25, direction: 'down' });
		expect(found.trend!.rate_per_period).toBeCloseTo(-0.089, 3);
	});

	test('too short a series (under two minimum segments) and an empty one have no change', () => {
		expect(changePoints([1, 500, 1, 2, 3]).shifts).toEqual([]);
		expect(changePoints([])).toMatchObject({ shifts: [], trend: null });
	});

	test(`false change points in ≤ 5% of ${RUNS} flat Poisson(300) series of ${MONTHS} months`, () => {
		const runs = simulate(() => 300, 13);
		const false_rate = runs.filter((found) => found.shifts.length > 0 || found.trend !== null).length / RUNS;
		expect(false_rate).toBeLessThanOrEqual(0.05);
	});

	test(`false change points in ≤ 5% of ${RUNS} flat series with two one-month task peaks (2.2× the level)`, () => {
		const runs = simulate((month) => (month === 9 || month === 20 ? 660 : 300), 13);
		const false_rate = runs.filter((found) => found.shifts.length > 0 || found.trend !== null).length / RUNS;
		expect(false_rate).toBeLessThanOrEqual(0.05);
	});

	test(`a 320 → 200 step is found within one month in ≥ 95% of ${RUNS} series`, () => {
		const runs = simulate((month) => (month < 13 ? 320 : 200), 13);
		const found_rate = runs.filter((found) => found.shifts.some((shift) => Math.abs(shift.index - 13) <= 1 && shift.direction === 'down')).length / RUNS;
		expect(found_rate).toBeGreaterThanOrEqual(0.95);
	});
});
