import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { countWords } from './count-words';

/** Scripts written without spaces, where only a dictionary segmenter can find the words. */
const UNSPACED_SCRIPT = '[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}\\p{Thai}\\p{Lao}\\p{Khmer}\\p{Myanmar}]';
/** Intl.Segmenter's word rule for spaced scripts: letter/digit runs, joined by an apostrophe or a point. */
const SPACED_WORD = "[\\p{L}\\p{M}\\p{N}_]+(?:[''.’][\\p{L}\\p{M}\\p{N}_]+)*";
const BATCH = 20_000;

/**
 * Fills `messages.words` where it is NULL. Spaced scripts are counted in SQL (fast, same rule as
 * Intl.Segmenter); texts with Chinese, Japanese, Korean or Thai go through Intl.Segmenter in batches.
 */
export async function fillWordCounts(db: Db, onProgress?: (done: number, total: number) => void): Promise<void> {
	await db.exec(`UPDATE messages SET words = len(regexp_extract_all(text, '${SPACED_WORD}'))
		WHERE words IS NULL AND NOT regexp_matches(text, '${UNSPACED_SCRIPT}')`);
	const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM messages WHERE words IS NULL`);
	for (let done = 0; done < total; done += BATCH) {
		const rows = await db.query<{ message_id: string; text: string }>(
			`SELECT message_id, text FROM messages WHERE words IS NULL ORDER BY message_id LIMIT ${BATCH}`
		);
		if (rows.length === 0) break;
		const counts = rows.map((row) => ({ message_id: row.message_id, words: countWords(row.text) }));
		await insertRows(db, 'word_counts', { message_id: 'VARCHAR', words: 'INTEGER' }, counts);
		await db.exec(`UPDATE messages SET words = word_counts.words FROM word_counts
			WHERE messages.message_id = word_counts.message_id; DROP TABLE word_counts`);
		onProgress?.(Math.min(done + rows.length, total), total);
	}
}
