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

/** A steady exponential rise or decline fitted to the whole series (log1p-linear). */
export interface LevelTrend {
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

	const trend = logLinearFit(x);
	const shifts_cost = residualSquares(x, boundaries) / sigma ** 2 + penalty * (boundaries.length - 2);
	const flat_cost = residualSquares(x, [0, n]) / sigma ** 2;
	const trend_cost = trend.residual_squares / sigma ** 2 + penalty;
	const trend_change = Math.expm1(trend.end) / Math.max(Number.MIN_VALUE, Math.expm1(trend.start)) - 1;
	if (trend_cost < Math.min(shifts_cost, flat_cost) && Math.abs(trend_change) >= min_relative_change) {
		return {
			shifts: [],
			trend: {
				rate_per_period: Math.expm1(trend.slope),
				start_level: Math.expm1(trend.start),
				end_level: Math.expm1(trend.end),
				direction: trend.slope > 0 ? 'up' : 'down'
			},
			sigma,
			replaced_peaks
		};
	}
	const levels = segmentMeans(x, boundaries).map(Math.expm1);
	const shifts = boundaries.slice(1, -1).map((index, k): ChangePoint => ({
		index,
		mean_before: levels[k],
		mean_after: levels[k + 1],
		direction: levels[k + 1] > levels[k] ? 'up' : 'down'
	}));
	return { shifts, trend: null, sigma, replaced_peaks };
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
