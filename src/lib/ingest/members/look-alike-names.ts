import { lookAlikeKey } from './look-alike-key';

export interface LookAlikeName {
	/** The name as most of the group write it. */
	name: string;
	/** Two or more members (by id) whose names cannot be told apart by reading, each with the name as written. */
	members: { author_id: string; author_name: string }[];
}

/** Groups of different members whose names look the same (lookAlikeKey), in order of first appearance. */
export function lookAlikeNames(authors: readonly { author_id: string; author_name: string }[]): LookAlikeName[] {
	const groups = new Map<string, { author_id: string; author_name: string }[]>();
	for (const author of authors) {
		const key = lookAlikeKey(author.author_name);
		if (key === '') continue;
		const group = groups.get(key) ?? [];
		if (!group.some((member) => member.author_id === author.author_id && member.author_name === author.author_name)) group.push(author);
		groups.set(key, group);
	}
	return [...groups.values()]
		.filter((group) => new Set(group.map((member) => member.author_id)).size > 1)
		.map((members) => ({ name: members[0].author_name, members }));
}
