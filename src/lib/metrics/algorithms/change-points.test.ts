import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { changePoints } from './change-points';

const geometricMean = (segment: number[]) =>
	Math.expm1(segment.reduce((sum, value) => sum + Math.log1p(value), 0) / segment.length);

// The definition, computed the slow way on x = log1p(values).
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
const medianOf = (list: number[]) => {
	const s = [...list].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const squaredDeviations = (list: number[]) => list.reduce((a, b) => a + (b - mean(list)) ** 2, 0);

function definitionSigma(x: number[]): number {
	const differences = x.slice(1).map((value, i) => value - x[i]);
	const middle = medianOf(differences);
	const robust = (1.4826 * medianOf(differences.map((d) => Math.abs(d - middle)))) / Math.sqrt(2);
	return robust > 0 ? robust : Math.sqrt(squaredDeviations(x) / (x.length - 1));
}

function partitionCost(x: number[], sigma: number, boundaries: number[], penalty: number): number {
	let cost = penalty * (boundaries.length - 2);
	for (let k = 1; k < boundaries.length; k++) {
		cost += squaredDeviations(x.slice(boundaries[k - 1], boundaries[k])) / sigma ** 2;
	}
	return cost;
}

// Every partition into segments of at least `min_segment`.
function bruteForceOptimum(x: number[], sigma: number, min_segment: number, penalty: number): number {
	let best = Infinity;
	const search = (boundaries: number[]) => {
		const start = boundaries[boundaries.length - 1];
		if (x.length - start >= min_segment) {
			best = Math.min(best, partitionCost(x, sigma, [...boundaries, x.length], penalty));
		}
		for (let end = start + min_segment; x.length - end >= min_segment; end++) search([...boundaries, end]);
	};
	search([0]);
	return best;
}

describe('changePoints(values)', () => {
	test('finds the two steps of a noisy low–high–low series, with geometric segment means', () => {
		const low = [20, 24, 18, 22, 21, 19];
		const high = [200, 230, 190, 210, 220, 205];
		const middle = [40, 44, 38, 41, 43, 39];
		expect(changePoints([...low, ...high, ...middle])).toEqual([
			{ index: 6, mean_before: geometricMean(low), mean_after: geometricMean(high), direction: 'up' },
			{ index: 12, mean_before: geometricMean(high), mean_after: geometricMean(middle), direction: 'down' }
		]);
	});

	test('finds no change point in a flat series (σ is 0 both ways)', () => {
		expect(changePoints(Array(24).fill(50))).toEqual([]);
	});

	test('finds no change point in a series that only wobbles', () => {
		expect(changePoints([100, 104, 98, 101, 99, 103, 97, 102, 100, 99, 101, 98])).toEqual([]);
	});

	test('a noise-free step falls back to the sample σ: one segment costs n − 1 = 15 > 3 ln 16 ≈ 8.32', () => {
		const [change] = changePoints([...Array(8).fill(10), ...Array(8).fill(100)]);
		expect(change.index).toBe(8);
		expect(change.mean_before).toBeCloseTo(10, 12);
		expect(change.mean_after).toBeCloseTo(100, 12);
		expect(change.direction).toBe('up');
	});

	test('a large enough penalty leaves one segment; too short a series has none', () => {
		const steps = [...Array(6).fill(20), ...Array(6).fill(200)].map((value, i) => value + (i % 3));
		expect(changePoints(steps).map((change) => change.index)).toEqual([6]);
		expect(changePoints(steps, { penalty: 1e6 })).toEqual([]);
		expect(changePoints([1, 500, 1])).toEqual([]);
	});

	test('min_segment: a one-month spike is its own segment only with min_segment 1, else it takes a neighbour', () => {
		const spiky = [30, 32, 29, 31, 30, 900, 30, 31, 29, 32, 30, 31];
		expect(changePoints(spiky, { min_segment: 1 }).map((change) => change.index)).toEqual([5, 6]);
		expect(changePoints(spiky).map((change) => change.index)).toEqual([5, 7]);
	});

	test('refuses a min_segment that is not a positive integer and a negative penalty', () => {
		expect(() => changePoints([1, 2, 3, 4], { min_segment: 0 })).toThrow(RangeError);
		expect(() => changePoints([1, 2, 3, 4], { min_segment: 1.5 })).toThrow(RangeError);
		expect(() => changePoints([1, 2, 3, 4], { penalty: -1 })).toThrow(RangeError);
	});

	test('is the optimal partition: segments long enough and cost equal to a brute-force search', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 13 }),
				fc.integer({ min: 1, max: 3 }),
				fc.constantFrom(undefined, 0.5, 2),
				(values, min_segment, penalty) => {
					const found = changePoints(values, { min_segment, penalty });
					const boundaries = [0, ...found.map((change) => change.index), values.length];
					for (let k = 1; k < boundaries.length; k++) {
						expect(boundaries[k] - boundaries[k - 1]).toBeGreaterThanOrEqual(min_segment);
					}
					for (const change of found) {
						expect(change.direction).toBe(change.mean_after > change.mean_before ? 'up' : 'down');
					}
					const x = values.map(Math.log1p);
					const sigma = definitionSigma(x);
					if (sigma === 0 || values.length < 2 * min_segment) {
						expect(found).toEqual([]);
						return;
					}
					const used_penalty = penalty ?? 3 * Math.log(values.length);
					expect(partitionCost(x, sigma, boundaries, used_penalty)).toBeCloseTo(
						bruteForceOptimum(x, sigma, min_segment, used_penalty),
						6
					);
				}
			)
		);
	});

	test('finds no change point in an empty series (a dataset with no counted message)', () => {
		expect(changePoints([])).toEqual([]);
	});
});
