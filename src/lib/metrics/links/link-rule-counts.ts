import type { Db } from '../../db/db';
import type { LinkRule } from './build-interaction-links';

/** How many counted messages each rule linked (`none`: no link), so a reader sees how much was inferred. */
export interface LinkRuleCounts {
	by_rule: Record<LinkRule, number>;
}

/** Counts the `links` table by rule; every rule is present, 0 when unused. */
export async function linkRuleCounts(db: Db): Promise<LinkRuleCounts> {
	const rows = await db.query<{ rule: LinkRule; messages: number }>('SELECT rule, count(*)::INTEGER AS messages FROM links GROUP BY rule');
	const by_rule: Record<LinkRule, number> = { reply_to: 0, mention: 0, previous: 0, none: 0 };
	for (const { rule, messages } of rows) by_rule[rule] = messages;
	return { by_rule };
}
