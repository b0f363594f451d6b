import type { Db } from '../../db/db';
import { LINK_RULES, type LinkRule } from './build-interaction-links';
import { readingTables } from '../derived-tables';

/**
 * How many counted messages each rule linked (`none`: no parent), and how many links join two different
 * people (the only ones role counts and ratios use), so a reader sees how much was inferred.
 */
export interface LinkRuleCounts {
	by_rule: Record<LinkRule, number>;
	/** links between two different people, by rule (a `continuation` never is one) */
	between_people_by_rule: Record<LinkRule, number>;
}

/** Counts the `links` table by rule; every rule is present, 0 when unused. */
export const linkRuleCounts = readingTables(['links'], async function linkRuleCounts(db: Db): Promise<LinkRuleCounts> {
	const rows = await db.query<{ rule: LinkRule; messages: number; between_people: number }>(
		`SELECT rule, count(*)::INTEGER AS messages, count(*) FILTER (WHERE parent_author_id <> author_id)::INTEGER AS between_people
		FROM links GROUP BY rule`
	);
	const by_rule = Object.fromEntries(LINK_RULES.map((rule) => [rule, 0])) as Record<LinkRule, number>;
	const between_people_by_rule = { ...by_rule };
	for (const { rule, messages, between_people } of rows) {
		by_rule[rule] = messages;
		between_people_by_rule[rule] = between_people;
	}
	return { by_rule, between_people_by_rule };
});
