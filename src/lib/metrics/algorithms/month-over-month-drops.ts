import { median } from './median';

/** A month whose count fell below half the median of the three months before it. */
export interface MonthOverMonthDrop {
	label: string;
	value: number;
	previous_median: number;
}

/**
 * Months whose value is below half the median of the previous three months, when that median is at least 30
 * (smaller groups swing too much to call a halving a drop); the first three months have no baseline.
 */
export function monthOverMonthDrops(values: readonly number[], labels: readonly string[]): MonthOverMonthDrop[] {
	if (labels.length !== values.length) {
		throw new RangeError(`monthOverMonthDrops: ${values.length} values but ${labels.length} labels`);
	}
	const drops: MonthOverMonthDrop[] = [];
	for (let i = 3; i < values.length; i++) {
		const previous_median = median(values.slice(i - 3, i));
		if (previous_median >= 30 && values[i] < previous_median / 2) {
			drops.push({ label: labels[i], value: values[i], previous_median });
		}
	}
	return drops;
}
