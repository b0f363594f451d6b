import { medianAbsoluteDeviation } from './median-absolute-deviation';

export interface ChangePoint {
	/** Index of the first sample of the new segment. */
	index: number;
	/** Segment means in the series' own units: expm1 of the mean of log1p(values). */
	mean_before: number;
	mean_after: number;
	direction: 'up' | 'down';
}

/**
 * Change points in the mean of log1p(values) by exact optimal partitioning: Normal mean cost scaled by a
 * robust σ, a penalty per change point (default MBIC-style 3 ln n) and a minimum segment length in samples.
 */
export function changePoints(
	values: readonly number[],
	options: { min_segment?: number; penalty?: number } = {}
): ChangePoint[] {
	const n = values.length;
	// An empty series has no change point; without the guard its default penalty would be 3 ln 0 = −∞.
	const { min_segment = 2, penalty = n > 0 ? 3 * Math.log(n) : 0 } = options;
	if (!(Number.isInteger(min_segment) && min_segment >= 1)) {
		throw new RangeError(`min_segment must be a positive integer, got ${min_segment}`);
	}
	if (!(penalty >= 0)) throw new RangeError(`penalty must be non-negative, got ${penalty}`);
	if (n < 2 * min_segment) return [];

	const logs = values.map(Math.log1p);
	const sigma = noiseScale(logs);
	if (!(sigma > 0)) return [];

	// Centring before the prefix sums keeps the segment cost S2 − S1²/len from cancelling catastrophically.
	const overall_mean = logs.reduce((sum, x) => sum + x, 0) / n;
	const sums = new Float64Array(n + 1);
	const squares = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) {
		const centred = (logs[i] - overall_mean) / sigma;
		sums[i + 1] = sums[i] + centred;
		squares[i + 1] = squares[i] + centred * centred;
	}
	const cost = (start: number, end: number) => {
		const sum = sums[end] - sums[start];
		return Math.max(0, squares[end] - squares[start] - (sum * sum) / (end - start));
	};

	// best[t]: least penalised cost of x[0..t), Infinity while t cannot be split into long-enough segments.
	const best = new Float64Array(n + 1).fill(Infinity);
	const previous = new Int32Array(n + 1).fill(-1);
	best[0] = -penalty;
	for (let end = min_segment; end <= n; end++) {
		for (let start = 0; start <= end - min_segment; start++) {
			const candidate = best[start] + cost(start, end) + penalty;
			if (candidate < best[end]) {
				best[end] = candidate;
				previous[end] = start;
			}
		}
	}

	const boundaries: number[] = [];
	for (let end = n; end > 0; end = previous[end]) boundaries.unshift(end);
	boundaries.unshift(0);
	const segment_means = boundaries.slice(1).map((end, k) => {
		const start = boundaries[k];
		let sum = 0;
		for (let i = start; i < end; i++) sum += logs[i];
		return Math.expm1(sum / (end - start));
	});
	return boundaries.slice(1, -1).map((index, k) => ({
		index,
		mean_before: segment_means[k],
		mean_after: segment_means[k + 1],
		direction: segment_means[k + 1] > segment_means[k] ? 'up' : 'down'
	}));
}

// Robust σ of the noise: differencing removes the level, and the difference of two independent
// Normal errors has σ√2. A series whose differences are mostly 0 falls back to the sample std.
function noiseScale(logs: number[]): number {
	const differences = logs.slice(1).map((x, i) => x - logs[i]);
	const robust = (1.4826 * medianAbsoluteDeviation(differences)) / Math.SQRT2;
	if (robust > 0) return robust;
	const mean = logs.reduce((sum, x) => sum + x, 0) / logs.length;
	const variance = logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (logs.length - 1);
	return Math.sqrt(variance);
}
