import type { TableReads } from '../derived-tables';
import { messagePeriods, type PeriodGrain, type SqlFragment } from './message-periods';
import activity_sql from './period-activity.sql?raw';

/**
 * messagePeriods' CTEs and, after them, `period_activity`: per period of `period_spans`, in order, its messages,
 * words (`words_pending`: messages whose words are not counted yet), likes (null when the source has none), active
 * members and students, new members (first message in the whole chat), mentor messages and mentor share.
 */
export const periodActivity = Object.assign(
	function periodActivity(grain: PeriodGrain): SqlFragment {
		const periods = messagePeriods(grain);
		return { sql: `${periods.sql},\n${activity_sql}`, params: periods.params };
	},
	{ reads: ['counted_messages', 'kept_messages'], may_read: messagePeriods.may_read } satisfies TableReads
);
