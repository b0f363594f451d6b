import type { Db } from '../../db/db';
import { EMOJI_CLUSTER_PATTERN } from './emoji-cluster-pattern';
import media_types_sql from './media-types.sql?raw';
import shared_items_sql from './shared-items.sql?raw';
import shared_months_sql from './shared-months.sql?raw';
import top_domains_sql from './top-domains.sql?raw';
import top_emoji_sql from './top-emoji.sql?raw';
import top_sharers_sql from './top-sharers.sql?raw';
import { readingTables } from '../derived-tables';

/** A linked domain: the host without `www.`, lower-cased. */
export interface SharedDomain {
	domain: string;
	links: number;
	/** distinct members who linked to it */
	members: number;
}

/** `photo`, `video`, `voice`, `gif`, `file`, `sticker`, `contact`, `call`, or `unspecified` when the export does not say. */
export interface SharedMediaType {
	type: string;
	/** media and sticker messages */
	count: number;
}

export interface SharedEmoji {
	emoji: string;
	/** uses in counted messages' text */
	count: number;
}

export interface SharedMonth {
	/** `YYYY-MM` */
	month: string;
	links: number;
	media: number;
	emoji: number;
	/** likes/reactions on the month's counted messages */
	likes: number;
}

export interface SharedByMember {
	author_id: string;
	author: string;
	links: number;
	media: number;
	emoji: number;
	likes_received: number;
}

/** What was shared: links, media, emoji and likes, over the whole dataset, per month and per member. */
export interface SharedItems {
	domains: SharedDomain[];
	media: SharedMediaType[];
	emoji: SharedEmoji[];
	monthly: SharedMonth[];
	members: SharedByMember[];
}

/**
 * Links (URLs in the text, by domain), emoji and likes of `counted_messages`; media of every media and sticker
 * message of `messages`, since they are left out of the counted kinds by default and would otherwise never show.
 * Domains, emoji and members keep the `top` (default 10) first, ties broken by name; media types are all kept.
 */
export const sharedItems = readingTables(['counted_messages'], async function sharedItems(db: Db, options: { top?: number } = {}): Promise<SharedItems> {
	const { top = 10 } = options;
	// A literal, not a bound parameter: duckdb-wasm compiles a bound pattern again for every row (100k texts: 218 s against 0.2 s).
	await db.exec(shared_items_sql.replace('$emoji_pattern', `'${EMOJI_CLUSTER_PATTERN.replaceAll("'", "''")}'`));
	try {
		return {
			domains: await db.query<SharedDomain>(top_domains_sql, [top]),
			media: await db.query<SharedMediaType>(media_types_sql),
			emoji: await db.query<SharedEmoji>(top_emoji_sql, [top]),
			monthly: await db.query<SharedMonth>(shared_months_sql),
			members: await db.query<SharedByMember>(top_sharers_sql, [top])
		};
	} finally {
		await db.exec('DROP TABLE IF EXISTS shared_items');
	}
});
