import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { optimalPartition } from './optimal-partition';

const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
const squaredDeviations = (list: number[]) => list.reduce((a, b) => a + (b - mean(list)) ** 2, 0);

function partitionCost(x: number[], sigma: number, boundaries: number[], penalty: number): number {
	let cost = penalty * (boundaries.length - 2);
	for (let k = 1; k < boundaries.length; k++) cost += squaredDeviations(x.slice(boundaries[k - 1], boundaries[k])) / sigma ** 2;
	return cost;
}

// Every partition into segments of at least `min_segment`.
function bruteForceOptimum(x: number[], sigma: number, min_segment: number, penalty: number): number {
	let best = Infinity;
	const search = (boundaries: number[]) => {
		const start = boundaries[boundaries.length - 1];
		if (x.length - start >= min_segment) best = Math.min(best, partitionCost(x, sigma, [...boundaries, x.length], penalty));
		for (let end = start + min_segment; x.length - end >= min_segment; end++) search([...boundaries, end]);
	};
	search([0]);
	return best;
}

describe('optimalPartition(x, sigma, penalty, min_segment)', () => {
	test('splits a clean two-level series at the step and keeps one segment under a huge penalty', () => {
		const x = [1, 1.1, 0.9, 1, 3, 3.1, 2.9, 3];
		expect(optimalPartition(x, 0.1, 5, 3)).toEqual([0, 4, 8]);
		expect(optimalPartition(x, 0.1, 1e6, 3)).toEqual([0, 8]);
		expect(optimalPartition([1, 9, 1, 9, 1], 0.1, 0, 3)).toEqual([0, 5]);
	});

	test('refuses a min_segment that is not a positive integer, a negative penalty and σ ≤ 0', () => {
		expect(() => optimalPartition([1, 2, 3, 4], 1, 1, 0)).toThrow(RangeError);
		expect(() => optimalPartition([1, 2, 3, 4], 1, 1, 1.5)).toThrow(RangeError);
		expect(() => optimalPartition([1, 2, 3, 4], 1, -1, 1)).toThrow(RangeError);
		expect(() => optimalPartition([1, 2, 3, 4], 0, 1, 1)).toThrow(RangeError);
	});

	test('is the optimum: segments long enough and cost equal to a brute-force search', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: 2, maxLength: 13 }),
				fc.integer({ min: 1, max: 3 }),
				fc.constantFrom(0.5, 2, 7.7),
				fc.constantFrom(0.05, 0.3, 1),
				(x, min_segment, penalty, sigma) => {
					const boundaries = optimalPartition(x, sigma, penalty, min_segment);
					expect(boundaries[0]).toBe(0);
					expect(boundaries[boundaries.length - 1]).toBe(x.length);
					if (x.length < 2 * min_segment) {
						expect(boundaries).toEqual([0, x.length]);
						return;
					}
					for (let k = 1; k < boundaries.length; k++) expect(boundaries[k] - boundaries[k - 1]).toBeGreaterThanOrEqual(min_segment);
					expect(partitionCost(x, sigma, boundaries, penalty)).toBeCloseTo(bruteForceOptimum(x, sigma, min_segment, penalty), 6);
				}
			)
		);
	});
});
