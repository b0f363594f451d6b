/** z of a two-sided 95% interval: the Normal 0.975 quantile. */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion `successes / n` (95% by default), as scipy's
 * `binomtest(k, n).proportion_ci(method='wilson')`; null when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] | null {
	if (!(Number.isInteger(successes) && Number.isInteger(n) && successes >= 0 && successes <= n)) {
		throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}`);
	}
	if (n === 0) return null;
	const p = successes / n;
	const z2 = z * z;
	const center = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = ((z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n)));
	// The formula lands a rounding error beyond 0 or 1 when the count is at an end.
	return [successes === 0 ? 0 : Math.max(0, center - half), successes === n ? 1 : Math.min(1, center + half)];
}
