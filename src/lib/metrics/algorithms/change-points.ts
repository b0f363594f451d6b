import { defaultPeakProminence } from './default-peak-prominence';
import { findPeaks } from './find-peaks';
import { median } from './median';
import { medianAbsoluteDeviation } from './median-absolute-deviation';
import { optimalPartition } from './optimal-partition';

/** A shift in the level of a series between two segments. */
export interface ChangePoint {
	/** Index of the first sample of the new segment. */
	index: number;
	/** Segment levels in the series' own units: expm1 of the mean of log1p(values), peaks replaced. */
	mean_before: number;
	mean_after: number;
	direction: 'up' | 'down';
}

/** A steady exponential rise or decline (log1p-linear) from `from_index` to `to_index`, inclusive. */
export interface LevelTrend {
	from_index: number;
	to_index: number;
	/** Relative change of the level per sample: exp(slope) − 1, e.g. −0.05 for "declining about 5% a period". */
	rate_per_period: number;
	/** Fitted level at the first and the last sample, in the series' units. */
	start_level: number;
	end_level: number;
	direction: 'up' | 'down';
}

export interface LevelChanges {
	/** Level shifts of at least `min_relative_change`; empty when a trend describes the series better. */
	shifts: ChangePoint[];
	trend: LevelTrend | null;
	/** σ of log1p(values) the search settled on (after refinement). */
	sigma: number;
	/** Indices of the one-period peaks (DESIGN's rule, at least half the prominence above both neighbours) replaced by their neighbours' mean before the search. */
	replaced_peaks: number[];
}

export interface ChangePointOptions {
	/** Minimum segment length in samples; DESIGN: 3. */
	min_segment?: number;
	/** Penalty per change point in units of σ²; DESIGN: 3 ln n (MBIC). */
	penalty?: number;
	/** Smallest |after − before| / before reported as a shift; DESIGN: 0.25. */
	min_relative_change?: number;
}

const MAX_REFINEMENTS = 20;

/**
 * DESIGN "Drops" (a): level shifts and trend of a series of counts (full periods only). One-period peaks
 * are replaced by their neighbours' mean; on x = log1p(values), σ starts at max(1.4826 × MAD of differences / √2,
 * 1/√median count) and is refined to the pooled within-segment residual SD (floored the same way) until the
 * exact MBIC segmentation stops changing; shifts under `min_relative_change` are merged away, and a
 * log-linear trend replaces the shifts when its penalised cost is lower.
 */
export function changePoints(values: readonly number[], options: ChangePointOptions = {}): LevelChanges {
	const n = values.length;
	const { min_segment = 3, penalty = n > 0 ? 3 * Math.log(n) : 0, min_relative_change = 0.25 } = options;
	const replaced_peaks = findPeaks(values, { prominence: defaultPeakProminence(values), distance: 2 })
		// Only one-period peaks: the top month of a high plateau also has a large prominence, but removing it would bias the plateau's level.
		.filter((peak) => peak.prominence > 0 && peak.value - Math.max(values[peak.index - 1], values[peak.index + 1]) >= peak.prominence / 2)
		.map((peak) => peak.index);
	const cleaned = [...values];
	for (const index of replaced_peaks) cleaned[index] = (values[index - 1] + values[index + 1]) / 2;
	const x = cleaned.map(Math.log1p);

	// A Poisson count λ has SD ≈ 1/√λ on the log scale: no estimate of the noise may go below it.
	const floor = n > 0 ? 1 / Math.sqrt(Math.max(1, median(cleaned))) : 1;
	const differences = x.slice(1).map((value, i) => value - x[i]);
	let sigma = Math.max(differences.length > 0 ? (1.4826 * medianAbsoluteDeviation(differences)) / Math.SQRT2 : 0, floor);
	if (n < 2 * min_segment) return { shifts: [], trend: null, sigma, replaced_peaks };

	let boundaries = optimalPartition(x, sigma, penalty, min_segment);
	for (let round = 0; round < MAX_REFINEMENTS; round++) {
		sigma = Math.max(floor, Math.sqrt(residualSquares(x, boundaries) / (n - (boundaries.length - 1))));
		const next = optimalPartition(x, sigma, penalty, min_segment);
		if (next.join() === boundaries.join()) break;
		boundaries = next;
	}
	boundaries = mergeSmallShifts(x, boundaries, min_relative_change);

	const found = bestTrend(x, boundaries, sigma, penalty, min_segment, min_relative_change);
	const trend = found?.trend ?? null;
	if (found !== null && trend !== null) {
		boundaries = boundaries.filter((index) => index <= found.span_start || index > trend.to_index);
		if (trend.from_index > 0 && !boundaries.includes(trend.from_index)) boundaries = [...boundaries, trend.from_index].sort((a, b) => a - b);
		boundaries = mergeSmallShifts(x, boundaries, min_relative_change);
	}
	const levels = segmentMeans(x, boundaries).map(Math.expm1);
	const shifts = boundaries.slice(1, -1).flatMap((index, k): ChangePoint[] => (trend !== null && index === trend.from_index ? [] : [{
		index,
		mean_before: levels[k],
		mean_after: levels[k + 1],
		direction: levels[k + 1] > levels[k] ? 'up' : 'down'
	}]));
	return { shifts, trend, sigma, replaced_peaks };
}

// Stairs going one way are often a smooth rise or decline: each run of two or more shifts in one direction (the
// whole series counting as one) is tried as a flat stretch, then a log-linear trend to the end of the run. The trend
// with the largest gain over the stairs' penalised cost wins; it costs one penalty for its slope and one for its start.
function bestTrend(x: readonly number[], boundaries: readonly number[], sigma: number, penalty: number, min_segment: number, min_relative_change: number): { trend: LevelTrend; span_start: number } | null {
	const means = segmentMeans(x, boundaries);
	const spans: [number, number][] = [[0, x.length]];
	for (let k = 1; k < boundaries.length - 1; ) {
		const direction = Math.sign(means[k] - means[k - 1]);
		let last = k;
		while (last + 1 < boundaries.length - 1 && Math.sign(means[last + 1] - means[last]) === direction) last++;
		if (last > k) spans.push([boundaries[k - 1], boundaries[last + 1]]);
		k = last + 1;
	}
	let best: { gain: number; trend: LevelTrend; span_start: number } | null = null;
	for (const [span_start, span_end] of spans) {
		const inside = boundaries.filter((index) => index >= span_start && index <= span_end);
		const stairs_cost = residualSquares(x.slice(span_start, span_end), inside.map((index) => index - span_start)) / sigma ** 2 + penalty * (inside.length - 2);
		for (let start = span_start; start <= span_end - min_segment; start = start === span_start ? span_start + min_segment : start + 1) {
			const fit = logLinearFit(x.slice(start, span_end));
			const flat = start > span_start ? residualSquares(x.slice(span_start, start), [0, start - span_start]) : 0;
			const cost = (flat + fit.residual_squares) / sigma ** 2 + penalty * (start > span_start ? 2 : 1);
			const change = Math.expm1(fit.end) / Math.max(Number.MIN_VALUE, Math.expm1(fit.start)) - 1;
			if (cost < stairs_cost && Math.abs(change) >= min_relative_change && (best === null || stairs_cost - cost > best.gain)) {
				best = {
					gain: stairs_cost - cost,
					span_start,
					trend: {
						from_index: start,
						to_index: span_end - 1,
						rate_per_period: Math.expm1(fit.slope),
						start_level: Math.expm1(fit.start),
						end_level: Math.expm1(fit.end),
						direction: fit.slope > 0 ? 'up' : 'down'
					}
				};
			}
		}
	}
	return best;
}

// Merges the smallest shift first, so that removing one boundary can make its neighbours large enough to keep.
function mergeSmallShifts(x: readonly number[], boundaries: number[], min_relative_change: number): number[] {
	let kept = boundaries;
	while (kept.length > 2) {
		const levels = segmentMeans(x, kept).map(Math.expm1);
		let smallest = -1;
		let smallest_change = Infinity;
		for (let k = 1; k < levels.length; k++) {
			const change = levels[k - 1] === 0 ? (levels[k] === 0 ? 0 : Infinity) : Math.abs(levels[k] - levels[k - 1]) / levels[k - 1];
			if (change < smallest_change) [smallest, smallest_change] = [k, change];
		}
		if (smallest_change >= min_relative_change) break;
		kept = kept.filter((_, position) => position !== smallest);
	}
	return kept;
}

function segmentMeans(x: readonly number[], boundaries: readonly number[]): number[] {
	return boundaries.slice(1).map((end, k) => {
		let sum = 0;
		for (let i = boundaries[k]; i < end; i++) sum += x[i];
		return sum / (end - boundaries[k]);
	});
}

function residualSquares(x: readonly number[], boundaries: readonly number[]): number {
	const means = segmentMeans(x, boundaries);
	let total = 0;
	for (let k = 1; k < boundaries.length; k++) {
		for (let i = boundaries[k - 1]; i < boundaries[k]; i++) total += (x[i] - means[k - 1]) ** 2;
	}
	return total;
}

// Least squares x ≈ a + b·i; `start` and `end` are the fitted values at the first and last sample.
function logLinearFit(x: readonly number[]): { slope: number; start: number; end: number; residual_squares: number } {
	const n = x.length;
	const mean_i = (n - 1) / 2;
	const mean_x = x.reduce((sum, value) => sum + value, 0) / n;
	let covariance = 0;
	let variance = 0;
	for (let i = 0; i < n; i++) {
		covariance += (i - mean_i) * (x[i] - mean_x);
		variance += (i - mean_i) ** 2;
	}
	const slope = covariance / variance;
	const at = (i: number) => mean_x + slope * (i - mean_i);
	let residual_squares = 0;
	for (let i = 0; i < n; i++) residual_squares += (x[i] - at(i)) ** 2;
	return { slope, start: at(0), end: at(n - 1), residual_squares };
}
