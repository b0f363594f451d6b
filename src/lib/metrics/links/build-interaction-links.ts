import type { Db } from '../../db/db';
import sql from './build-interaction-links.sql?raw';

/** Which rule linked a message to its parent; `none` when no rule did (DESIGN.md "Interaction links"). */
export type LinkRule = 'reply_to' | 'mention' | 'previous' | 'none';

/** A counted message and the message it answers (null ids when none): the `links` table's main columns. */
export interface InteractionLink {
	message_id: string;
	parent_id: string | null;
	rule: LinkRule;
	author_id: string;
	parent_author_id: string | null;
}

export interface InteractionLinkOptions {
	/** How recent the previous message must be (strictly under) for the `previous` rule; default 60. */
	window_minutes?: number;
}

/**
 * (Re)creates table `links(seq, message_id, parent_id, rule, author_id, parent_author_id, sent_at, role,
 * parent_role)`: one row per row of `counted_messages`, `seq` numbering them in message order, with the
 * time and both roles carried along so the link metrics need no join with `messages`. Rules, first that
 * links wins: `reply_to` (explicit parent in the dataset, not the author's own); `mention` (`@name`, or
 * a name opening the text followed by `:` or `,`, of a known member → their latest earlier message);
 * `previous` (the previous message of the same source if under the window; a message following the
 * author's own inherits that message's link); else `none`.
 */
export async function buildInteractionLinks(db: Db, options: InteractionLinkOptions = {}): Promise<void> {
	const window_minutes = options.window_minutes ?? 60;
	if (!(window_minutes >= 0 && Number.isFinite(window_minutes))) {
		throw new RangeError(`window_minutes must be a non-negative number of minutes, not ${window_minutes}`);
	}
	await db.query('CREATE OR REPLACE TEMP TABLE link_settings AS SELECT to_microseconds(?::BIGINT) AS link_window', [
		Math.round(window_minutes * 60_000_000)
	]);
	await db.exec(sql);
}
