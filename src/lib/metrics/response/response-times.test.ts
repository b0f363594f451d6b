import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks } from '../links/build-interaction-links';
import { ensureTables } from '../derived-tables';
import { responseTimes, type QuestionResponseByRoleRow, type QuestionResponseRow } from './response-times';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/response');
const QUESTIONS = 'questions__zh-and-en_self-continuation-only_answered-after-25h_mention-reply_newcomer-answered_newcomer-unanswered_empty-march.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, QUESTIONS)) }], { time_zone: 'UTC' });
	await ensureTables(db, ['counted_messages']);
	await buildInteractionLinks(db);
});
afterAll(async () => {
	await db.close();
});

// The fixture's links (resonance links): explicit a1, a1b → q1 (Mentor), a2 → q2, a4 → q4 (25 h later), r1 → n1,
// a6 → q6; a5 → q5 by mention ("@Ann"); c3 → q3 is Bob's own continuation; every other message has no parent.
// Questions: q1 "…?", q2 "…呢。", q3 "…？", q4 "你看了吗 " (Cy), q5 "…?", q6 "Done?", q7 "…好吗！";
// not questions: "什么时候开始" (么 inside), the media "photo?" (not counted).
// Wilson intervals from scipy: binomtest(k, n).proportion_ci(method='wilson').
const ci = (low: number, high: number) => [expect.closeTo(low, 12), expect.closeTo(high, 12)] as [number, number];
const none = { median_minutes_to_first_reply: null, p90_minutes_to_first_reply: null };
const empty = { questions: 0, unanswered_questions: 0, replied: 0, ...none, replied_share: null, replied_share_ci: null };

describe('responseTimes', () => {
	it('counts questions per month, a reply after 25 h or by the asker alone leaving them unanswered', async () => {
		const { monthly } = await responseTimes(db);
		expect(monthly).toEqual<QuestionResponseRow[]>([
			// q1 10 min, q2 30 min, q3 only its author's continuation, q4 1,500 min: numpy-linear over [10, 30, 1500]
			{ month: '2021-01', questions: 4, unanswered_questions: 2, replied: 2, median_minutes_to_first_reply: 30, p90_minutes_to_first_reply: 30 + 0.8 * 1470, replied_share: 0.5, replied_share_ci: ci(0.15003898915214953, 0.8499610108478505) },
			// q5 20 min (the mention), q6 60 min
			{ month: '2021-02', questions: 2, unanswered_questions: 0, replied: 2, median_minutes_to_first_reply: 40, p90_minutes_to_first_reply: 56, replied_share: 1, replied_share_ci: ci(0.34238022750665303, 1) },
			{ month: '2021-03', ...empty },
			{ month: '2021-04', questions: 1, unanswered_questions: 1, replied: 0, ...none, replied_share: 0, replied_share_ci: ci(0, 0.7934506856227626) }
		]);
	});

	it('splits the months by the asker’s role, every role that asked in every month', async () => {
		const { by_role } = await responseTimes(db);
		expect(by_role).toEqual<QuestionResponseByRoleRow[]>([
			{ month: '2021-01', role: 'mentor', questions: 1, unanswered_questions: 0, replied: 1, median_minutes_to_first_reply: 10, p90_minutes_to_first_reply: 10, replied_share: 1, replied_share_ci: ci(0.20654931437723745, 1) },
			{ month: '2021-01', role: 'student', questions: 3, unanswered_questions: 2, replied: 1, median_minutes_to_first_reply: 765, p90_minutes_to_first_reply: 30 + 0.9 * 1470, replied_share: 1 / 3, replied_share_ci: ci(0.06149194472039626, 0.7923403991979523) },
			{ month: '2021-02', role: 'mentor', questions: 1, unanswered_questions: 0, replied: 1, median_minutes_to_first_reply: 60, p90_minutes_to_first_reply: 60, replied_share: 1, replied_share_ci: ci(0.20654931437723745, 1) },
			{ month: '2021-02', role: 'student', questions: 1, unanswered_questions: 0, replied: 1, median_minutes_to_first_reply: 20, p90_minutes_to_first_reply: 20, replied_share: 1, replied_share_ci: ci(0.20654931437723745, 1) },
			{ month: '2021-03', role: 'mentor', ...empty },
			{ month: '2021-03', role: 'student', ...empty },
			{ month: '2021-04', role: 'mentor', questions: 1, unanswered_questions: 1, replied: 0, ...none, replied_share: 0, replied_share_ci: ci(0, 0.7934506856227626) },
			{ month: '2021-04', role: 'student', ...empty }
		]);
	});

	it('lists the unanswered questions newest first, with the minutes of a late reply', async () => {
		const { unanswered } = await responseTimes(db);
		expect(unanswered).toEqual([
			{ message_id: 'q7', sent_at: '2021-04-02 10:30:00', author_id: 'Mentor', author_name: 'Mentor', role: 'mentor', text: '明天见好吗！', minutes_to_first_reply: null },
			{ message_id: 'q4', sent_at: '2021-01-08 10:00:00', author_id: 'Cy', author_name: 'Cy', role: 'student', text: '你看了吗 ', minutes_to_first_reply: 1500 },
			{ message_id: 'q3', sent_at: '2021-01-06 08:00:00', author_id: 'Bob', author_name: 'Bob', role: 'student', text: 'Is the exam on Friday？', minutes_to_first_reply: null }
		]);
		expect((await responseTimes(db, { unanswered_limit: 1 })).unanswered.map((row) => row.message_id)).toEqual(['q7']);
	});

	it('follows every member’s first counted message: Dee welcomed in 5 min, Eve’s "hi" never answered', async () => {
		const { newcomers } = await responseTimes(db);
		const member = (message_id: string, sent_at: string, author: string, role: string, minutes_to_first_reply: number | null) =>
			({ message_id, sent_at, author_id: author, author_name: author, role, minutes_to_first_reply });
		expect(newcomers).toEqual({
			count: 6,
			replied: 2,
			// over 10, 1500 and 5: Cy's late answer counts in how fast, not in replied
			median_minutes_to_first_reply: 10,
			replied_share: 2 / 6,
			replied_share_ci: ci(0.09677141110578047, 0.700006684861608),
			members: [
				member('q1', '2021-01-04 09:00:00', 'Mentor', 'mentor', 10),
				member('a1', '2021-01-04 09:10:00', 'Ann', 'student', null),
				member('a1b', '2021-01-04 09:12:00', 'Bob', 'student', null),
				// the media message "photo?" two days before is not counted
				member('q4', '2021-01-08 10:00:00', 'Cy', 'student', 1500),
				member('n1', '2021-02-01 09:00:00', 'Dee', 'student', 5),
				member('n2', '2021-02-03 09:00:00', 'Eve', 'student', null)
			]
		});
	});

	it('a longer reply window counts the answer after 25 h as replied', async () => {
		const { monthly, unanswered } = await responseTimes(db, { window_minutes: 25 * 60 });
		expect(monthly[0]).toMatchObject({ month: '2021-01', questions: 4, unanswered_questions: 1, replied: 3 });
		expect(unanswered.map((row) => row.message_id)).toEqual(['q7', 'q3']);
	});
});
