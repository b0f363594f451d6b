import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { queryTrend } from './query-trend';

const DATASET = 'messages__mentor-3-students_jan-mar-2021_empty-february_chinese-english_case-study-phrases_formula-text_media-row.csv';

// Counted: January m01 (mentor) m02 m03 m05 m06, March m07 (mentor) m08; m04 (media, "chapter 2 photo") never counts.
// "chapter" is in m01, m03 ("Chapter"), m06 and m08; "case study" as written in m03 and m08.
let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/search', DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('queryTrend(db, query, options)', () => {
	it('by month: counted and matching messages and their share, the empty February kept with a null share', async () => {
		expect(await queryTrend(db, 'chapter', { grain: 'month' })).toEqual([
			{ period_start: '2021-01-01', messages: 5, matching: 3, share: 3 / 5 },
			{ period_start: '2021-02-01', messages: 0, matching: 0, share: null },
			{ period_start: '2021-03-01', messages: 2, matching: 1, share: 1 / 2 }
		]);
	});

	it('by week from Monday: the Sunday 31 January is in the week of 25 January, every week to 1 March present', async () => {
		const empty = { messages: 0, matching: 0, share: null };
		expect(await queryTrend(db, 'chapter', { grain: 'week' })).toEqual([
			{ period_start: '2021-01-04', messages: 3, matching: 2, share: 2 / 3 },
			{ period_start: '2021-01-11', messages: 1, matching: 0, share: 0 },
			{ period_start: '2021-01-18', ...empty },
			{ period_start: '2021-01-25', messages: 1, matching: 1, share: 1 },
			{ period_start: '2021-02-01', ...empty },
			{ period_start: '2021-02-08', ...empty },
			{ period_start: '2021-02-15', ...empty },
			{ period_start: '2021-02-22', ...empty },
			{ period_start: '2021-03-01', messages: 2, matching: 1, share: 1 / 2 }
		]);
	});

	it('by day: every day from 4 January to 2 March', async () => {
		const days = await queryTrend(db, '"case study"', { grain: 'day' });
		expect(days).toHaveLength(58);
		expect(days.filter((day) => day.messages > 0)).toEqual([
			{ period_start: '2021-01-04', messages: 3, matching: 1, share: 1 / 3 },
			{ period_start: '2021-01-15', messages: 1, matching: 0, share: 0 },
			{ period_start: '2021-01-31', messages: 1, matching: 0, share: 0 },
			{ period_start: '2021-03-01', messages: 1, matching: 0, share: 0 },
			{ period_start: '2021-03-02', messages: 1, matching: 1, share: 1 }
		]);
	});

	it('per role: every period for every role in the data, zeros kept (the regular expression is case-sensitive: m03\'s "Chapter" does not match)', async () => {
		expect(await queryTrend(db, '/chapter|第三章/', { grain: 'month', by_role: true })).toEqual([
			{ period_start: '2021-01-01', role: 'mentor', messages: 1, matching: 1, share: 1 },
			{ period_start: '2021-01-01', role: 'student', messages: 4, matching: 1, share: 1 / 4 },
			{ period_start: '2021-02-01', role: 'mentor', messages: 0, matching: 0, share: null },
			{ period_start: '2021-02-01', role: 'student', messages: 0, matching: 0, share: null },
			{ period_start: '2021-03-01', role: 'mentor', messages: 1, matching: 1, share: 1 },
			{ period_start: '2021-03-01', role: 'student', messages: 1, matching: 1, share: 1 }
		]);
	});

	it('refuses a query that cannot run', async () => {
		await expect(queryTrend(db, '/(/', { grain: 'month' })).rejects.toThrow('invalid regular expression /(/');
	});
});
