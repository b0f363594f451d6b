/** The middle value of `values` (mean of the two middle ones for an even count), in their units; NaN when empty. */
export function median(values: readonly number[]): number {
	const n = values.length;
	if (n === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	const middle = n >> 1;
	return n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
