import { median } from './median';
import { medianAbsoluteDeviation } from './median-absolute-deviation';

/**
 * The minimum prominence (in the values' units) a peak needs: max(0.5 × median, 3 × 1.4826 × MAD) divided
 * by `sensitivity`, so 1 is DESIGN's rule, 2 halves the bar (more peaks) and 0.5 doubles it; 0 when empty.
 */
export function defaultPeakProminence(values: readonly number[], sensitivity = 1): number {
	if (!(sensitivity > 0)) throw new RangeError(`sensitivity must be positive, got ${sensitivity}`);
	if (values.length === 0) return 0;
	return Math.max(0.5 * median(values), 3 * 1.4826 * medianAbsoluteDeviation(values)) / sensitivity;
}
