import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findPeaks } from './find-peaks';
import scipy_cases from './fixtures/scipy-find-peaks.json';

const indices = (values: number[], options?: Parameters<typeof findPeaks>[1]) =>
	findPeaks(values, options).map((peak) => peak.index);

// Definition, written independently of the implementation: a flat run [l, r] strictly above both of its
// outer neighbours, not touching either end, reported at floor((l + r) / 2).
function bruteForceMaxima(values: number[]): number[] {
	const maxima: number[] = [];
	for (let l = 0; l < values.length; ) {
		let r = l;
		while (r + 1 < values.length && values[r + 1] === values[l]) r++;
		if (l > 0 && r < values.length - 1 && values[l - 1] < values[l] && values[r + 1] < values[l]) {
			maxima.push(Math.floor((l + r) / 2));
		}
		l = r + 1;
	}
	return maxima;
}

// Topographic prominence: height minus the higher of the two lowest points met on the way to higher
// ground (or to the end of the series) on each side.
function bruteForceProminence(values: number[], index: number): number {
	const height = values[index];
	const left = values.slice(0, index + 1).reverse();
	const right = values.slice(index);
	const lowestBeforeHigher = (side: number[]) => {
		const higher = side.findIndex((value) => value > height);
		return Math.min(...side.slice(0, higher === -1 ? side.length : higher));
	};
	return height - Math.max(lowestBeforeHigher(left), lowestBeforeHigher(right));
}

describe('findPeaks(values) local maxima', () => {
	test('an odd-width flat top is reported at its middle sample', () => {
		expect(findPeaks([0, 1, 3, 3, 3, 1, 0])).toEqual([
			{ index: 3, value: 3, prominence: 3, left_base: 0, right_base: 6 }
		]);
	});

	test('an even-width flat top is reported at its left-middle sample, as (left + right) // 2', () => {
		expect(indices([0, 2, 2, 0])).toEqual([1]);
		expect(indices([1, 4, 4, 4, 4, 1, 2, 0])).toEqual([2, 6]);
		expect(indices([1, 3, 3, 1, 2, 2, 2, 0, 4, 4, 4, 4, 1])).toEqual([1, 5, 9]);
	});

	test('the first and last samples are never peaks, nor a flat top that reaches an end', () => {
		expect(indices([5, 1, 2, 1, 9])).toEqual([2]);
		expect(indices([1, 2, 3])).toEqual([]);
		expect(indices([0, 2, 2])).toEqual([]);
		expect(indices([2, 2, 0])).toEqual([]);
		expect(indices([7])).toEqual([]);
		expect(indices([])).toEqual([]);
	});

	test('a shoulder (flat then rising) is not a peak', () => {
		expect(indices([0, 2, 2, 3, 0])).toEqual([3]);
	});
});

describe('findPeaks(values) prominence', () => {
	test('nested peaks: a small peak on the flank of a big one is measured to its own col', () => {
		expect(findPeaks([1, 5, 2, 4, 3, 9, 0])).toEqual([
			{ index: 1, value: 5, prominence: 3, left_base: 0, right_base: 2 },
			{ index: 3, value: 4, prominence: 1, left_base: 2, right_base: 4 },
			{ index: 5, value: 9, prominence: 8, left_base: 0, right_base: 6 }
		]);
	});

	test('the base is the lowest point nearest the peak when the minimum repeats', () => {
		expect(findPeaks([0, 3, 0, 1, 0, 5, 0])[0]).toEqual({
			index: 1,
			value: 3,
			prominence: 3,
			left_base: 0,
			right_base: 2
		});
	});

	test('prominence keeps peaks whose prominence is at least the minimum (inclusive)', () => {
		expect(indices([1, 5, 2, 4, 3, 9, 0], { prominence: 3 })).toEqual([1, 5]);
		expect(indices([1, 5, 2, 4, 3, 9, 0], { prominence: 3.0001 })).toEqual([5]);
	});
});

describe('findPeaks(values, { distance })', () => {
	test('removes lower peaks closer than distance to a higher one, highest first', () => {
		expect(indices([0, 5, 0, 4, 0, 6, 0, 1, 0], { distance: 3 })).toEqual([1, 5]);
		expect(indices([0, 5, 0, 4, 0, 6, 0, 1, 0], { distance: 2 })).toEqual([1, 3, 5, 7]);
		expect(indices([0, 5, 0, 4, 0, 6, 0, 1, 0], { distance: 5 })).toEqual([5]);
	});

	test('a removed peak no longer removes its own neighbours', () => {
		expect(indices([0, 3, 0, 2, 0, 1, 0], { distance: 3 })).toEqual([1, 5]);
	});

	test('among equal heights the later peak wins, as scipy 1.17 does', () => {
		expect(indices([0, 5, 0, 5, 0], { distance: 3 })).toEqual([3]);
		expect(indices([0, 5, 0, 5, 0, 5, 0], { distance: 3 })).toEqual([1, 5]);
	});

	test('distance is applied before prominence, so a failing higher maximum still removes its neighbour', () => {
		// scipy 1.17.1 returns [1] here: 16 (prominence 0.5) removes 8 (prominence 3), then fails itself.
		expect(indices([0, 20, 15.5, 15.5, 15.5, 16, 5, 8, 0], { distance: 3, prominence: 2 })).toEqual([1]);
	});

	test('a fractional distance is rounded up and a distance below 1 is refused', () => {
		expect(indices([0, 5, 0, 4, 0, 6, 0, 1, 0], { distance: 2.5 })).toEqual([1, 5]);
		expect(() => findPeaks([0, 1, 0], { distance: 0.5 })).toThrow(RangeError);
	});
});

describe('findPeaks matches scipy.signal.find_peaks', () => {
	test(`on ${scipy_cases.cases.length} random series computed by scipy ${scipy_cases.scipy}`, () => {
		for (const { values, options, peaks, prominences, left_bases, right_bases } of scipy_cases.cases) {
			const found = findPeaks(values, options);
			expect(found.map((peak) => peak.index), JSON.stringify({ values, options })).toEqual(peaks);
			expect(found.map((peak) => peak.prominence)).toEqual(prominences);
			expect(found.map((peak) => peak.left_base)).toEqual(left_bases);
			expect(found.map((peak) => peak.right_base)).toEqual(right_bases);
		}
	});
});

describe('findPeaks properties', () => {
	const series = fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 40 });

	test('without options it returns exactly the definition-based local maxima with brute-force prominences', () => {
		fc.assert(
			fc.property(series, (values) => {
				const found = findPeaks(values);
				expect(found.map((peak) => peak.index)).toEqual(bruteForceMaxima(values));
				for (const peak of found) {
					expect(peak.value).toBe(values[peak.index]);
					expect(peak.prominence).toBe(bruteForceProminence(values, peak.index));
					expect(peak.prominence).toBe(peak.value - Math.max(values[peak.left_base], values[peak.right_base]));
				}
			})
		);
	});

	test('with a prominence minimum every result is a strict local maximum with prominence at least the minimum', () => {
		fc.assert(
			fc.property(series, fc.double({ min: 0, max: 8, noNaN: true }), (values, minimum) => {
				const found = findPeaks(values, { prominence: minimum });
				const maxima = bruteForceMaxima(values);
				for (const peak of found) {
					expect(maxima).toContain(peak.index);
					expect(peak.prominence).toBeGreaterThanOrEqual(minimum);
				}
				const kept = new Set(found.map((peak) => peak.index));
				for (const index of maxima) {
					if (!kept.has(index)) expect(bruteForceProminence(values, index)).toBeLessThan(minimum);
				}
			})
		);
	});

	test('with a distance, kept peaks are that far apart and each dropped one lies near a kept higher one', () => {
		fc.assert(
			fc.property(series, fc.integer({ min: 1, max: 6 }), (values, distance) => {
				const kept = findPeaks(values, { distance });
				for (let k = 1; k < kept.length; k++) {
					expect(kept[k].index - kept[k - 1].index).toBeGreaterThanOrEqual(distance);
				}
				const kept_indices = new Set(kept.map((peak) => peak.index));
				for (const index of bruteForceMaxima(values)) {
					if (kept_indices.has(index)) continue;
					const higher = kept.some(
						(peak) =>
							Math.abs(peak.index - index) < distance &&
							(peak.value > values[index] || (peak.value === values[index] && peak.index > index))
					);
					expect(higher).toBe(true);
				}
			})
		);
	});
});
