import type { Db } from '../../db/db';
import { buildInteractionLinks } from './build-interaction-links';

/** Builds the `links` table (buildInteractionLinks) when the database has none; one already there is kept as it is. */
export async function ensureInteractionLinks(db: Db): Promise<void> {
	const [{ has_links }] = await db.query<{ has_links: boolean }>(`SELECT count(*) > 0 AS has_links FROM information_schema.tables WHERE table_name = 'links'`);
	if (!has_links) await buildInteractionLinks(db);
}
