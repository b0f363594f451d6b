import { median } from './median';
import { medianAbsoluteDeviation } from './median-absolute-deviation';

/** Below this prominence no period is a peak, whatever the median and MAD (at sensitivity 1; see below). */
export const MIN_PEAK_PROMINENCE = 3;

/**
 * The minimum prominence (in the values' units) a peak needs: max(0.5 × median, 3 × 1.4826 × MAD, 3) divided by
 * `sensitivity`, so 1 is the rule, 2 halves the bar (more peaks) and 0.5 doubles it; 0 when empty.
 *
 * The floor of 3 is for sparse counts. DESIGN's two terms are both 0 when most periods are empty (a quiet chat read by
 * week), and then every one-message blip between two empty weeks was a peak "by at least 0 messages". A count whose
 * typical period holds about one message reaches 4 by chance about 2% of the time (Poisson, mean 1), so a peak must
 * rise at least 3 above its surroundings; once the median reaches 6 DESIGN's terms are the larger and the floor is idle.
 */
export function defaultPeakProminence(values: readonly number[], sensitivity = 1): number {
	if (!(sensitivity > 0)) throw new RangeError(`sensitivity must be positive, got ${sensitivity}`);
	if (values.length === 0) return 0;
	return Math.max(0.5 * median(values), 3 * 1.4826 * medianAbsoluteDeviation(values), MIN_PEAK_PROMINENCE) / sensitivity;
}
