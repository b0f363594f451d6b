import type { Db } from '../../db/db';
import { mergeNameKey } from './merge-name-key';
import sql from './member-merge-suggestions.sql?raw';
import { readingTables } from '../derived-tables';

/** Two or more members who may be one person: the first has the most messages and is the one to merge the others into. */
export interface MemberMergeSuggestion {
	members: { author_id: string; author_name: string; messages: number }[];
	/** The names, as written, that made the members match (each member's, in the order of `members`). */
	matched_names: string[];
	/** `same name`: the same name as written under different ids; `look-alike names`: names equal up to mergeNameKey. */
	reason: 'same name' | 'look-alike names';
}

/**
 * Members (after the merges already made) who wrote under names that read the same (mergeNameKey): an id that
 * kept a name another member is known by (an old QQ export without numbers, a second account), or name-only
 * members whose names differ by case, width, spaces or emoji. Ordered by the messages of their first member.
 */
export const memberMergeSuggestions = readingTables(['roles'], async function memberMergeSuggestions(db: Db): Promise<MemberMergeSuggestion[]> {
	const rows = await db.query<{ author_id: string; author_name: string; messages: number; used_name: string }>(sql);
	const groups = new Map<string, Map<string, { member: MemberMergeSuggestion['members'][number]; names: string[] }>>();
	for (const { author_id, author_name, messages, used_name } of rows) {
		const key = mergeNameKey(used_name);
		if (key === '') continue;
		const group = groups.get(key) ?? new Map();
		groups.set(key, group);
		const entry = group.get(author_id) ?? { member: { author_id, author_name, messages }, names: [] };
		group.set(author_id, entry);
		if (!entry.names.includes(used_name)) entry.names.push(used_name);
	}
	const suggestions = new Map<string, MemberMergeSuggestion>();
	for (const group of groups.values()) {
		if (group.size < 2) continue;
		const entries = [...group.values()];
		const ids = entries.map(({ member }) => member.author_id).join('\u0000');
		// Two of one person's names can match another member's: one suggestion per set of members.
		if (suggestions.has(ids)) continue;
		const matched_names = [...new Set(entries.flatMap(({ names }) => names))];
		const shared = entries.every(({ names }) => names.some((name) => entries.every((other) => other.names.includes(name))));
		suggestions.set(ids, { members: entries.map(({ member }) => member), matched_names, reason: shared ? 'same name' : 'look-alike names' });
	}
	return [...suggestions.values()];
});
