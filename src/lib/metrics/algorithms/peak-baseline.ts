import { isPartialPeriod } from '../series/is-partial-period';

/** The values a peak threshold, median and MAD are taken from: the full periods, or every value when none is full. */
export function peakBaseline(values: readonly number[], coverage: readonly number[]): number[] {
	const full = values.filter((_, index) => !isPartialPeriod({ coverage: coverage[index] }));
	return full.length > 0 ? full : [...values];
}
