import { dayNumber } from './day-number';
import type { TimeGrain } from './time-grain';

/** Positions of consecutive periods (months, weeks or days) along x, and of calendar dates among them. */
export interface PeriodScale {
	/** Width of one period in px. */
	step: number;
	/** Left edge of period `index`. */
	start(index: number): number;
	center(index: number): number;
	/**
	 * x of the start of a `YYYY-MM-DD` day (or its end with `edge = 'end'`), placed proportionally inside its
	 * period; dates outside the periods extrapolate past the range, so callers clamp or skip them.
	 */
	date(date: string, edge?: 'start' | 'end'): number;
	/** Index of the period with this label, −1 when absent. */
	index(label: string): number;
}

/** Equal-width periods `labels` (consecutive, in order) over the pixel range [x0, x1]. */
export function periodScale(labels: readonly string[], grain: TimeGrain, [x0, x1]: [number, number]): PeriodScale {
	const n = Math.max(1, labels.length);
	const step = (x1 - x0) / n;
	const starts = labels.map(dayNumber);
	const end = (index: number) => {
		if (grain === 'day') return starts[index] + 1;
		if (grain === 'week') return starts[index] + 7;
		const [year, month] = labels[index].split('-').map(Number);
		return Date.UTC(year, month, 1) / 86_400_000;
	};
	const positions = new Map(labels.map((label, index) => [label, index]));
	return {
		step,
		start: (index) => x0 + index * step,
		center: (index) => x0 + (index + 0.5) * step,
		index: (label) => positions.get(label) ?? -1,
		date(date, edge = 'start') {
			if (labels.length === 0) return x0;
			const day = dayNumber(date) + (edge === 'end' ? 1 : 0);
			if (day < starts[0]) return x0 + ((day - starts[0]) / (end(0) - starts[0])) * step;
			let low = 0;
			let high = labels.length - 1;
			while (low < high) {
				const middle = Math.ceil((low + high) / 2);
				if (starts[middle] <= day) low = middle;
				else high = middle - 1;
			}
			const length = end(low) - starts[low];
			return x0 + (low + (day - starts[low]) / length) * step;
		}
	};
}
