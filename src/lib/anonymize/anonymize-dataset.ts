import type { Db } from '../db/db';
import { spreadsheetSafeCell } from '../ingest/spreadsheet/spreadsheet-safe-cell';
import { DEFAULT_ANONYMIZE_OPTIONS, type AnonymizeOptions } from './anonymize-options';
import { memberCodes } from './member-codes';
import { textScrubber, type KnownPerson, type ScrubCounts } from './text-scrubber';
import { SPREADSHEET_UTF8_BOM } from '../ingest/spreadsheet/spreadsheet-utf8-bom';

/** The anonymized dataset: three CSV files (UTF-8 with BOM, CRLF) and what was replaced. */
export interface AnonymizedDataset {
	/** Resonance CSV: `message_id,timestamp,author,role,text,likes,reply_to,kind`, one row per message in time order. */
	csv: string;
	/** `code,original_name,original_id`: one row per name a member used, plus `@mentions` of people who never posted. */
	key_csv: string;
	/** `author,role,cohort` for every member by code, including roster members who never posted. */
	roster_csv: string;
	messages: number;
	members: { mentors: number; students: number; others: number };
	replaced: ScrubCounts;
	/** The names and ids looked for in text: to check the written file for any left (never written out). */
	searched_names: string[];
}

/** Ids a platform uses for its own notices; they are not people, so their names are not searched for in text. */
const PLATFORM_VOICES = new Set(['system', '10000', '1000000']);
/** Role and kind words the analysis reads; any other role, kind or cohort label is free text and is scrubbed like a message. */
const VOCABULARY = new Set(['mentor', 'student', 'text', 'media', 'sticker', 'system']);

/**
 * Anonymizes the loaded dataset (`messages`, `members`): every author becomes a code (memberCodes),
 * text is scrubbed (textScrubber), message ids become 1…n in time order with `reply_to` re-coded to
 * match (a parent outside the data becomes `x1`, `x2`…), and timestamps are written as wall-clock time
 * in the dataset's time zone, so the file re-imports to the same series under any --tz. Role, kind and
 * cohort labels outside the analysis's own words are free text and are scrubbed as text is.
 */
export async function anonymizeDataset(db: Db, options: AnonymizeOptions = DEFAULT_ANONYMIZE_OPTIONS): Promise<AnonymizedDataset> {
	const members = await db.query<{ author_id: string; role: string | null; cohort: string | null; first_seen: string | null }>(
		`SELECT author_id, role, cohort, strftime(first_seen, '%Y-%m-%d %H:%M:%S.%f') AS first_seen FROM members`
	);
	const codes = memberCodes(members);
	const names = await db.query<{ author_id: string; author_name: string }>(
		`SELECT author_id, author_name FROM (
			SELECT author_id, author_name, min(sent_at) AS first_used FROM messages GROUP BY author_id, author_name
			UNION ALL
			SELECT author_id, author_name, NULL FROM members WHERE messages = 0
		) ORDER BY author_id, first_used NULLS LAST, author_name`
	);
	const names_of = new Map<string, string[]>();
	for (const row of names) names_of.set(row.author_id, [...(names_of.get(row.author_id) ?? []), row.author_name]);

	const people: KnownPerson[] = [...codes]
		.filter(([author_id]) => !PLATFORM_VOICES.has(author_id))
		.map(([author_id, code]) => ({ code, names: names_of.get(author_id) ?? [], ids: [author_id] }));
	let others = [...codes.values()].filter((code) => code.startsWith('P')).length;
	const scrubber = textScrubber(people, options, () => `P${String(++others).padStart(2, '0')}`);
	const label = (value: string | null): string => (value === null ? '' : VOCABULARY.has(value) ? value : scrubber.scrub(value));

	const messages = await db.query<{
		message_id: string;
		timestamp: string;
		author_id: string;
		role: string | null;
		text: string;
		likes: number | null;
		reply_to: string | null;
		kind: string;
	}>(
		`SELECT message_id,
			CASE WHEN microsecond(sent_at) % 1000000 = 0 THEN strftime(sent_at, '%Y-%m-%d %H:%M:%S')
				ELSE strftime(sent_at, '%Y-%m-%d %H:%M:%S.%f') END AS timestamp,
			author_id, role, text, likes, reply_to, kind
		FROM messages ORDER BY sent_at, import_id, rowid`
	);
	const new_ids = new Map(messages.map((message, index) => [message.message_id, String(index + 1)]));
	const outside_ids = new Map<string, string>();
	const recodeReply = (reply_to: string | null): string => {
		if (reply_to === null) return '';
		const inside = new_ids.get(reply_to);
		if (inside !== undefined) return inside;
		let outside = outside_ids.get(reply_to);
		if (outside === undefined) outside_ids.set(reply_to, (outside = `x${outside_ids.size + 1}`));
		return outside;
	};

	const lines = messages.map((message, index) =>
		csvLine([
			String(index + 1),
			message.timestamp,
			codes.get(message.author_id) ?? '',
			label(message.role),
			scrubber.scrub(message.text),
			message.likes === null ? '' : String(message.likes),
			recodeReply(message.reply_to),
			label(message.kind)
		])
	);

	const key_lines: string[] = [];
	for (const [author_id, code] of codes) {
		for (const name of names_of.get(author_id) ?? [author_id]) key_lines.push(csvLine([code, name, author_id]));
	}
	for (const mention of scrubber.unknown_mentions) key_lines.push(csvLine([mention.code, mention.handle, '']));

	const roster_lines = members
		.map((member) => ({ code: codes.get(member.author_id)!, role: label(member.role), cohort: label(member.cohort) }))
		.sort((a, b) => codeOrder(a.code, b.code))
		.map((member) => csvLine([member.code, member.role, member.cohort]));

	const code_list = [...codes.values()];
	return {
		csv: csvFile('message_id,timestamp,author,role,text,likes,reply_to,kind', lines),
		key_csv: csvFile('code,original_name,original_id', key_lines),
		roster_csv: csvFile('author,role,cohort', roster_lines),
		messages: messages.length,
		members: {
			mentors: code_list.filter((code) => code.startsWith('M')).length,
			students: code_list.filter((code) => code.startsWith('S')).length,
			others: code_list.filter((code) => code.startsWith('P')).length
		},
		replaced: { ...scrubber.counts },
		searched_names: [...new Set(people.flatMap((person) => [...person.names, ...person.ids]))]
	};
}

function csvLine(cells: string[]): string {
	return cells.map(spreadsheetSafeCell).join(',');
}

function csvFile(header: string, lines: string[]): string {
	return SPREADSHEET_UTF8_BOM + [header, ...lines].join('\r\n') + '\r\n';
}

function codeOrder(a: string, b: string): number {
	const rank = (code: string) => 'MSP'.indexOf(code[0]);
	return rank(a) - rank(b) || Number(a.slice(1)) - Number(b.slice(1));
}
