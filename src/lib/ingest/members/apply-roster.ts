import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import type { RosterEntry } from './parse-roster';

/**
 * Stores the roster as table `roster` and gives its roles to matching messages (by author id or name).
 * A roster role wins over a role column, since the researcher wrote it for this study.
 */
export async function applyRoster(db: Db, entries: RosterEntry[]): Promise<void> {
	await insertRows(db, 'roster', { author: 'VARCHAR', role: 'VARCHAR', cohort: 'VARCHAR' }, entries.map((entry) => ({ ...entry })));
	await db.exec(`UPDATE messages SET role = r.role FROM roster r
		WHERE messages.author_id = r.author OR messages.author_name = r.author`);
}
