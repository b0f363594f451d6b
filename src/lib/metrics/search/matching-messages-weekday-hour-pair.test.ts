import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { countMatchingMessages } from './count-matching-messages';
import { matchingMessages } from './matching-messages';
import { MessageQueryError } from './message-query';

const DATASET = 'profile__mentor-3-students_jan-apr-2021_empty-march_replies-both-ways_self-reply_media-row_ann-quiet-after-feb-2.csv';
const ALL = { limit: 100 };

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/members', DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

const ids = async (filters: Parameters<typeof matchingMessages>[1]) => (await matchingMessages(db, filters, ALL)).map((message) => message.message_id);

describe('matchingMessages(db, filters) by weekday, hour and pair', () => {
	it('a weekday (0 = Monday) and an hour of the wall clock, alone or together', async () => {
		// 2021-01-04 and 2021-02-01 are Mondays, 01-05 and 04-20 Tuesdays, 04-10 a Saturday, 04-30 a Friday.
		expect(await ids({ weekday: 0, hour: 9 })).toEqual(['x01', 'x02', 'x03', 'x04']);
		expect(await ids({ hour: 9 })).toEqual(['x01', 'x02', 'x03', 'x04', 'x12', 'x13', 'x14']);
		expect(await ids({ weekday: 0 })).toEqual(['x01', 'x02', 'x03', 'x04', 'x09', 'x16', 'x10']);
		expect(await ids({ weekday: 1, hour: 20 })).toEqual(['x05', 'x06']);
		expect(await ids({ weekday: 5 })).toEqual(['x12', 'x13']);
		expect(await ids({ weekday: 6 })).toEqual([]);
		expect(await countMatchingMessages(db, { weekday: 0, hour: 8 })).toBe(3);
	});

	it('a pair: the replies of either to the other, in time order, each with its parent and rule; a reply to oneself is not between them', async () => {
		const messages = await matchingMessages(db, { pair: ['u2', 'u1'] }, ALL);
		expect(messages.map(({ message_id, author, parent_id, parent_author, rule }) => ({ message_id, author, parent_id, parent_author, rule }))).toEqual([
			{ message_id: 'x02', author: 'Ann', parent_id: 'x01', parent_author: 'Mia', rule: 'reply_to' },
			{ message_id: 'x04', author: 'Mia', parent_id: 'x02', parent_author: 'Ann', rule: 'reply_to' },
			{ message_id: 'x10', author: 'Mia', parent_id: 'x09', parent_author: 'Ann', rule: 'reply_to' },
			{ message_id: 'x11', author: 'Ann', parent_id: 'x10', parent_author: 'Mia', rule: 'reply_to' }
		]);
		expect(await ids({ pair: ['u1', 'u2'] })).toEqual(['x02', 'x04', 'x10', 'x11']);
		expect(await ids({ pair: ['u3', 'u4'] })).toEqual(['x15']);
		expect(await ids({ pair: ['u3', 'u4'], month: '2021-01' })).toEqual([]);
		expect(await countMatchingMessages(db, { pair: ['u2', 'u3'] })).toBe(1);
	});

	it('refuses a weekday, hour or pair that cannot be one', async () => {
		await expect(matchingMessages(db, { weekday: 7 }, ALL)).rejects.toThrow(new MessageQueryError('weekday: 7 is not a weekday (0 = Monday … 6 = Sunday)'));
		await expect(matchingMessages(db, { hour: 2.5 }, ALL)).rejects.toThrow(new MessageQueryError('hour: 2.5 is not an hour (0–23)'));
		await expect(matchingMessages(db, { pair: ['u2', 'u2'] }, ALL)).rejects.toThrow(new MessageQueryError('pair: give two different members, not ["u2","u2"]'));
	});
});
