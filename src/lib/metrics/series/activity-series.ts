import type { Db } from '../../db/db';
import sql from './activity-series.sql?raw';
import { readingTables } from '../derived-tables';
import type { PeriodGrain } from '../periods/message-periods';
import { periodActivity } from '../periods/period-activity';

/** How long one sample of a series is: a calendar month, an ISO week (Monday to Sunday) or a day. */
export type Grain = Exclude<PeriodGrain, 'stage'>;

/** One period of activity. `likes` is null when the source has no likes; `mentor_share` when no messages. */
export interface ActivityRow {
	/** `YYYY-MM-DD`, first day of the period (a Monday for weeks) */
	period_start: string;
	messages: number;
	/** null while some of the period's words are still being counted */
	words: number | null;
	likes: number | null;
	active_members: number;
	active_students: number;
	/** members whose first counted message falls in this period */
	new_members: number;
	mentor_messages: number;
	/** mentor messages / messages, 0–1 */
	mentor_share: number | null;
	/** Share of the period's days inside the data's first-to-last day span, 0–1; 1 for a full period. */
	coverage: number;
}

/** Every period from the first to the last counted message at `grain`, empty periods as 0 (DESIGN.md "Monthly series"). */
export const activitySeries = readingTables(['counted_messages', 'kept_messages'], async function activitySeries(db: Db, grain: Grain): Promise<ActivityRow[]> {
	const activity = periodActivity(grain);
	return db.query<ActivityRow>(sql.replace('/* period_activity */', activity.sql), activity.params);
});
