import type { Db } from '../../db/db';
import type { LinkRule } from '../links/build-interaction-links';
import sql from './matching-messages.sql?raw';
import type { MessageFilters } from './message-filters';
import { messageFilterCondition } from './message-filter-condition';
import { ensureTables, readingTables } from '../derived-tables';

/** One message behind a number, with the message it answers and the rule that found it. */
export interface MatchingMessage {
	message_id: string;
	/** `YYYY-MM-DD HH:MM:SS` wall clock */
	timestamp: string;
	author_id: string;
	/** the author's name */
	author: string;
	role: string | null;
	text: string;
	likes: number | null;
	parent_id: string | null;
	/** The author name of the parent message; null without a parent. */
	parent_author: string | null;
	/** null only when asked without links (`links: false`): not known yet, not "no parent". */
	rule: LinkRule | null;
}

/** A page of results: at most `limit` rows after skipping `offset`. */
export interface MessagePage {
	limit: number;
	offset?: number;
}

/**
 * The counted messages that pass the filters, in message order, one page at a time. Builds the `links`
 * table first when there is none; with `links: false` it neither builds nor reads it (parent and rule null),
 * for a caller whose links are still being found. Throws MessageQueryError for a filter that is not a date,
 * month or query.
 */
export const matchingMessages = readingTables(['counted_messages'], async function matchingMessages(db: Db, filters: MessageFilters, page: MessagePage, options: { links?: boolean } = {}): Promise<MatchingMessage[]> {
	const offset = page.offset ?? 0;
	if (!Number.isInteger(page.limit) || page.limit < 0 || !Number.isInteger(offset) || offset < 0) {
		throw new RangeError(`a page needs a whole limit and offset ≥ 0, not ${page.limit} and ${offset}`);
	}
	const { sql: condition, params } = await messageFilterCondition(db, filters);
	const with_links = options.links ?? true;
	if (with_links) await ensureTables(db, ['links']);
	const links = with_links ? 'links' : '(SELECT NULL::VARCHAR AS message_id, NULL::VARCHAR AS parent_id, NULL::VARCHAR AS rule WHERE FALSE)';
	// The condition is fixed SQL with `?` placeholders: typed text only ever arrives as a bound parameter.
	return db.query<MatchingMessage>(sql.replace('/* filters */', condition).replace('/* links */', links), [...params, page.limit, offset]);
}, { may_read: ['links'] });
