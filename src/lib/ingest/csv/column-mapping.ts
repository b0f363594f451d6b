/** Canonical fields a CSV column can be mapped onto; `timestamp` and `author` are required. */
export const MAPPABLE_FIELDS = [
	'timestamp',
	'author',
	'author_id',
	'message_id',
	'role',
	'text',
	'likes',
	'reply_to',
	'kind'
] as const;

export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Which header column (0-based) feeds each canonical field. */
export type ColumnMapping = Partial<Record<MappableField, number>>;

const SYNONYMS: Record<MappableField, string[]> = {
	timestamp: ['timestamp', 'date', 'datetime', 'time', 'sent_at', 'created_at', 'created', 'createtime', 'strtime', 'ts'],
	author: ['author', 'sender', 'user', 'username', 'name', 'from', 'nickname', 'author_name', 'speaker'],
	author_id: ['author_id', 'authorid', 'user_id', 'userid', 'sender_id', 'from_id'],
	message_id: ['message_id', 'id', 'msg_id', 'messageid'],
	role: ['role', 'author_role'],
	text: ['text', 'content', 'message', 'body', 'msg', 'strcontent'],
	likes: ['likes', 'like_count', 'reactions', 'reaction_count', 'score'],
	reply_to: ['reply_to', 'reply_to_id', 'parent', 'parent_id', 'in_reply_to', 'reply_to_message_id'],
	kind: ['kind', 'type', 'message_type']
};

/**
 * Guesses a mapping from header names. `complete` is true when the file is a Resonance CSV: its
 * required columns carry their canonical names, so it can load without asking.
 */
export function guessColumnMapping(headers: string[]): { mapping: ColumnMapping; is_resonance_csv: boolean } {
	const normalized = headers.map((header) => header.trim().toLowerCase().replace(/[\s-]+/g, '_'));
	const mapping: ColumnMapping = {};
	const used = new Set<number>();
	for (const field of MAPPABLE_FIELDS) {
		for (const synonym of SYNONYMS[field]) {
			const index = normalized.findIndex((name, position) => name === synonym && !used.has(position));
			if (index >= 0) {
				mapping[field] = index;
				used.add(index);
				break;
			}
		}
	}
	const is_resonance_csv = normalized.includes('timestamp') && normalized.includes('author');
	return { mapping, is_resonance_csv };
}
