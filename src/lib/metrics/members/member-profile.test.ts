import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { memberProfile } from './member-profile';

const DATASET = 'profile__mentor-3-students_jan-apr-2021_empty-march_replies-both-ways_self-reply_media-row_ann-quiet-after-feb-2.csv';
const DAY_MINUTES = 24 * 60;

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/members', DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('memberProfile(db, author_id)', () => {
	it('with links: false, the activity and the silence without replies, and no links table is built (this runs first)', async () => {
		expect(await memberProfile(db, 'u2', { links: false })).toMatchObject({ author_name: 'Ann', messages: 5, replies: null });
		expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'links'`)).toEqual([]);
	});

	it('Ann: every month with March and April at 0, her photo not counted, whom she answers (her reply to herself left out), who answers her, and her silence', async () => {
		// Gaps between her messages, in days: 10 min, 1 d 3 h 50 min, 1 d 10 h 50 min, 26 d 12 h; numpy-linear 95th percentile at 2.85.
		const gaps = [10 / DAY_MINUTES, 1 + (3 * 60 + 50) / DAY_MINUTES, 1 + (10 * 60 + 50) / DAY_MINUTES, 26.5];
		const usual_gap_days = gaps[2] + 0.85 * (gaps[3] - gaps[2]);
		// Others' messages from her first (x02) to her last (x11): x03 x04 x06 x07 x10; after it: x12 x13 x14 x15. (5 − 1) × 4 / 5 = 3.2.
		const expected_messages = (4 * 4) / 5;
		expect(await memberProfile(db, 'u2')).toEqual({
			author_id: 'u2',
			author_name: 'Ann',
			other_names: [],
			role: 'student',
			monthly: [
				{ month: '2021-01', messages: 2 },
				{ month: '2021-02', messages: 3 },
				{ month: '2021-03', messages: 0 },
				{ month: '2021-04', messages: 0 }
			],
			messages: 5,
			// I will read it today (5), Finished chapter one (3), Question about the exam? (4), I mean the final exam (5), Thanks (1)
			words: 18,
			// 1 + 3 + 2 + 0 + 0: the 5 likes on her photo are not on a counted message
			likes_received: 6,
			first_message_at: '2021-01-04 09:10:00',
			last_message_at: '2021-02-02 12:00:00',
			replies: {
				// x02 and x11 answer Mia; x16 answers herself
				replies_to: [{ author_id: 'u1', author_name: 'Mia', replies: 2 }],
				// Mia: x04, x10; Ben: x06; Cai: x07
				replied_by: [
					{ author_id: 'u1', author_name: 'Mia', replies: 2 },
					{ author_id: 'u3', author_name: 'Ben', replies: 1 },
					{ author_id: 'u4', author_name: 'Cai', replies: 1 }
				],
				// x02 → x04 after 20 min, x05 → x06 after 30, x09 → x10 after 45 (her own x16 is not a reply to her); x16 and x11 unanswered
				answered_messages: 3,
				median_minutes_to_first_reply: 30
			},
			silence: {
				author_id: 'u2',
				author_name: 'Ann',
				role: 'student',
				last_message_at: '2021-02-02 12:00:00',
				// to x15, 2021-04-30 18:00
				days_silent: 87.25,
				usual_gap_days: expect.closeTo(usual_gap_days, 12),
				messages: 5,
				others_messages_in_span: 5,
				others_messages_since: 4,
				expected_messages,
				silence_probability: Math.exp(-expected_messages),
				status: 'recently_quiet'
			}
		});
	});

	it('Mia, the mentor: never silent by the rule; Ben: answers three members, last wrote on the last day', async () => {
		expect(await memberProfile(db, 'u1')).toMatchObject({
			monthly: [
				{ month: '2021-01', messages: 2 },
				{ month: '2021-02', messages: 1 },
				{ month: '2021-03', messages: 0 },
				{ month: '2021-04', messages: 1 }
			],
			likes_received: 7,
			// x02 → x01, x03 → x01, x13 → x12; x04 → Ann and x10 → Ann
			replies: {
				replies_to: [{ author_id: 'u2', author_name: 'Ann', replies: 2 }],
				replied_by: [
					{ author_id: 'u2', author_name: 'Ann', replies: 2 },
					{ author_id: 'u3', author_name: 'Ben', replies: 2 }
				],
				// x01 → x02 after 10 min, x10 → x11 after 3 h 15 min, x12 → x13 after 5; x04 unanswered
				answered_messages: 3,
				median_minutes_to_first_reply: 10
			},
			silence: null
		});
		expect(await memberProfile(db, 'u3')).toMatchObject({
			messages: 4,
			first_message_at: '2021-01-04 09:20:00',
			last_message_at: '2021-04-30 18:00:00',
			replies: {
				replies_to: [
					{ author_id: 'u1', author_name: 'Mia', replies: 2 },
					{ author_id: 'u2', author_name: 'Ann', replies: 1 },
					{ author_id: 'u4', author_name: 'Cai', replies: 1 }
				],
				replied_by: [],
				answered_messages: 0,
				median_minutes_to_first_reply: null
			},
			silence: null
		});
	});

	it('takes the silent members the analysis already found instead of finding them again', async () => {
		expect((await memberProfile(db, 'u2', { silent_members: [] }))!.silence).toBeNull();
	});

	it('an id no member has gives null', async () => {
		expect(await memberProfile(db, 'Ann')).toBeNull();
	});
});
