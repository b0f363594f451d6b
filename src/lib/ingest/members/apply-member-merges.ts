import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import sql from './apply-member-merges.sql?raw';

/**
 * Makes each merge one member for every metric: the messages of the `from` members take the `into` member's
 * author id (the original stays in `messages.imported_author_id`, so removing a merge gives it back), and
 * `members` gets one row for them with the `into` member's name, roster role, cohort and hint, the sum of their
 * messages and the other names in `other_names`. Keys naming no member of this dataset are left alone.
 */
export async function applyMemberMerges(db: Db, merges: readonly { into: string; from: readonly string[] }[]): Promise<void> {
	const [{ imported, kept }] = await db.query<{ imported: boolean; kept: boolean }>(`SELECT
		(SELECT count(*) > 0 FROM information_schema.tables WHERE table_name = 'imported_members') AS imported,
		(SELECT count(*) > 0 FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'imported_author_id') AS kept`);
	if (!imported) {
		if (merges.length > 0) throw new Error('member merges need the members as imported (rebuildMembers)');
		return;
	}
	if (merges.length === 0 && !kept) {
		return db.exec(`CREATE OR REPLACE TABLE member_merges (author_id VARCHAR, into_id VARCHAR);
			CREATE OR REPLACE TABLE members AS SELECT * FROM imported_members`);
	}
	if (!kept) await db.exec('ALTER TABLE messages ADD COLUMN imported_author_id VARCHAR; UPDATE messages SET imported_author_id = author_id');
	const keys = merges.flatMap(({ into, from }) => from.map((from_key) => ({ into_key: into, from_key })));
	await insertRows(db, 'member_merge_keys', { into_key: 'VARCHAR', from_key: 'VARCHAR' }, keys);
	await db.exec(sql);
	// Only rows whose member changes are written: a merge added or undone must stay fast at 1M messages.
	await db.exec(`
		UPDATE messages SET author_id = imported_author_id
		WHERE author_id <> imported_author_id
			AND NOT EXISTS (SELECT 1 FROM member_merges mm WHERE mm.author_id = messages.imported_author_id AND mm.into_id = messages.author_id);
		UPDATE messages SET author_id = mm.into_id FROM member_merges mm
		WHERE messages.imported_author_id = mm.author_id AND messages.author_id <> mm.into_id`);
}
