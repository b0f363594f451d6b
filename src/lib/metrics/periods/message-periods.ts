import type { TableReads } from '../derived-tables';
import calendar_sql from './calendar-periods.sql?raw';
import stage_sql from './stage-periods.sql?raw';

/** What a period is: a calendar month, an ISO week (Monday to Sunday), a day, or one of the user's stages. */
export type PeriodGrain = 'month' | 'week' | 'day' | 'stage';

/** SQL common table expressions, to follow `WITH`, and the values they bind (bind them before the query's own). */
export interface SqlFragment {
	sql: string;
	params: unknown[];
}

/**
 * The periods of `grain` as two CTEs: `period_spans(period_index, period, start_at, end_at)`, every period in order
 * (a message at start_at ≤ sent_at < end_at is in it; `period` is `YYYY-MM`, `YYYY-MM-DD` or the stage's name),
 * and `period_messages(period_start, sent_at, author_id, role, words, likes)`, each counted message in a period with that
 * period's start_at. Months, weeks and days run from the first to the last counted message, empty ones included; stages are
 * those of table `stages`, and a message outside every stage is in none. The stage grain reads `stage_messages`,
 * which its caller ensures under the stages it means.
 */
export const messagePeriods = Object.assign(
	function messagePeriods(grain: PeriodGrain): SqlFragment {
		if (grain === 'stage') return { sql: stage_sql, params: [] };
		return { sql: calendar_sql, params: [grain, `1 ${grain}`] };
	},
	{ reads: ['counted_messages'], may_read: ['stage_messages'] } satisfies TableReads
);
