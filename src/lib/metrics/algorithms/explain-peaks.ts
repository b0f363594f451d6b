import { defaultPeakProminence } from './default-peak-prominence';
import { median } from './median';
import { isPartialPeriod } from '../series/is-partial-period';
import { peakBaseline } from './peak-baseline';
import { medianAbsoluteDeviation } from './median-absolute-deviation';
import { peakCandidates } from './peak-candidates';
import { peakDistanceSuppressors } from './peak-distance-suppressors';

export interface PeakExplanation {
	label: string;
	value: number;
	is_peak: boolean;
	/** Null for samples that are not local maxima. */
	prominence: number | null;
	/** Null when the median is 0. */
	ratio_to_median: number | null;
	/** 0.6745 × (value − median) / MAD; null when MAD is 0. */
	robust_z: number | null;
	reason: string;
}

export interface ExplainPeaksOptions {
	/** Divides the default prominence threshold: higher finds more peaks (see defaultPeakProminence). */
	sensitivity?: number;
	/** Minimum distance between peaks in samples, scipy's rule; DESIGN's default is 2. */
	distance?: number;
	/** What one sample is, for the sentences. */
	unit?: 'month' | 'week' | 'day';
	/** Share of each sample's days inside the data (DESIGN "Periods"); a partial one (< 0.8) is scaled to a full period and left out of the baseline. */
	coverage?: readonly number[];
}

/**
 * For every sample of a series: whether it is a peak under DESIGN's rule (prominence ≥ defaultPeakProminence
 * of the full samples, scipy distance, partial samples scaled to a full period), its prominence, ratio to the
 * median, robust z and a sentence saying why.
 */
export function explainPeaks(
	values: readonly number[],
	labels: readonly string[],
	options: ExplainPeaksOptions = {}
): PeakExplanation[] {
	if (labels.length !== values.length) {
		throw new RangeError(`explainPeaks: ${values.length} values but ${labels.length} labels`);
	}
	const { sensitivity = 1, distance = 2, unit = 'month', coverage = values.map(() => 1) } = options;
	if (coverage.length !== values.length) {
		throw new RangeError(`explainPeaks: ${values.length} values but ${coverage.length} coverages`);
	}
	const scaled = values.map((value, index) => (isPartialPeriod({ coverage: coverage[index] }) && coverage[index] > 0 ? value / coverage[index] : value));
	const baseline = peakBaseline(values, coverage);
	const threshold = defaultPeakProminence(baseline, sensitivity);
	const center = median(baseline);
	const mad = medianAbsoluteDeviation(baseline);
	const candidates = peakCandidates(scaled);
	const suppressors = peakDistanceSuppressors(candidates, distance);
	const candidate_at = new Map(candidates.map((candidate, position) => [candidate.index, position]));
	const is_peak = (position: number) =>
		suppressors[position] === null && candidates[position].prominence >= threshold;
	const flat_top_owner = new Map<number, number>();
	for (const { index, value } of candidates) {
		for (let i = index - 1; i >= 0 && scaled[i] === value; i--) flat_top_owner.set(i, index);
		for (let i = index + 1; i < values.length && scaled[i] === value; i++) flat_top_owner.set(i, index);
	}

	return values.map((value, index) => {
		const position = candidate_at.get(index);
		return {
			label: labels[index],
			value,
			is_peak: position !== undefined && is_peak(position),
			prominence: position === undefined ? null : candidates[position].prominence,
			ratio_to_median: center === 0 ? null : scaled[index] / center,
			robust_z: mad === 0 ? null : (0.6745 * (scaled[index] - center)) / mad,
			reason: position === undefined ? nonCandidateReason(index) : candidateReason(position)
		};
	});

	function nonCandidateReason(index: number): string {
		if (index === 0) return `not a peak: first ${unit} is never a peak`;
		if (index === values.length - 1) return `not a peak: last ${unit} is never a peak`;
		const owner = flat_top_owner.get(index);
		if (owner !== undefined) return `not a peak: on a flat top counted once, at ${labels[owner]}`;
		return 'not a peak: not higher than both neighbours';
	}

	function candidateReason(position: number): string {
		const { index, prominence } = candidates[position];
		const [shown_prominence, shown_threshold] = formatPair(prominence, threshold);
		if (prominence < threshold) {
			return `not a peak: prominence ${shown_prominence} below threshold ${shown_threshold}`;
		}
		const suppressor = suppressors[position];
		if (suppressor !== null) {
			const gap = Math.abs(index - suppressor);
			const higher = is_peak(candidate_at.get(suppressor)!) ? 'higher peak' : 'higher local maximum';
			return `not a peak: within ${gap} ${unit}${gap === 1 ? '' : 's'} of a ${higher} (${labels[suppressor]})`;
		}
		return `peak: prominence ${shown_prominence} ≥ threshold ${shown_threshold}`;
	}
}

// Rounds both numbers to the fewest decimals that still show which one is larger, so a sentence never
// reads "prominence 180 below threshold 180".
function formatPair(a: number, b: number): [string, string] {
	for (let decimals = Number.isInteger(a) && Number.isInteger(b) ? 0 : 1; decimals < 12; decimals++) {
		const [shown_a, shown_b] = [a, b].map((x) => Number(x.toFixed(decimals)));
		if (Math.sign(shown_a - shown_b) === Math.sign(a - b)) return [String(shown_a), String(shown_b)];
	}
	return [String(a), String(b)];
}
