import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { countWords } from './count-words.oracle';
import { fillWordCounts } from './fill-word-counts';
import { createMessagesTable } from '../tables/messages-table';

// A third Chinese (counted in JavaScript: 22,000, read in two ranges of at most 40,000 rows), a third English
// (counted in SQL), a third empty.
const MESSAGES = 66_000;
const CHINESE = 22_000;

let db: Db;
beforeEach(async () => {
	db = await createNodeDb();
	await createMessagesTable(db);
	await db.exec(`INSERT INTO messages
		SELECT 'm' || i, TIMESTAMP '2020-01-01' + to_minutes(i), 'a' || (i % 7), 'A', NULL,
			CASE i % 3 WHEN 0 THEN '今天第' || i || '次讨论病例' WHEN 1 THEN 'hello world ' || i ELSE '' END,
			'text', NULL, NULL, 'test', NULL, 1
		FROM range(${MESSAGES}) AS t(i)`);
});
afterEach(() => db.close());

const tempTables = () => db.query(`SELECT table_name FROM duckdb_tables() WHERE temporary`);

describe('fillWordCounts', () => {
	it('fills every word count as countWords counts it, each database step through `step`', async () => {
		const steps: number[] = [];
		const progress: [number, number][] = [];
		let counted = 0;
		await fillWordCounts(db, {
			step: (work) => (steps.push(steps.length), work()),
			onProgress: (done, total) => progress.push([done, total]),
			countTexts: (texts) => ((counted += texts.length), Int32Array.from(texts, countWords))
		});
		const rows = await db.query<{ text: string; words: number | null }>('SELECT text, words FROM messages');
		expect(rows.filter((row) => row.words !== countWords(row.text))).toEqual([]);
		expect(counted).toBe(CHINESE);
		expect(progress).toEqual([
			[40_000, MESSAGES],
			[MESSAGES, MESSAGES]
		]);
		// prepare, read two ranges, write back, drop the scratch table
		expect(steps).toHaveLength(5);
		expect(await tempTables()).toEqual([]);
	});

	it('reads no range when SQL has counted every text (no Chinese, Japanese, Korean or Thai)', async () => {
		await db.exec("DELETE FROM messages WHERE text LIKE '今天%'");
		const steps: number[] = [];
		await fillWordCounts(db, { step: (work) => (steps.push(steps.length), work()), countTexts: () => expect.unreachable() });
		expect(await db.query('SELECT count(*)::INTEGER AS rows, count(words)::INTEGER AS counted FROM messages')).toEqual([
			{ rows: MESSAGES - CHINESE, counted: MESSAGES - CHINESE }
		]);
		// prepare, drop the scratch table
		expect(steps).toHaveLength(2);
	});

	it('stops before the next database step once told to, leaving the Chinese counts NULL and no scratch table', async () => {
		let stop = false;
		await fillWordCounts(db, {
			shouldStop: () => stop,
			countTexts: (texts) => ((stop = true), Int32Array.from(texts, countWords))
		});
		expect(await db.query('SELECT text LIKE \'今天%\' AS chinese, count(*)::INTEGER AS rows, count(words)::INTEGER AS counted FROM messages GROUP BY ALL ORDER BY chinese')).toEqual([
			{ chinese: false, rows: MESSAGES - CHINESE, counted: MESSAGES - CHINESE },
			{ chinese: true, rows: CHINESE, counted: 0 }
		]);
		expect(await tempTables()).toEqual([]);
	});

	it('passes on a failed count and cleans up', async () => {
		await expect(fillWordCounts(db, { countTexts: () => Promise.reject(new Error('worker gone')) })).rejects.toThrow('worker gone');
		expect(await db.query('SELECT count(words)::INTEGER AS counted FROM messages')).toEqual([{ counted: MESSAGES - CHINESE }]);
		expect(await tempTables()).toEqual([]);
	});
});
