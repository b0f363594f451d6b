import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import { countWordsOfEach } from './count-words-of-each';
import { SPACED_WORD_COUNT_SQL } from './spaced-word-count-sql';

/** Rows (by row id) read per step; about half of them need JavaScript in a mixed Chinese/English group. */
const ROWS_PER_READ = 40_000;

export interface WordCountOptions {
	/** `done` of `total` rows looked at. */
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
 * or Thai with Intl.Segmenter (the slow part: 3–8 µs a message). The texts are read from `messages` a
 * range of row ids at a time (DuckDB prunes by row id), never copied; while one batch is being counted
 * the next one is read, and the counts are written back in one UPDATE keyed by row id, at the end.
 */
export async function fillWordCounts(db: Db, options: WordCountOptions = {}): Promise<void> {
	const { onProgress, shouldStop = () => false, step = (work) => work(), countTexts = countWordsOfEach } = options;
	const stopped = Symbol('stopped');
	const guarded = <T>(work: () => Promise<T>) => step(async () => (shouldStop() ? stopped : work()));
	const readBatch = (from: number) =>
		guarded(() =>
			db.query<{ row_id: number; text: string }>(
				'SELECT rowid::INTEGER AS row_id, text FROM messages WHERE rowid >= ? AND rowid < ? AND words IS NULL',
				[from, from + ROWS_PER_READ]
			)
		);
	let next: Promise<{ row_id: number; text: string }[] | typeof stopped> | null = null;
	try {
		const prepared = await guarded(async () => {
			await db.exec(`UPDATE messages SET words = ${SPACED_WORD_COUNT_SQL} WHERE words IS NULL`);
			const [counts] = await db.query<{ rows: number; unspaced: number }>(
				'SELECT (coalesce(max(rowid), -1) + 1)::INTEGER AS rows, count(*) FILTER (WHERE words IS NULL)::INTEGER AS unspaced FROM messages'
			);
			return counts;
		});
		if (prepared === stopped || prepared.unspaced === 0) return;
		const counted: { row_id: number; words: number }[] = [];
		next = readBatch(0);
		for (let from = 0; next; from += ROWS_PER_READ) {
			const batch = await next;
			if (batch === stopped) return;
			next = from + ROWS_PER_READ < prepared.rows ? readBatch(from + ROWS_PER_READ) : null;
			const batch_counts = await countTexts(batch.map((row) => row.text));
			for (const [index, { row_id }] of batch.entries()) counted.push({ row_id, words: batch_counts[index] });
			onProgress?.(Math.min(from + ROWS_PER_READ, prepared.rows), prepared.rows);
		}
		await guarded(async () => {
			await insertRows(db, 'word_counts', { row_id: 'INTEGER', words: 'INTEGER' }, counted);
			await db.exec('UPDATE messages SET words = word_counts.words FROM word_counts WHERE messages.rowid = word_counts.row_id');
		});
	} finally {
		// A batch read ahead is still queued when counting fails or stops: let it settle before the table goes.
		await next?.catch(() => undefined);
		await step(() => db.exec('DROP TABLE IF EXISTS word_counts'));
	}
}
