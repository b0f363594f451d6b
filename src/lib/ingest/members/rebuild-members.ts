import type { Db } from '../../db/db';

/**
 * Rebuilds `members` from `messages` and the optional `roster`: one row per author, plus roster members
 * who never posted (lurkers, with 0 messages). `imported_role` keeps the role from export and roster;
 * resolveRoles sets `role` (and `role_assumed`) from it. `hint`: what the export says that may suggest a role.
 * `author_name` is the latest name; `other_names` the earlier ones (a nickname changed under a stable id).
 * `member_names` keeps every name each author used and `imported_members` this table as imported, for applyMemberMerges.
 */
export async function rebuildMembers(db: Db): Promise<void> {
	await db.exec(`CREATE TABLE IF NOT EXISTS roster (author VARCHAR, role VARCHAR, cohort VARCHAR);
		CREATE TABLE IF NOT EXISTS member_hints (author_id VARCHAR, hint VARCHAR)`);
	await db.exec(`
		CREATE OR REPLACE TABLE member_names AS
		SELECT author_id, author_name, min(sent_at) AS first_used, max(sent_at) AS last_used FROM messages GROUP BY ALL`);
	await db.exec(`
		CREATE OR REPLACE TABLE imported_members AS
		WITH posters AS (
			SELECT author_id, arg_max(author_name, sent_at) AS author_name, mode(role) AS role,
				min(sent_at) AS first_seen, max(sent_at) AS last_seen, count(*)::INTEGER AS messages
			FROM messages GROUP BY author_id
		), hints AS (
			SELECT author_id, string_agg(DISTINCT hint, '; ' ORDER BY hint) AS hint FROM member_hints GROUP BY author_id
		)
		SELECT p.author_id, p.author_name, coalesce(r.role, p.role) AS role, r.cohort,
			p.first_seen, p.last_seen, p.messages, coalesce(r.role, p.role) AS imported_role, false AS role_assumed, h.hint,
			coalesce((SELECT list(n.author_name ORDER BY n.first_used, n.author_name) FROM member_names n
				WHERE n.author_id = p.author_id AND n.author_name <> p.author_name), []::VARCHAR[]) AS other_names
		FROM posters p
		LEFT JOIN roster r ON r.author = p.author_id OR r.author = p.author_name
		LEFT JOIN hints h ON h.author_id = p.author_id
		UNION ALL
		SELECT r.author, r.author, r.role, r.cohort, NULL, NULL, 0, r.role, false, NULL, []::VARCHAR[]
		FROM roster r
		WHERE NOT EXISTS (SELECT 1 FROM posters p WHERE r.author = p.author_id OR r.author = p.author_name);
		CREATE OR REPLACE TABLE members AS SELECT * FROM imported_members`);
}
