import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';

/**
 * Gives every message and member its role for the metrics: an override from the settings (by author id or
 * name), else the role the export and roster gave (`imported_role`), else, once some member is a mentor,
 * `student` (DESIGN: naming only the mentor(s) makes every other member a student). Members who got
 * `student` that way have `role_assumed`. With no mentor anywhere, unknown roles stay NULL.
 */
export async function resolveRoles(db: Db, overrides: Record<string, string>): Promise<void> {
	await keepImportedRoles(db);
	await insertRows(db, 'role_settings', { author: 'VARCHAR', role: 'VARCHAR' }, Object.entries(overrides).map(([author, role]) => ({ author, role })));
	await db.exec(`
		UPDATE members SET role = imported_role, role_assumed = false WHERE role IS DISTINCT FROM imported_role OR role_assumed;
		UPDATE members SET role = s.role FROM role_settings s WHERE members.author_id = s.author OR members.author_name = s.author;
		UPDATE members SET role = 'student', role_assumed = true
		WHERE role IS NULL AND EXISTS (SELECT 1 FROM members WHERE role = 'mentor')`);
	// One pass over messages, touching only rows whose role changes: a setting change must stay fast at 1M rows.
	await db.exec(`
		CREATE OR REPLACE TEMP TABLE author_role_overrides AS
		SELECT a.author_id, a.author_name,
			coalesce(max(s.role) FILTER (WHERE s.author = a.author_id), max(s.role) FILTER (WHERE s.author = a.author_name)) AS role
		FROM (SELECT DISTINCT author_id, author_name FROM messages) a
		LEFT JOIN role_settings s ON s.author = a.author_id OR s.author = a.author_name
		GROUP BY a.author_id, a.author_name;
		UPDATE messages SET role = coalesce(o.role, messages.imported_role, d.role)
		FROM author_role_overrides o, (SELECT CASE WHEN EXISTS (SELECT 1 FROM members WHERE role = 'mentor') THEN 'student' END AS role) d
		WHERE messages.author_id = o.author_id AND messages.author_name = o.author_name
			AND messages.role IS DISTINCT FROM coalesce(o.role, messages.imported_role, d.role);
		DROP TABLE author_role_overrides`);
	// A merged member (applyMemberMerges) is one person with one role, the member's, whatever each former name had.
	await db.exec(`
		CREATE TABLE IF NOT EXISTS member_merges (author_id VARCHAR, into_id VARCHAR);
		UPDATE messages SET role = m.role FROM members m
		WHERE messages.author_id = m.author_id AND m.author_id IN (SELECT into_id FROM member_merges) AND messages.role IS DISTINCT FROM m.role`);
}

/** The role each row had after import and roster, so an override the user removes gives it back. */
async function keepImportedRoles(db: Db): Promise<void> {
	const [{ kept }] = await db.query<{ kept: boolean }>(
		`SELECT count(*) > 0 AS kept FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'imported_role'`
	);
	if (!kept) await db.exec(`ALTER TABLE messages ADD COLUMN imported_role VARCHAR; UPDATE messages SET imported_role = role`);
}
