import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { countMatchingMessages } from './count-matching-messages';

const DATASET = 'messages__mentor-3-students_jan-mar-2021_empty-february_chinese-english_case-study-phrases_formula-text_media-row.csv';

// Counted: January m01 m02 m03 m05 m06, March m07 m08 (m04 is media, "chapter 2 photo", never counted).
// "chapter" is in m01, m03 ("Chapter"), m06 and m08; 第二章 in m01 and m02; Ann (u3) wrote m03 and m08.
let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/search', DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('countMatchingMessages(db, filters)', () => {
	it('counts the counted messages each filter lets through, media left out', async () => {
		expect(await countMatchingMessages(db, {})).toBe(7);
		expect(await countMatchingMessages(db, { month: '2021-01' })).toBe(5);
		expect(await countMatchingMessages(db, { month: '2021-02' })).toBe(0);
		expect(await countMatchingMessages(db, { from: '2021-01-15', to: '2021-03-01' })).toBe(3);
		expect(await countMatchingMessages(db, { member: 'Ann' })).toBe(2);
		expect(await countMatchingMessages(db, { member: 'u3' })).toBe(2);
		expect(await countMatchingMessages(db, { query: 'chapter' })).toBe(4);
		expect(await countMatchingMessages(db, { query: '第二章' })).toBe(2);
		expect(await countMatchingMessages(db, { query: '"case study"' })).toBe(2);
		expect(await countMatchingMessages(db, { month: '2021-01', member: 'Li Lei', query: 'chapter' })).toBe(1);
	});

	it('refuses what matchingMessages refuses, saying why', async () => {
		await expect(countMatchingMessages(db, { month: '2021-13' })).rejects.toThrow('month: “2021-13” is not a month (YYYY-MM)');
		await expect(countMatchingMessages(db, { query: '/(a/' })).rejects.toThrow('invalid regular expression /(a/');
	});
});
