import { peakCandidates, type Peak } from './peak-candidates';
import { peakDistanceSuppressors } from './peak-distance-suppressors';

export type { Peak };

/**
 * Peaks of `values` exactly as `scipy.signal.find_peaks(values, prominence=…, distance=…)`: local maxima
 * (flat tops at their middle, never the ends) kept by the distance rule (in samples) and then by minimum
 * prominence (in the values' units); sorted by index. Without options every local maximum is returned.
 */
export function findPeaks(values: readonly number[], options: { prominence?: number; distance?: number } = {}): Peak[] {
	const { prominence, distance } = options;
	let peaks = peakCandidates(values);
	// scipy filters by distance before prominence, so a higher local maximum that later fails the
	// prominence test can still have removed a lower neighbour.
	if (distance !== undefined) {
		const suppressors = peakDistanceSuppressors(peaks, distance);
		peaks = peaks.filter((_, position) => suppressors[position] === null);
	}
	if (prominence !== undefined) peaks = peaks.filter((peak) => peak.prominence >= prominence);
	return peaks;
}
