import type { Db } from '../../db/db';
import type { MessageFilters } from './message-filters';
import { messageFilterCondition } from './message-filter-condition';
import { readingTables } from '../derived-tables';

/** How many counted messages pass the filters: the total that matchingMessages pages through. */
export const countMatchingMessages = readingTables(['counted_messages'], async function countMatchingMessages(db: Db, filters: MessageFilters): Promise<number> {
	const { sql: condition, params } = await messageFilterCondition(db, filters);
	// The condition is fixed SQL with `?` placeholders: typed text only ever arrives as a bound parameter.
	const [{ messages }] = await db.query<{ messages: number }>(`SELECT count(*)::INTEGER AS messages FROM counted_messages WHERE ${condition}`, params);
	return messages;
});
