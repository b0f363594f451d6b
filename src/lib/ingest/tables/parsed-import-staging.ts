import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import type { CanonicalMessage, RejectedRow } from '../canonical-message';

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
	ordinal: 'INTEGER',
	line: 'INTEGER'
} as const;

/**
 * What a JS format adapter parsed, gathered batch by batch in the table `parsed_import` and appended to `messages`
 * at the end in one step; ids the export lacks are generated per import.
 *
 * Ids stay as exported unless they clash with a file loaded earlier in the dataset:
 * - a clash with a *different* message (another time or author) means the ids are per-chat numbers
 *   (two Telegram chats both have a message 812), so every `message_id` and `reply_to` of this import gets
 *   the prefix `<import_id>:`, which keeps reply links inside the file and separates it from the others;
 * - a clash with the *same* message (same time and author: overlapping exports of one chat) is that
 *   message loaded twice; the copy is returned as a rejected row at the line where the adapter found it.
 */
export class ParsedImportStaging {
	private messages = 0;
	/** Nothing is loaded yet, so no id can clash: batches go straight into `messages` (one copy of the file in the database, not two). */
	private direct = false;
	private finished = false;

	constructor(
		private readonly db: Db,
		private readonly import_id: number
	) {}

	/** Adds the next messages of the file, in file order. */
	async append(messages: CanonicalMessage[]): Promise<void> {
		if (messages.length === 0) return;
		const first_ordinal = this.messages;
		refuseOversizedMessage(messages, first_ordinal);
		const rows = messages.map((message, index) => ({
			...message,
			message_id: message.message_id ?? `f${this.import_id}-${first_ordinal + index + 1}`,
			ordinal: first_ordinal + index,
			line: message.line ?? null
		}));
		this.messages += messages.length;
		if (first_ordinal === 0) {
			const [loaded] = await this.db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM messages) AS any');
			this.direct = !loaded.any;
		}
		if (this.direct) {
			await insertRows(this.db, 'parsed_batch', PARSED_COLUMNS, rows);
			await this.db.query(
				`INSERT INTO messages
				SELECT message_id, sent_at, author_id, author_name, role, text, kind, likes, reply_to, source, NULL, ? FROM parsed_batch ORDER BY ordinal`,
				[this.import_id]
			);
			await this.db.exec('DROP TABLE parsed_batch');
		} else if (first_ordinal === 0) {
			await insertRows(this.db, 'parsed_import', PARSED_COLUMNS, rows);
		} else {
			await insertRows(this.db, 'parsed_batch', PARSED_COLUMNS, rows);
			await this.db.exec('INSERT INTO parsed_import SELECT * FROM parsed_batch; DROP TABLE parsed_batch');
		}
	}

	/**
	 * Appends what was gathered to `messages` and returns the copies of messages already loaded, as rejected rows.
	 * `null_likes`: the source turned out to have no likes (a streamed adapter learns that at the end).
	 */
	async finish(options: { null_likes: boolean }): Promise<RejectedRow[]> {
		if (this.messages === 0) return [];
		const db = this.db;
		if (this.direct) {
			if (options.null_likes) await db.query('UPDATE messages SET likes = NULL WHERE import_id = ?', [this.import_id]);
			this.finished = true;
			return [];
		}
		if (options.null_likes) await db.exec('UPDATE parsed_import SET likes = NULL');
		const [clashes] = await db.query<{ other_messages: number }>(
			`SELECT count(*) FILTER (WHERE m.sent_at IS DISTINCT FROM p.sent_at OR m.author_id IS DISTINCT FROM p.author_id)::INTEGER AS other_messages
			FROM parsed_import p JOIN messages m USING (message_id)`
		);
		if (clashes.other_messages > 0) {
			await db.query(`UPDATE parsed_import SET message_id = ? || message_id, reply_to = ? || reply_to`, [`${this.import_id}:`, `${this.import_id}:`]);
		}
		const duplicates = await db.query<{ message_id: string; loaded_from: string; line: number | null }>(
			`SELECT p.message_id, any_value(m.source) AS loaded_from, p.line::INTEGER AS line
			FROM parsed_import p JOIN messages m USING (message_id)
			GROUP BY p.message_id, p.ordinal, p.line ORDER BY p.ordinal`
		);
		await db.query(
			`INSERT INTO messages
			SELECT message_id, sent_at, author_id, author_name, role, text, kind, likes, reply_to, source, NULL, ?
			FROM parsed_import p
			WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.message_id = p.message_id)
			ORDER BY ordinal`,
			[this.import_id]
		);
		this.finished = true;
		return duplicates.map((row) => ({ line: row.line ?? 1, reason: `message ${row.message_id} is already loaded from ${row.loaded_from}` }));
	}

	/** Drops what was gathered (after `finish`; without it, when reading the file failed, nothing of the file stays loaded). */
	async discard(): Promise<void> {
		await this.db.exec('DROP TABLE IF EXISTS parsed_batch; DROP TABLE IF EXISTS parsed_import');
		if (this.direct && !this.finished) await this.db.query('DELETE FROM messages WHERE import_id = ?', [this.import_id]);
	}
}

function refuseOversizedMessage(messages: CanonicalMessage[], first_ordinal: number): void {
	messages.forEach((message, index) => {
		const chars = message.text.length + message.author_name.length + message.author_id.length + (message.message_id?.length ?? 0) + (message.reply_to?.length ?? 0) + message.source.length;
		if (chars > MAX_MESSAGE_CHARS) {
			throw new Error(
				`Message ${first_ordinal + index + 1} of ${message.source} (${message.sent_at}) is longer than 16 MB; the file looks damaged, so nothing was imported from it.`
			);
		}
	});
}
