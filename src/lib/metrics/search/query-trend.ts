import type { Db } from '../../db/db';
import type { Grain } from '../series/activity-series';
import { messageQuery } from './message-query';
import sql from './query-trend.sql?raw';
import { readingTables } from '../derived-tables';

/** One period of a keyword trend; `role` only when asked for by role (null = members with no role). */
export interface QueryTrendRow {
	/** `YYYY-MM-DD`, first day of the period (a Monday for weeks) */
	period_start: string;
	role?: string | null;
	/** counted messages of the period */
	messages: number;
	/** of those, the ones the query matches */
	matching: number;
	/** matching / messages, 0–1; null when the period has no messages */
	share: number | null;
}

/**
 * How often the counted messages match `query` (message-query.ts), per period at `grain` from the first to
 * the last counted message, empty periods kept as 0; with `by_role`, one row per period and role present in
 * the data. Throws MessageQueryError for a query that cannot be run.
 */
export const queryTrend = readingTables(['counted_messages'], async function queryTrend(db: Db, query: string, options: { grain: Grain; by_role?: boolean; regex?: boolean }): Promise<QueryTrendRow[]> {
	const matcher = await messageQuery(db, query, { regex: options.regex });
	// matcher.sql is fixed SQL with `?` placeholders: the typed text only ever arrives as a bound parameter.
	const rows = await db.query<Required<QueryTrendRow>>(sql.replace('/* query */', matcher.sql), [
		options.grain,
		`1 ${options.grain}`,
		options.by_role ?? false,
		...matcher.params
	]);
	return options.by_role ? rows : rows.map(({ role, ...row }) => row);
});
