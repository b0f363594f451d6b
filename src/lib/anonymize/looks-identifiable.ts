import type { Db } from '../db/db';
import { matchingText } from '../ingest/text/matching-text';
import { IDENTIFIER_PATTERNS, type IdentifierKind } from './identifier-patterns';
import { literalTriePattern } from './literal-trie-pattern';

/** One reason the loaded data could identify people, for the UI to show before anything is shared. */
export interface IdentifiabilityWarning {
	kind: 'names' | 'author_ids' | 'names_in_text' | 'phones' | 'emails' | 'platform_ids' | 'labels';
	/** Members (names, author_ids), role/kind/cohort labels (labels) or messages (the rest) concerned. */
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
/** Cheap RE2 pre-filter: a text without any of these holds none of the identifiers (full-width forms included). */
const CANDIDATE_TEXT = '[0-9０-９]|[@＠﹫]|wxid|微信|vx|wx|v信';
const TEXT_KINDS: { kind: IdentifiabilityWarning['kind']; patterns: IdentifierKind[]; what: string }[] = [
	{ kind: 'phones', patterns: ['phones'], what: 'phone numbers' },
	{ kind: 'emails', patterns: ['emails'], what: 'e-mail addresses' },
	{ kind: 'platform_ids', patterns: ['qq_numbers', 'wechat_ids'], what: 'what look like QQ numbers or WeChat ids' }
];
const EXAMPLES = 3;
const MIN_NAME_CHARS = 2;

/**
 * Warnings when the loaded `messages`/`members` look identifiable: member names that look real,
 * member ids that are contact details, texts holding phone numbers, e-mail addresses or QQ/WeChat ids
 * (the same patterns the anonymizer removes, on the same normalised text), role/kind/cohort labels
 * holding any of those, and texts holding any of `known_names` (the originals, when checking an
 * anonymized copy). Empty when the data looks anonymized.
 */
export async function looksIdentifiable(db: Db, known_names: readonly string[] = []): Promise<IdentifiabilityWarning[]> {
	const warnings: IdentifiabilityWarning[] = [];
	const members = await db.query<{ author_id: string; author_name: string }>(
		`SELECT author_id, author_name FROM members
		WHERE messages > 0 AND author_id IN (SELECT author_id FROM messages WHERE kind <> 'system')
		ORDER BY messages DESC, author_id`
	);
	const people = members.filter((member) => !NOT_PEOPLE.has(member.author_name.trim().toLowerCase()));
	const real_names = people.filter((member) => !PSEUDONYM.test(matchingText(member.author_name).text.trim()));
	if (real_names.length > 0) {
		warnings.push({
			kind: 'names',
			count: real_names.length,
			message: `${real_names.length} of ${people.length} members go by names that look real, not by codes.`,
			examples: real_names.slice(0, EXAMPLES).map((member) => member.author_name)
		});
	}
	const contact_ids = people.filter((member) => CONTACT_ID.test(matchingText(member.author_id).text.trim()));
	if (contact_ids.length > 0) {
		warnings.push({
			kind: 'author_ids',
			count: contact_ids.length,
			message: `${contact_ids.length} members are identified by a phone number, e-mail address or QQ/WeChat id.`,
			examples: contact_ids.slice(0, EXAMPLES).map((member) => member.author_id)
		});
	}

	const messages_total = (await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM messages'))[0].total;
	const name_keys = new Set(known_names.map((name) => matchingText(name).text.replace(/\s+/gu, ' ').trim().toLowerCase()));
	const long_enough = [...name_keys].filter((key) => [...key].length >= MIN_NAME_CHARS);
	if (long_enough.length > 0) {
		const names_pattern = new RegExp(literalTriePattern(long_enough), 'giu');
		const texts = await db.query<{ text: string }>(`SELECT text FROM messages WHERE text <> ''`);
		const found = texts.map(({ text }) => [...matchingText(text).text.matchAll(names_pattern)].map((match) => match[0])).filter((names) => names.length > 0);
		if (found.length > 0) {
			warnings.push({
				kind: 'names_in_text',
				count: found.length,
				message: `${found.length} of ${messages_total} messages contain a member’s original name or id.`,
				examples: [...new Set(found.flat())].slice(0, EXAMPLES)
			});
		}
	}

	const texts = await db.query<{ text: string }>(`SELECT text FROM messages WHERE regexp_matches(text, ?, 'i')`, [CANDIDATE_TEXT]);
	for (const { kind, patterns, what } of TEXT_KINDS) {
		const { count, examples } = identifiersIn(texts.map((row) => row.text), patterns);
		if (count > 0) warnings.push({ kind, count, message: `${count} of ${messages_total} messages contain ${what}.`, examples });
	}

	const labels = await db.query<{ label: string }>(
		`SELECT DISTINCT label FROM (
			SELECT role AS label FROM messages UNION ALL SELECT kind FROM messages
			UNION ALL SELECT role FROM members UNION ALL SELECT cohort FROM members
		) WHERE label IS NOT NULL ORDER BY label`
	);
	const in_labels = identifiersIn(
		labels.map((row) => row.label),
		TEXT_KINDS.flatMap((text_kind) => text_kind.patterns)
	);
	if (in_labels.count > 0) {
		warnings.push({
			kind: 'labels',
			count: in_labels.count,
			message: `${in_labels.count} role, kind or cohort labels contain phone numbers, e-mail addresses or QQ/WeChat ids.`,
			examples: in_labels.examples
		});
	}
	return warnings;
}

function identifiersIn(texts: string[], kinds: IdentifierKind[]): { count: number; examples: string[] } {
	const patterns = IDENTIFIER_PATTERNS.filter((pattern) => kinds.includes(pattern.kind));
	let count = 0;
	const examples: string[] = [];
	for (const text of texts) {
		const view = matchingText(text).text;
		const found = patterns.flatMap((pattern) =>
			[...view.matchAll(pattern.pattern)]
				.filter((match) => match.groups?.id === undefined || !pattern.accept || pattern.accept(match.groups.id))
				.map((match) => match[0])
		);
		if (found.length === 0) continue;
		count++;
		for (const id of found) if (examples.length < EXAMPLES && !examples.includes(id)) examples.push(id);
	}
	return { count, examples };
}
