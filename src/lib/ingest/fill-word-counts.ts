import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { countWords } from './count-words';
import { SPACED_WORD_COUNT_SQL } from './spaced-word-count-sql';

const BATCH = 20_000;

/**
 * Fills `messages.words` where it is NULL: spaced scripts in SQL, texts with Chinese, Japanese, Korean
 * or Thai with Intl.Segmenter in batches (the slow part: about 12 µs a message), reporting progress.
 */
export async function fillWordCounts(db: Db, onProgress?: (done: number, total: number) => void): Promise<void> {
	await db.exec(`UPDATE messages SET words = ${SPACED_WORD_COUNT_SQL} WHERE words IS NULL`);
	const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM messages WHERE words IS NULL`);
	for (let done = 0; done < total; ) {
		const rows = await db.query<{ message_id: string; text: string }>(
			`SELECT message_id, text FROM messages WHERE words IS NULL LIMIT ${BATCH}`
		);
		if (rows.length === 0) break;
		const counts = rows.map((row) => ({ message_id: row.message_id, words: countWords(row.text) }));
		await insertRows(db, 'word_counts', { message_id: 'VARCHAR', words: 'INTEGER' }, counts);
		await db.exec(`UPDATE messages SET words = word_counts.words FROM word_counts
			WHERE messages.message_id = word_counts.message_id; DROP TABLE word_counts`);
		done += rows.length;
		onProgress?.(done, total);
	}
}
