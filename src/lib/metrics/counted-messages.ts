import type { Db } from '../db/db';

/** Which messages the metrics count: kinds to leave out (as the study left out media and memes). */
export interface CountFilter {
	excluded_kinds: string[];
}

export const DEFAULT_COUNT_FILTER: CountFilter = { excluded_kinds: ['system', 'media', 'sticker'] };

/** (Re)defines the view `counted_messages` that every metric reads, so one filter applies to all of them. */
export async function defineCountedMessages(db: Db, filter: CountFilter = DEFAULT_COUNT_FILTER): Promise<void> {
	await db.exec('CREATE OR REPLACE TABLE excluded_kinds (kind VARCHAR)');
	for (const kind of filter.excluded_kinds) await db.query('INSERT INTO excluded_kinds VALUES (?)', [kind]);
	await db.exec(`CREATE OR REPLACE VIEW counted_messages AS
		SELECT * FROM messages WHERE kind NOT IN (SELECT kind FROM excluded_kinds)`);
}
