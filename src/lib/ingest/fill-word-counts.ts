import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { countWordsOfEach } from './count-words-of-each';
import { SPACED_WORD_COUNT_SQL } from './spaced-word-count-sql';

const BATCH = 20_000;

export interface WordCountOptions {
	onProgress?: (done: number, total: number) => void;
	/** Checked before every database step: true stops early (a newer load owns the tables), leaving the rest NULL. */
	shouldStop?: () => boolean;
	/**
	 * Runs one database step. The dashboard queues each step behind its other database work, so a setting
	 * changed while words are being counted is answered between two batches, not after the last one.
	 */
	step?: <T>(work: () => Promise<T>) => Promise<T>;
	/** Word counts of a batch of texts; the dashboard counts in a Web Worker so the page stays responsive. */
	countTexts?: (texts: string[]) => Promise<Int32Array> | Int32Array;
}

/**
 * Fills `messages.words` where it is NULL: spaced scripts in SQL, texts with Chinese, Japanese, Korean
 * or Thai with Intl.Segmenter (the slow part: 3–8 µs a message). While one batch is being counted
 * the next one is read, and the counts are written back in one UPDATE keyed by row id, at the end.
 */
export async function fillWordCounts(db: Db, options: WordCountOptions = {}): Promise<void> {
	const { onProgress, shouldStop = () => false, step = (work) => work(), countTexts = countWordsOfEach } = options;
	const stopped = Symbol('stopped');
	const guarded = <T>(work: () => Promise<T>) => step(async () => (shouldStop() ? stopped : work()));
	const readBatch = (done: number) =>
		guarded(() => db.query<{ text: string }>('SELECT text FROM unspaced_texts WHERE position > ? AND position <= ? ORDER BY position', [done, done + BATCH]));
	let next: Promise<{ text: string }[] | typeof stopped> | null = null;
	try {
		const prepared = await guarded(async () => {
			await db.exec(`UPDATE messages SET words = ${SPACED_WORD_COUNT_SQL} WHERE words IS NULL;
				CREATE OR REPLACE TEMP TABLE unspaced_texts AS
				SELECT row_number() OVER ()::INTEGER AS position, rowid AS row_id, text FROM messages WHERE words IS NULL`);
			const [{ total }] = await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM unspaced_texts');
			return total;
		});
		if (prepared === stopped) return;
		const counts = new Int32Array(prepared);
		next = prepared > 0 ? readBatch(0) : null;
		for (let done = 0; next; done += BATCH) {
			const batch = await next;
			if (batch === stopped) return;
			next = done + BATCH < prepared ? readBatch(done + BATCH) : null;
			counts.set(await countTexts(batch.map((row) => row.text)), done);
			onProgress?.(Math.min(done + BATCH, prepared), prepared);
		}
		if (prepared === 0) return;
		await guarded(async () => {
			const rows = Array.from(counts, (words, index) => ({ position: index + 1, words }));
			await insertRows(db, 'word_counts', { position: 'INTEGER', words: 'INTEGER' }, rows);
			await db.exec(`UPDATE messages SET words = word_counts.words
				FROM unspaced_texts JOIN word_counts USING (position)
				WHERE messages.rowid = unspaced_texts.row_id`);
		});
	} finally {
		// A batch read ahead is still queued when counting fails or stops: let it settle before the table goes.
		await next?.catch(() => undefined);
		await step(() => db.exec('DROP TABLE IF EXISTS unspaced_texts; DROP TABLE IF EXISTS word_counts'));
	}
}
