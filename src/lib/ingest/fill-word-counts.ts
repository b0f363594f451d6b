import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { countWords } from './count-words';
import { SPACED_WORD_COUNT_SQL } from './spaced-word-count-sql';

const BATCH = 20_000;

/**
 * Fills `messages.words` where it is NULL: spaced scripts in SQL, texts with Chinese, Japanese, Korean
 * or Thai with Intl.Segmenter in batches (the slow part: about 12 µs a message), reporting progress.
 * The counts are gathered first and written back in one UPDATE, so each batch costs only its own rows.
 */
export async function fillWordCounts(
	db: Db,
	onProgress?: (done: number, total: number) => void,
	/** Checked between batches: true stops early (a newer load needs the database), leaving the rest NULL. */
	shouldStop: () => boolean = () => false
): Promise<void> {
	await db.exec(`UPDATE messages SET words = ${SPACED_WORD_COUNT_SQL} WHERE words IS NULL;
		CREATE OR REPLACE TEMP TABLE unspaced_texts AS
		SELECT row_number() OVER () AS position, message_id, text FROM messages WHERE words IS NULL;
		CREATE OR REPLACE TEMP TABLE word_counts (message_id VARCHAR, words INTEGER)`);
	try {
		const [{ total }] = await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM unspaced_texts');
		for (let done = 0; done < total && !shouldStop(); done += BATCH) {
			const rows = await db.query<{ message_id: string; text: string }>(
				'SELECT message_id, text FROM unspaced_texts WHERE position > ? AND position <= ?',
				[done, done + BATCH]
			);
			const counts = rows.map((row) => ({ message_id: row.message_id, words: countWords(row.text) }));
			await insertRows(db, 'word_count_batch', { message_id: 'VARCHAR', words: 'INTEGER' }, counts);
			await db.exec('INSERT INTO word_counts SELECT * FROM word_count_batch; DROP TABLE word_count_batch');
			onProgress?.(Math.min(done + BATCH, total), total);
		}
		await db.exec(`UPDATE messages SET words = word_counts.words FROM word_counts WHERE messages.message_id = word_counts.message_id`);
	} finally {
		await db.exec('DROP TABLE IF EXISTS unspaced_texts; DROP TABLE IF EXISTS word_counts');
	}
}
