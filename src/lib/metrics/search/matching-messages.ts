import type { Db } from '../../db/db';
import { buildInteractionLinks, type LinkRule } from '../links/build-interaction-links';
import sql from './matching-messages.sql?raw';
import { messageFiltersProblem, type MessageFilters } from './message-filters';
import { messageQuery, MessageQueryError } from './message-query';

/** One message behind a number, with the message it answers and the rule that found it. */
export interface MatchingMessage {
	message_id: string;
	/** `YYYY-MM-DD HH:MM:SS` wall clock */
	timestamp: string;
	author: string;
	role: string | null;
	text: string;
	likes: number | null;
	parent_id: string | null;
	rule: LinkRule;
}

/** A page of results: at most `limit` rows after skipping `offset`. */
export interface MessagePage {
	limit: number;
	offset?: number;
}

/**
 * The counted messages that pass the filters, in message order, one page at a time. Builds the `links`
 * table first when there is none. Throws MessageQueryError for a filter that is not a date, month or query.
 */
export async function matchingMessages(db: Db, filters: MessageFilters, page: MessagePage): Promise<MatchingMessage[]> {
	const offset = page.offset ?? 0;
	if (!Number.isInteger(page.limit) || page.limit < 0 || !Number.isInteger(offset) || offset < 0) {
		throw new RangeError(`a page needs a whole limit and offset ≥ 0, not ${page.limit} and ${offset}`);
	}
	const { sql: condition, params } = await filterCondition(db, filters);
	const [{ has_links }] = await db.query<{ has_links: boolean }>(
		`SELECT count(*) > 0 AS has_links FROM information_schema.tables WHERE table_name = 'links'`
	);
	if (!has_links) await buildInteractionLinks(db);
	// The condition is fixed SQL with `?` placeholders: typed text only ever arrives as a bound parameter.
	return db.query<MatchingMessage>(sql.replace('/* filters */', condition), [...params, page.limit, offset]);
}

async function filterCondition(db: Db, filters: MessageFilters): Promise<{ sql: string; params: unknown[] }> {
	const conditions: string[] = [];
	const params: unknown[] = [];
	const problem = messageFiltersProblem(filters);
	if (problem) throw new MessageQueryError(problem);
	if (filters.from !== undefined) {
		conditions.push('sent_at >= ?::DATE');
		params.push(filters.from);
	}
	if (filters.to !== undefined) {
		conditions.push('sent_at < ?::DATE + 1');
		params.push(filters.to);
	}
	if (filters.month !== undefined) {
		conditions.push('sent_at >= ?::DATE AND sent_at < ?::DATE + INTERVAL 1 MONTH');
		params.push(`${filters.month}-01`, `${filters.month}-01`);
	}
	if (filters.member !== undefined) {
		conditions.push('(author_id = ? OR author_name = ?)');
		params.push(filters.member, filters.member);
	}
	if (filters.query !== undefined) {
		const query = await messageQuery(db, filters.query, { regex: filters.regex });
		conditions.push(query.sql);
		params.push(...query.params);
	}
	return { sql: conditions.length > 0 ? conditions.join(' AND ') : 'TRUE', params };
}
