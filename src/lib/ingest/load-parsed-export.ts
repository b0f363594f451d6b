import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import type { ParsedExport } from './canonical-message';

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

/** Appends what a JS format adapter parsed to `messages`; ids the export lacks are generated per import. */
export async function loadParsedExport(db: Db, parsed: ParsedExport, import_id: number): Promise<void> {
	const { messages } = parsed;
	if (messages.length === 0) return;
	const rows = messages.map((message, ordinal) => ({
		...message,
		message_id: message.message_id ?? `f${import_id}-${ordinal + 1}`,
		ordinal
	}));
	await insertRows(db, 'parsed_import', PARSED_COLUMNS, rows);
	await db.query(
		`INSERT INTO messages
		SELECT message_id, sent_at, author_id, author_name, role, text, kind, likes, reply_to, source, NULL, ?
		FROM parsed_import ORDER BY ordinal`,
		[import_id]
	);
	await db.exec('DROP TABLE parsed_import');
}
