import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { monthlySeries } from '../monthly-series';
import { activitySeries } from './activity-series';

const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/metrics', name));
const empty = { messages: 0, words: 0, likes: 0, active_members: 0, active_students: 0, new_members: 0, mentor_messages: 0, mentor_share: null, coverage: 1 };

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: fixture('resonance__sunday-monday-week-boundary_empty-week_media-row.csv') }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('activitySeries(db, grain)', () => {
	it('weeks start on Monday (the Sunday message belongs to the week of 2020-12-28), empty weeks are 0, media is not counted; the first week covers 1 day of 7, the last 3', async () => {
		expect(await activitySeries(db, 'week')).toEqual([
			{ period_start: '2020-12-28', messages: 1, words: 4, likes: 2, active_members: 1, active_students: 0, new_members: 1, mentor_messages: 1, mentor_share: 1, coverage: 1 / 7 },
			{ period_start: '2021-01-04', messages: 1, words: 2, likes: 0, active_members: 1, active_students: 1, new_members: 1, mentor_messages: 0, mentor_share: 0, coverage: 1 },
			{ period_start: '2021-01-11', ...empty },
			{ period_start: '2021-01-18', messages: 1, words: 3, likes: 1, active_members: 1, active_students: 1, new_members: 1, mentor_messages: 0, mentor_share: 0, coverage: 3 / 7 }
		]);
	});

	it('has every day from the first to the last message', async () => {
		const days = await activitySeries(db, 'day');
		expect(days).toHaveLength(18);
		expect(days.filter((day) => day.messages > 0).map((day) => [day.period_start, day.messages])).toEqual([
			['2021-01-03', 1],
			['2021-01-04', 1],
			['2021-01-20', 1]
		]);
		expect(days[2]).toEqual({ period_start: '2021-01-05', ...empty });
	});

	it('months are labelled by their first day; monthlySeries gives the same rows labelled YYYY-MM; January covers 3–20, 18 of 31 days', async () => {
		const month = { messages: 3, words: 9, likes: 3, active_members: 3, active_students: 2, new_members: 3, mentor_messages: 1, mentor_share: 1 / 3, coverage: 18 / 31 };
		expect(await activitySeries(db, 'month')).toEqual([{ period_start: '2021-01-01', ...month }]);
		expect(await monthlySeries(db)).toEqual([{ month: '2021-01', ...month }]);
	});

	it('a week whose words are not all counted yet has words null; an empty week still has 0', async () => {
		// The Sunday message of 2021-01-03 waits for its count, as Chinese text does after a load.
		await db.exec(`UPDATE messages SET words = NULL WHERE sent_at::DATE = DATE '2021-01-03'`);
		try {
			expect((await activitySeries(db, 'week')).map((week) => [week.period_start, week.words])).toEqual([
				['2020-12-28', null],
				['2021-01-04', 2],
				['2021-01-11', 0],
				['2021-01-18', 3]
			]);
		} finally {
			await db.exec(`UPDATE messages SET words = 4 WHERE sent_at::DATE = DATE '2021-01-03'`);
		}
	});
});
