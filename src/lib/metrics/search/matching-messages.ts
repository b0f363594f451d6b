import type { Db } from '../../db/db';
import type { LinkRule } from '../links/build-interaction-links';
import { KeptMatches } from './kept-matches';
import type { MessageFilters } from './message-filters';
import { readingTables } from '../derived-tables';

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
 * The counted messages that pass the filters, in message order, one page of them (KeptMatches, kept for this page
 * only: a caller reading many pages keeps the matches itself). Builds the `links` table first when there is none; with
 * `links: false` it neither builds nor reads it (parent and rule null), for a caller whose links are still being found.
 * Throws MessageQueryError for a filter that is not a date, month or query.
 */
export const matchingMessages = readingTables(['counted_messages'], async function matchingMessages(db: Db, filters: MessageFilters, page: MessagePage, options: { links?: boolean } = {}): Promise<MatchingMessage[]> {
	const matches = await KeptMatches.keep(db, filters);
	try {
		return await matches.page(page, options);
	} finally {
		await matches.drop();
	}
}, { may_read: ['links'] });
