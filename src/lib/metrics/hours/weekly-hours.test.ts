import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { weeklyHours, type WeekHourMatrix } from './weekly-hours';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/response');
const QUESTIONS = 'questions__zh-and-en_self-continuation-only_answered-after-25h_mention-reply_newcomer-answered_newcomer-unanswered_empty-march.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, QUESTIONS)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

/** A week of zeros with the given [weekday, hour, messages] cells set. */
function week(...cells: [number, number, number][]): WeekHourMatrix {
	const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
	for (const [weekday, hour, messages] of cells) matrix[weekday][hour] = messages;
	return matrix;
}
const [MON, TUE, WED, FRI, SAT] = [0, 1, 2, 4, 5];

describe('weeklyHours', () => {
	it('counts counted messages by weekday, Monday first, and wall-clock hour, overall and per stage', async () => {
		const stages = [
			{ name: 'January', start: '2021-01-01', end: '2021-01-31' },
			{ name: 'Spring', start: '2021-02-01', end: '2021-04-30' },
			{ name: 'Summer', start: '2021-06-01', end: '2021-08-31' }
		];
		// 2021-01-04 and 2021-02-01 are Mondays, 2021-04-02 a Friday; the media message (Wed 09:00) is not counted.
		const january = week([MON, 9, 3], [TUE, 20, 2], [WED, 8, 2], [FRI, 10, 1], [SAT, 11, 1]);
		const spring = week([MON, 9, 2], [WED, 9, 1], [FRI, 10, 4], [SAT, 10, 1], [SAT, 11, 1]);
		expect(await weeklyHours(db, stages)).toEqual({
			all: week([MON, 9, 5], [TUE, 20, 2], [WED, 8, 2], [WED, 9, 1], [FRI, 10, 5], [SAT, 10, 1], [SAT, 11, 2]),
			stages: [
				{ stage: 'January', messages: january },
				{ stage: 'Spring', messages: spring },
				{ stage: 'Summer', messages: week() }
			]
		});
	});

	it('without stages gives only the whole week', async () => {
		const { all, stages } = await weeklyHours(db, []);
		expect(all.flat().reduce((sum, count) => sum + count, 0)).toBe(18);
		expect(stages).toEqual([]);
	});
});
