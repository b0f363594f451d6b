import { median } from './median';

/** Raw (unscaled) median absolute deviation median(|x − median(x)|), in the values' units; NaN when empty. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
	const center = median(values);
	return median(values.map((value) => Math.abs(value - center)));
}
