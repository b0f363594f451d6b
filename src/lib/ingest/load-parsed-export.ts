import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import type { ParsedExport, RejectedRow } from './canonical-message';

// The CSV path rejects rows over 16 MB; a message this long (in UTF-16 units, at most 3 UTF-8 bytes each, so
// quoted it stays under insertRows' 64 MB line) is a damaged file, not chat.
const MAX_MESSAGE_CHARS = 16 * 1024 * 1024;

const PARSED_COLUMNS = {
	message_id: 'VARCHAR',
	sent_at: 'TIMESTAMP',
	author_id: 'VARCHAR',
	author_name: 'VARCHAR',
	role: 'VARCHAR',
	text: 'VARCHAR',
	kind: 'VARCHAR',
	likes: 'INTEGER',
	reply_to: 'VARCHAR',
	source: 'VARCHAR',
	ordinal: 'INTEGER'
} as const;

/**
 * Appends what a JS format adapter parsed to `messages`; ids the export lacks are generated per import.
 *
 * Ids stay as exported unless they clash with a file loaded earlier in the dataset:
 * - a clash with a *different* message (another time or author) means the ids are per-chat numbers
 *   (two Telegram chats both have a message 812), so every `message_id` and `reply_to` of this import gets
 *   the prefix `<import_id>:`, which keeps reply links inside the file and separates it from the others;
 * - a clash with the *same* message (same time and author: overlapping exports of one chat) is that
 *   message loaded twice; the copy is returned as a rejected row at the line where the adapter found it.
 */
export async function loadParsedExport(db: Db, parsed: ParsedExport, import_id: number): Promise<RejectedRow[]> {
	const { messages } = parsed;
	if (messages.length === 0) return [];
	refuseOversizedMessage(parsed);
	const rows = messages.map((message, ordinal) => ({
		...message,
		message_id: message.message_id ?? `f${import_id}-${ordinal + 1}`,
		ordinal
	}));
	await insertRows(db, 'parsed_import', PARSED_COLUMNS, rows);
	try {
		const [clashes] = await db.query<{ other_messages: number }>(
			`SELECT count(*) FILTER (WHERE m.sent_at IS DISTINCT FROM p.sent_at OR m.author_id IS DISTINCT FROM p.author_id)::INTEGER AS other_messages
			FROM parsed_import p JOIN messages m USING (message_id)`
		);
		if (clashes.other_messages > 0) {
			await db.query(`UPDATE parsed_import SET message_id = ? || message_id, reply_to = ? || reply_to`, [`${import_id}:`, `${import_id}:`]);
		}
		const duplicates = await db.query<{ message_id: string; loaded_from: string; ordinal: number }>(
			`SELECT p.message_id, any_value(m.source) AS loaded_from, p.ordinal::INTEGER AS ordinal
			FROM parsed_import p JOIN messages m USING (message_id)
			GROUP BY p.message_id, p.ordinal ORDER BY p.ordinal`
		);
		await db.query(
			`INSERT INTO messages
			SELECT message_id, sent_at, author_id, author_name, role, text, kind, likes, reply_to, source, NULL, ?
			FROM parsed_import p
			WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.message_id = p.message_id)
			ORDER BY ordinal`,
			[import_id]
		);
		return duplicates.map((row) => ({
			line: messages[row.ordinal].line ?? 1,
			reason: `message ${row.message_id} is already loaded from ${row.loaded_from}`
		}));
	} finally {
		await db.exec('DROP TABLE parsed_import');
	}
}

function refuseOversizedMessage(parsed: ParsedExport): void {
	parsed.messages.forEach((message, index) => {
		const chars = message.text.length + message.author_name.length + message.author_id.length + (message.message_id?.length ?? 0) + (message.reply_to?.length ?? 0) + message.source.length;
		if (chars > MAX_MESSAGE_CHARS) {
			throw new Error(
				`Message ${index + 1} of ${message.source} (${message.sent_at}) is longer than 16 MB; the file looks damaged, so nothing was imported from it.`
			);
		}
	});
}
