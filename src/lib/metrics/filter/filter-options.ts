import type { Db } from '../../db/db';
import sql from './filter-options.sql?raw';
import { readingTables } from '../derived-tables';

/** A member the filter can choose, with how many kept messages they wrote. */
export interface FilterMember {
	author_id: string;
	author_name: string;
	role: string | null;
	messages: number;
}

/** What the filter can choose from: the span in days and the members, roles, sources and kinds of the kept messages. */
export interface FilterOptions {
	/** `YYYY-MM-DD` of the first and last kept message; null when there is none */
	first_day: string | null;
	last_day: string | null;
	/** by name */
	members: FilterMember[];
	roles: string[];
	sources: string[];
	kinds: string[];
}

/** Reads the filter's choices from `kept_messages` (the whole chat, before any filter). */
export const filterOptions = readingTables(['kept_messages'], async function filterOptions(db: Db): Promise<FilterOptions> {
	const [row] = await db.query<FilterOptions>(sql);
	return row;
});
