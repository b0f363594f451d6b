/**
 * Gini coefficient of non-negative amounts (e.g. messages per member, lurkers as 0): mean absolute difference
 * over twice the mean, without small-sample correction, so in [0, (n − 1)/n]; 0 when empty or all equal.
 */
export function gini(values: readonly number[]): number {
	const n = values.length;
	const sorted = Float64Array.from(values).sort();
	if (n === 0) return 0;
	if (!(sorted[0] >= 0 && sorted[n - 1] >= 0)) throw new RangeError('gini: amounts must be non-negative numbers');
	if (sorted[0] === sorted[n - 1]) return 0;
	// Σ_{i<j} |x_i − x_j| summed as gap × pairs straddling it: every term is ≥ 0, so rounding can never
	// push the coefficient below 0, and a permutation of the input sorts to the same sum.
	let pair_differences = 0;
	let total = 0;
	for (let k = 0; k < n; k++) {
		total += sorted[k];
		if (k > 0) pair_differences += (sorted[k] - sorted[k - 1]) * k * (n - k);
	}
	return pair_differences / (n * total);
}
