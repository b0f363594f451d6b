import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import { chooseReply, REPLY_WEIGHTS } from './choose-reply';
import sql from './build-interaction-links.sql?raw';
import order_sql from './link-order.sql?raw';
import { REPLY_CONTEXT_OPTIONS, ReplyContext } from './reply-context';

/** How a message's parent was found (DESIGN.md "Interaction links"); `none` when it has none. */
export type LinkRule = 'reply_to' | 'continuation' | 'mention' | 'context' | 'none';

/** Every rule, explicit first. */
export const LINK_RULES: readonly LinkRule[] = ['reply_to', 'continuation', 'mention', 'context', 'none'];

/** A counted message and the message it answers (null ids when none): the `links` table's main columns. */
export interface InteractionLink {
	message_id: string;
	parent_id: string | null;
	rule: LinkRule;
	author_id: string;
	parent_author_id: string | null;
}

export interface InteractionLinkOptions {
	/** How recent (strictly under, minutes) an unnamed message must be to be a candidate parent; default 60. */
	window_minutes?: number;
}

// Small enough that a chunk's texts stay a few MB of JS heap, large enough that the query per chunk does not count.
const CHUNK_ROWS = 10_000;
/** Longest stretch of reply inference between two yields, so the page stays responsive while links are found. */
const YIELD_AFTER_MS = 40;

/**
 * (Re)creates table `kept_links` `(seq, message_id, parent_id, rule, reason, author_id, parent_author_id, sent_at,
 * role, parent_role)`: one row per row of `kept_messages`, found on the whole chat so a filter never gives a message
 * another parent (the registry's view `links` keeps those of `counted_messages`), `seq` numbering them in message order, with
 * the time and both roles carried along so the link metrics need no join with `messages`. An explicit
 * reply_to found in the dataset is the parent (`reply_to`, one's own message included); otherwise a
 * logistic ranking model (choose-reply.ts) picks among the previous messages of the same source and
 * "no parent", reading names, addressing, same author, time and shared words; `reason` says why.
 */
export async function buildInteractionLinks(db: Db, options: InteractionLinkOptions = {}): Promise<void> {
	const window_minutes = options.window_minutes ?? REPLY_CONTEXT_OPTIONS.window_ms / 60_000;
	if (!(window_minutes >= 0 && Number.isFinite(window_minutes))) {
		throw new RangeError(`window_minutes must be a non-negative number of minutes, not ${window_minutes}`);
	}
	await db.exec(order_sql);
	const members = await db.query<{ author_id: string; author_name: string; other_names: string[] }>('SELECT author_id, author_name, other_names FROM members');
	const names = new Map(members.map((member) => [member.author_id, member.author_name]));
	// A member is named by an earlier nickname too; current names come first, so nobody's old name takes a name someone holds now.
	const current = members.map(({ author_id, author_name }) => ({ name: author_name, author_id }));
	const earlier = members.flatMap(({ author_id, other_names }) => other_names.map((name) => ({ name, author_id })));
	const context = new ReplyContext([...current, ...earlier], { ...REPLY_CONTEXT_OPTIONS, window_ms: window_minutes * 60_000 });
	await db.exec('CREATE OR REPLACE TEMP TABLE link_inferred (seq INTEGER, parent_seq INTEGER, rule VARCHAR, reason VARCHAR)');
	for (let from = 1; ; from += CHUNK_ROWS) {
		const rows = await db.query<{ seq: number; source_index: number; author_id: string; sent_ms: number; text: string; replied_author_id: string | null }>(
			`SELECT seq, source_index, author_id, epoch_ms(sent_at)::DOUBLE AS sent_ms, text, parent_author_id AS replied_author_id
			FROM link_order WHERE seq >= ? AND seq < ? ORDER BY seq`,
			[from, from + CHUNK_ROWS]
		);
		if (rows.length === 0) break;
		const inferred: { seq: number; parent_seq: number | null; rule: string; reason: string }[] = [];
		let slice_started = performance.now();
		for (const row of rows) {
			if (performance.now() - slice_started > YIELD_AFTER_MS) {
				await new Promise((resume) => setTimeout(resume, 0));
				slice_started = performance.now();
			}
			const message = context.read(row);
			if (row.replied_author_id === null) {
				const choice = chooseReply(context.best(message, REPLY_WEIGHTS), (author_id) => names.get(author_id) ?? author_id, window_minutes);
				inferred.push({ seq: row.seq, parent_seq: choice.parent?.seq ?? null, rule: choice.rule, reason: choice.reason });
			}
			context.add(message);
		}
		await insertRows(db, 'link_inferred_chunk', { seq: 'INTEGER', parent_seq: 'INTEGER', rule: 'VARCHAR', reason: 'VARCHAR' }, inferred);
		await db.exec('INSERT INTO link_inferred SELECT * FROM link_inferred_chunk; DROP TABLE link_inferred_chunk');
	}
	await db.exec(sql);
}
