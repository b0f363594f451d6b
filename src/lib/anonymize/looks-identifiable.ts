import type { Db } from '../db/db';
import { IDENTIFIER_PATTERNS, type IdentifierKind } from './identifier-patterns';

/** One reason the loaded data could identify people, for the UI to show before anything is shared. */
export interface IdentifiabilityWarning {
	kind: 'names' | 'author_ids' | 'phones' | 'emails' | 'platform_ids';
	/** Members (names, author_ids) or messages (the rest) concerned. */
	count: number;
	message: string;
	/** Up to three of the values found; they never leave the page. */
	examples: string[];
}

/** Names that are already pseudonyms: codes (S01, P12), numbered labels (Student 3, 学生12), hashes, single letters. */
const PSEUDONYM = /^(?:.|\p{L}{1,12}[ _-]?\d{1,6}|[0-9a-f]{8,})$/iu;
/** What platforms call their own notices or removed accounts. */
const NOT_PEOPLE = new Set(['system', 'slack', 'deleted account', 'deleted user', '系统消息']);
/** A member id that is a way to contact the person: phone number, e-mail, QQ number, WeChat id. */
const CONTACT_ID = /^(?:\+?[\d\s()-]{7,}|[^@\s]+@[^@\s]+\.[a-z]{2,}|[1-9]\d{4,10}|wxid_\w+)$/i;
/** Cheap RE2 pre-filter: a text without any of these holds none of the identifiers. */
const CANDIDATE_TEXT = '[0-9]{3}|@|wxid_|微信|vx|wx';
const TEXT_KINDS: { kind: IdentifiabilityWarning['kind']; patterns: IdentifierKind[]; what: string }[] = [
	{ kind: 'phones', patterns: ['phones'], what: 'phone numbers' },
	{ kind: 'emails', patterns: ['emails'], what: 'e-mail addresses' },
	{ kind: 'platform_ids', patterns: ['qq_numbers', 'wechat_ids'], what: 'what look like QQ numbers or WeChat ids' }
];
const EXAMPLES = 3;

/**
 * Warnings when the loaded `messages`/`members` look identifiable: member names that look real,
 * member ids that are contact details, and texts holding phone numbers, e-mail addresses or QQ/WeChat
 * ids (the same patterns the anonymizer removes). Empty when the data looks anonymized.
 */
export async function looksIdentifiable(db: Db): Promise<IdentifiabilityWarning[]> {
	const warnings: IdentifiabilityWarning[] = [];
	const members = await db.query<{ author_id: string; author_name: string }>(
		`SELECT author_id, author_name FROM members
		WHERE messages > 0 AND author_id IN (SELECT author_id FROM messages WHERE kind <> 'system')
		ORDER BY messages DESC, author_id`
	);
	const people = members.filter((member) => !NOT_PEOPLE.has(member.author_name.trim().toLowerCase()));
	const real_names = people.filter((member) => !PSEUDONYM.test(member.author_name.trim()));
	if (real_names.length > 0) {
		warnings.push({
			kind: 'names',
			count: real_names.length,
			message: `${real_names.length} of ${people.length} members go by names that look real, not by codes.`,
			examples: real_names.slice(0, EXAMPLES).map((member) => member.author_name)
		});
	}
	const contact_ids = people.filter((member) => CONTACT_ID.test(member.author_id.trim()));
	if (contact_ids.length > 0) {
		warnings.push({
			kind: 'author_ids',
			count: contact_ids.length,
			message: `${contact_ids.length} members are identified by a phone number, e-mail address or QQ/WeChat id.`,
			examples: contact_ids.slice(0, EXAMPLES).map((member) => member.author_id)
		});
	}

	const texts = await db.query<{ text: string }>(`SELECT text FROM messages WHERE regexp_matches(text, ?, 'i')`, [CANDIDATE_TEXT]);
	const messages_total = (await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM messages'))[0].total;
	for (const { kind, patterns, what } of TEXT_KINDS) {
		let count = 0;
		const examples: string[] = [];
		for (const { text } of texts) {
			const found = IDENTIFIER_PATTERNS.filter((pattern) => patterns.includes(pattern.kind)).flatMap((pattern) =>
				[...text.matchAll(pattern.pattern)]
					.map((match) => match.groups?.id ?? match.groups?.context_id ?? '')
					.filter((id) => id !== '' && (!pattern.accept || pattern.accept(id)))
			);
			if (found.length === 0) continue;
			count++;
			for (const id of found) if (examples.length < EXAMPLES && !examples.includes(id)) examples.push(id);
		}
		if (count > 0) warnings.push({ kind, count, message: `${count} of ${messages_total} messages contain ${what}.`, examples });
	}
	return warnings;
}
