import type { Db } from '../db/db';
import { activitySeries, type ActivityRow } from './series/activity-series';

/** One calendar month of activity. `likes` is null when the source has no likes; `mentor_share` when no messages. */
export interface MonthlyRow extends Omit<ActivityRow, 'period_start'> {
	/** `YYYY-MM` */
	month: string;
}

/** Every month from the first to the last counted message, empty months as 0 (DESIGN.md "Monthly series"). */
export async function monthlySeries(db: Db): Promise<MonthlyRow[]> {
	const rows = await activitySeries(db, 'month');
	return rows.map(({ period_start, ...row }) => ({ month: period_start.slice(0, 7), ...row }));
}
