import type { Db } from '../../db/db';
import { dayProblem } from '../../settings/day-problem';
import { isFiltered, type DataFilter } from './data-filter';

const LISTS = [
	['filter_members', 'author_id', 'members'],
	['filter_roles', 'role', 'roles'],
	['filter_sources', 'source', 'sources'],
	['filter_kinds', 'kind', 'kinds']
] as const;

/**
 * (Re)defines the views of what the person filtered to, over `kept_messages`: `counted_messages` (what every metric
 * counts), `filtered_messages` (every kind inside the filter) and `counted_members` (the members inside its member and
 * role choices), with `count_filter_state(filtered)`. The filter's values are rows of small tables, never SQL text.
 */
export async function applyDataFilter(db: Db, filter: DataFilter): Promise<void> {
	const problem = [filter.from, filter.to].map((day) => (day === null ? null : dayProblem(day, 'day'))).find(Boolean);
	if (problem) throw new RangeError(problem);
	const filtered = isFiltered(filter);
	await db.query('CREATE OR REPLACE TABLE count_filter_state AS SELECT ?::BOOLEAN AS filtered', [filtered]);
	if (!filtered) {
		return db.exec(`CREATE OR REPLACE VIEW counted_messages AS SELECT * FROM kept_messages; CREATE OR REPLACE VIEW counted_members AS SELECT * FROM members;
			CREATE OR REPLACE VIEW filtered_messages AS SELECT * FROM messages`);
	}
	const conditions: string[] = [];
	const member_conditions: string[] = [];
	await db.exec('CREATE OR REPLACE TABLE filter_days (from_day DATE, to_day DATE)');
	await db.query('INSERT INTO filter_days VALUES (?::DATE, ?::DATE)', [filter.from, filter.to]);
	if (filter.from !== null) conditions.push('sent_at >= (SELECT from_day FROM filter_days)');
	if (filter.to !== null) conditions.push('sent_at < (SELECT to_day FROM filter_days) + INTERVAL 1 DAY');
	for (const [table, column, field] of LISTS) {
		await db.exec(`CREATE OR REPLACE TABLE ${table} (value VARCHAR)`);
		for (const value of filter[field]) await db.query(`INSERT INTO ${table} VALUES (?)`, [value]);
		if (filter[field].length === 0) continue;
		conditions.push(`${column} IN (SELECT value FROM ${table})`);
		if (field === 'members' || field === 'roles') member_conditions.push(conditions[conditions.length - 1]);
	}
	await db.exec(`CREATE OR REPLACE VIEW counted_messages AS
		SELECT * FROM kept_messages WHERE ${conditions.join(' AND ')}`);
	// Every kind (media and stickers too, which the counts leave out) inside the same filter: what was shared reads it.
	await db.exec(`CREATE OR REPLACE VIEW filtered_messages AS
		SELECT * FROM messages WHERE ${conditions.join(' AND ')}`);
	// A member outside the chosen members or roles is left out of member lists (never "silent", never a lurker).
	await db.exec(`CREATE OR REPLACE VIEW counted_members AS
		SELECT * FROM members WHERE ${member_conditions.length > 0 ? member_conditions.join(' AND ') : 'TRUE'}`);
}
