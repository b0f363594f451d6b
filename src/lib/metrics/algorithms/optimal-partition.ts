/**
 * The exact least-cost split of `x` into segments of at least `min_segment` samples: Normal mean cost
 * (within-segment sum of squares / σ²) plus `penalty` per change point, by optimal partitioning (O(n²)).
 * Returns the segment boundaries, 0 first and n last.
 */
export function optimalPartition(x: readonly number[], sigma: number, penalty: number, min_segment: number): number[] {
	const n = x.length;
	if (!(Number.isInteger(min_segment) && min_segment >= 1)) {
		throw new RangeError(`min_segment must be a positive integer, got ${min_segment}`);
	}
	if (!(penalty >= 0)) throw new RangeError(`penalty must be non-negative, got ${penalty}`);
	if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
	if (n < 2 * min_segment) return [0, n];

	// Centring before the prefix sums keeps the segment cost S2 − S1²/len from cancelling catastrophically.
	const overall_mean = x.reduce((sum, value) => sum + value, 0) / n;
	const sums = new Float64Array(n + 1);
	const squares = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) {
		const centred = (x[i] - overall_mean) / sigma;
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
	return boundaries;
}
