import type { Db } from '../../db/db';
import { messageFiltersProblem, type MessageFilters } from './message-filters';
import { messageQuery, MessageQueryError } from './message-query';
import { ensureTables, readingTables } from '../derived-tables';

/**
 * The SQL condition on `counted_messages` that `filters` make, with `?` placeholders bound in order by
 * `params` ('TRUE' without filters). Throws MessageQueryError for a date, month or query that cannot be read.
 */
export const messageFilterCondition = readingTables([], async function messageFilterCondition(db: Db, filters: MessageFilters): Promise<{ sql: string; params: unknown[] }> {
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
	if (filters.weekday !== undefined) {
		conditions.push('isodow(sent_at) - 1 = ?');
		params.push(filters.weekday);
	}
	if (filters.hour !== undefined) {
		conditions.push('hour(sent_at) = ?');
		params.push(filters.hour);
	}
	if (filters.pair !== undefined) {
		await ensureTables(db, ['links']);
		const [a, b] = filters.pair;
		conditions.push(
			'message_id IN (SELECT message_id FROM links WHERE (author_id = ? AND parent_author_id = ?) OR (author_id = ? AND parent_author_id = ?))'
		);
		params.push(a, b, b, a);
	}
	if (filters.query !== undefined) {
		const query = await messageQuery(db, filters.query, { regex: filters.regex });
		conditions.push(query.sql);
		params.push(...query.params);
	}
	return { sql: conditions.length > 0 ? conditions.join(' AND ') : 'TRUE', params };
}, { may_read: ['links'] });
