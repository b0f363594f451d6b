import type { Db } from '../../db/db';
import sql from './data-span.sql?raw';
import { readingTables } from '../derived-tables';

/** How much time the counted messages cover; the times are null and `days` 0 when nothing is counted. */
export interface DataSpan {
	/** `YYYY-MM-DD HH:MM:SS` wall clock */
	first_message_at: string | null;
	last_message_at: string | null;
	/** calendar days from the first message's day to the last's, both included */
	days: number;
}

/** The span of the counted messages, which decides the default grain and what a short export can show. */
export const dataSpan = readingTables(['counted_messages'], async function dataSpan(db: Db): Promise<DataSpan> {
	const [span] = await db.query<DataSpan>(sql);
	return span;
});
