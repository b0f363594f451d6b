import type { Db } from '../db/db';

/** (Re)defines view `kept_messages`: the messages of every kind but `excluded_kinds` (table of the same name), the whole chat, on which the interaction links are found. */
export async function defineKeptMessages(db: Db, excluded_kinds: readonly string[]): Promise<void> {
	await db.exec('CREATE OR REPLACE TABLE excluded_kinds (kind VARCHAR)');
	for (const kind of excluded_kinds) await db.query('INSERT INTO excluded_kinds VALUES (?)', [kind]);
	await db.exec(`CREATE OR REPLACE VIEW kept_messages AS
		SELECT * FROM messages WHERE kind NOT IN (SELECT kind FROM excluded_kinds)`);
}
