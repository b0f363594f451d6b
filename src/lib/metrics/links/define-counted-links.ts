import type { Db } from '../../db/db';

/**
 * (Re)defines view `links`: the links found on the whole chat (`kept_links`, buildInteractionLinks) that the counted
 * messages make. Without a filter it is kept_links itself, sparing every link metric a join (docs/filters.md).
 * Does nothing before any links are found.
 */
export async function defineCountedLinks(db: Db, filtered: boolean): Promise<void> {
	const [{ found }] = await db.query<{ found: boolean }>(`SELECT count(*) > 0 AS found FROM information_schema.tables WHERE table_name = 'kept_links'`);
	if (!found) return;
	await db.exec(
		filtered
			? 'CREATE OR REPLACE VIEW links AS SELECT * FROM kept_links WHERE message_id IN (SELECT message_id FROM counted_messages)'
			: 'CREATE OR REPLACE VIEW links AS SELECT * FROM kept_links'
	);
}
