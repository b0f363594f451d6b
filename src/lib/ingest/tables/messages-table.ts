import type { Db } from '../../db/db';

/**
 * The canonical `messages` table (docs/PIPELINE.md) plus `words`, derived at import, and `import_id`, which
 * import added the row. `sent_at` is a plain TIMESTAMP: wall-clock time in the dataset's time zone.
 */
export async function createMessagesTable(db: Db): Promise<void> {
	await db.exec(`
		CREATE TABLE IF NOT EXISTS messages (
			message_id VARCHAR NOT NULL,
			sent_at TIMESTAMP NOT NULL,
			author_id VARCHAR NOT NULL,
			author_name VARCHAR NOT NULL,
			role VARCHAR,
			text VARCHAR NOT NULL,
			kind VARCHAR NOT NULL,
			likes INTEGER,
			reply_to VARCHAR,
			source VARCHAR NOT NULL,
			words INTEGER,
			import_id INTEGER NOT NULL
		)`);
}
