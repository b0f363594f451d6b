import type { Db } from '../db/db';
import { DEFAULT_EXCLUDED_KINDS } from '../settings/default-excluded-kinds';
import { applyDataFilter } from './filter/apply-data-filter';
import { NO_FILTER, isFiltered, type DataFilter } from './filter/data-filter';
import { defineKeptMessages } from './kept-messages';
import { defineCountedLinks } from './links/define-counted-links';

/** Which messages the metrics count: kinds to leave out (as the study left out media and memes), and what the person filtered to. */
export interface CountFilter {
	excluded_kinds: string[];
	filter?: DataFilter;
}

export const DEFAULT_COUNT_FILTER: CountFilter = { excluded_kinds: [...DEFAULT_EXCLUDED_KINDS] };

/**
 * (Re)defines at once, outside the derived-table registry (ensureTables), the views every metric reads:
 * `kept_messages` (defineKeptMessages), `counted_messages`, `filtered_messages` and `counted_members` (applyDataFilter)
 * and, once links were found, `links`. For tests; the analysis asks ensureTables, also on a freshly loaded dataset.
 */
export async function defineCountedMessages(db: Db, count: CountFilter = DEFAULT_COUNT_FILTER): Promise<void> {
	const filter = count.filter ?? NO_FILTER;
	await defineKeptMessages(db, count.excluded_kinds);
	await applyDataFilter(db, filter);
	await defineCountedLinks(db, isFiltered(filter));
}
