import { changePoints } from '../algorithms/change-points';
import { monthOverMonthDrops } from '../algorithms/month-over-month-drops';
import type { MonthlyRow } from '../monthly-series';

/** A month where the level of monthly messages shifts (DESIGN "Drops" (a)); means in messages per month. */
export interface MonthlyChangePoint {
	/** `YYYY-MM`, first month of the new level */
	month: string;
	mean_before: number;
	mean_after: number;
	direction: 'up' | 'down';
}

/** A month below half the median of the three before it (DESIGN "Drops" (b)). */
export interface MonthlyDrop {
	/** `YYYY-MM` */
	month: string;
	messages: number;
	/** median messages of the three months before */
	previous_median: number;
}

/** Change points and month-over-month drops of monthly messages. */
export function monthlyDrops(monthly: readonly MonthlyRow[]): { changepoints: MonthlyChangePoint[]; month_over_month: MonthlyDrop[] } {
	const values = monthly.map((row) => row.messages);
	const labels = monthly.map((row) => row.month);
	return {
		changepoints: changePoints(values).map(({ index, mean_before, mean_after, direction }) => ({ month: labels[index], mean_before, mean_after, direction })),
		month_over_month: monthOverMonthDrops(values, labels).map(({ label, value, previous_median }) => ({ month: label, messages: value, previous_median }))
	};
}
