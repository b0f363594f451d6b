import { changePoints } from '../algorithms/change-points';
import { monthOverMonthDrops } from '../algorithms/month-over-month-drops';
import type { MonthlyRow } from '../monthly-series';
import { isPartialPeriod } from '../series/is-partial-period';

/** A month where the level of monthly messages shifts by at least 25% (DESIGN "Drops" (a)); means in messages per month. */
export interface MonthlyChangePoint {
	/** `YYYY-MM`, first month of the new level */
	month: string;
	mean_before: number;
	mean_after: number;
	direction: 'up' | 'down';
}

/** A steady rise or decline over full months, reported instead of stairs of change points (DESIGN "Drops" (a)). */
export interface MonthlyTrend {
	/** `YYYY-MM`, first and last month of the fit */
	from_month: string;
	to_month: string;
	/** relative change of the level per month, e.g. −0.05 = "declining about 5% a month" */
	rate_per_month: number;
	/** fitted messages per month at `from_month` and `to_month` */
	start_level: number;
	end_level: number;
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

export interface MonthlyDrops {
	changepoints: MonthlyChangePoint[];
	trend: MonthlyTrend | null;
	month_over_month: MonthlyDrop[];
	/** `YYYY-MM` of the partial months (coverage < 0.8) left out of both searches */
	partial_months: string[];
}

/** Change points (or a trend) and month-over-month drops of monthly messages, over full months only. */
export function monthlyDrops(monthly: readonly MonthlyRow[]): MonthlyDrops {
	// Only the first and the last month can be partial, so the full months stay consecutive.
	const full = monthly.filter((row) => !isPartialPeriod(row));
	const values = full.map((row) => row.messages);
	const labels = full.map((row) => row.month);
	const { shifts, trend } = changePoints(values);
	return {
		changepoints: shifts.map(({ index, mean_before, mean_after, direction }) => ({ month: labels[index], mean_before, mean_after, direction })),
		trend:
			trend === null
				? null
				: {
						from_month: labels[trend.from_index],
						to_month: labels[trend.to_index],
						rate_per_month: trend.rate_per_period,
						start_level: trend.start_level,
						end_level: trend.end_level,
						direction: trend.direction
					},
		month_over_month: monthOverMonthDrops(values, labels).map(({ label, value, previous_median }) => ({ month: label, messages: value, previous_median })),
		partial_months: monthly.filter(isPartialPeriod).map((row) => row.month)
	};
}
