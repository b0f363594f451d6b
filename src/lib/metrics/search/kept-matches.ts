import type { Db } from '../../db/db';
import keepSql from './keep-matches.sql?raw';
import pageSql from './matching-messages.sql?raw';
import type { MatchingMessage, MessagePage } from './matching-messages';
import type { MessageFilters } from './message-filters';
import { messageFilterCondition } from './message-filter-condition';
import { ensureTables, readingTables } from '../derived-tables';

let kept_tables = 0;

/**
 * The counted messages that pass some filters, found once and kept numbered in message order in a temporary table, then
 * read a page at a time: a page anywhere in the list is a range of ranks, not the filters and a sort again. The table holds
 * ids and times only and lives until `drop()`; it is not updated when the counted messages change.
 */
export class KeptMatches {
	private constructor(
		private readonly db: Db,
		private readonly table: string,
		/** How many messages passed the filters. */
		readonly total: number
	) {}

	/** Finds the matches of `filters`. Throws MessageQueryError for a filter that is not a date, month or query. */
	static keep = readingTables(['counted_messages'], async function keep(db: Db, filters: MessageFilters): Promise<KeptMatches> {
		const { sql: condition, params } = await messageFilterCondition(db, filters);
		const table = `kept_matches_${++kept_tables}`;
		// The condition is fixed SQL with `?` placeholders: typed text only ever arrives as a bound parameter.
		await db.query(keepSql.replace('/* table */', table).replace('/* filters */', condition), params);
		const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM ${table}`);
		return new KeptMatches(db, table, total);
	}, { may_read: ['links'] });

	/**
	 * At most `page.limit` matches after skipping `page.offset`, in message order. Builds the `links` table first when
	 * there is none; with `links: false` it neither builds nor reads it (parent and rule null), for a caller whose links
	 * are still being found.
	 */
	async page(page: MessagePage, options: { links?: boolean } = {}): Promise<MatchingMessage[]> {
		const offset = page.offset ?? 0;
		if (!Number.isInteger(page.limit) || page.limit < 0 || !Number.isInteger(offset) || offset < 0) {
			throw new RangeError(`a page needs a whole limit and offset ≥ 0, not ${page.limit} and ${offset}`);
		}
		const [first, last] = [offset + 1, offset + page.limit];
		// Times as text with microseconds: they come back into SQL exactly.
		const [span] = await this.db.query<{ from: string | null; to: string | null }>(
			`SELECT strftime(min(sent_at), '%Y-%m-%d %H:%M:%S.%f') AS "from", strftime(max(sent_at), '%Y-%m-%d %H:%M:%S.%f') AS "to" FROM ${this.table} WHERE rank BETWEEN ? AND ?`,
			[first, last]
		);
		if (span.from === null || span.to === null) return [];
		const with_links = options.links ?? true;
		if (with_links) await ensureTables(this.db, ['links']);
		const links = with_links ? 'links' : '(SELECT NULL::VARCHAR AS message_id, NULL::VARCHAR AS parent_id, NULL::VARCHAR AS rule, NULL::TIMESTAMP AS sent_at WHERE FALSE)';
		return this.db.query<MatchingMessage>(pageSql.replace('/* kept */', this.table).replace('/* links */', links), [first, last, span.from, span.to, span.from, span.to]);
	}

	/** Forgets the matches. */
	async drop(): Promise<void> {
		await this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
	}
}
