/** The p-quantile (0 ≤ p ≤ 1) of `values`, interpolated linearly like numpy's default; NaN when empty. */
export function quantile(values: readonly number[], p: number): number {
	if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
	const n = values.length;
	if (n === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	const position = (n - 1) * p;
	const below = Math.floor(position);
	const fraction = position - below;
	const low = sorted[below];
	const high = sorted[Math.min(below + 1, n - 1)];
	const difference = high - low;
	// numpy's _lerp interpolates from the nearer end, so results match it to the last bit.
	return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction;
}
