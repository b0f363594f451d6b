import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseRoster } from '../../ingest/members/parse-roster';
import { silentMembers } from './silent-members.oracle';
import { silentMembersAt, type SilentMemberRow, type SilentMembersOptions } from './silent-members-at';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/metrics');
const COMMUNITY = 'resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv';
const ROSTER = 'roster__mentor-no-cohort_3-students-2-cohorts_1-lurker.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, COMMUNITY)) }], {
		time_zone: 'UTC',
		roster: parseRoster(readFileSync(resolve(fixtures, ROSTER), 'utf8')).entries
	});
});
afterAll(async () => {
	await db.close();
});

describe('silentMembersAt(db)', () => {
	it('lists, at the last message (2021-02-28 09:00), the regular poster who stopped and the one-message student; not the mentor', async () => {
		// Ann: gaps 3, 3, 3 days → usual gap 3; her image on 02-20 is media, not counted. Cai: one message, so the
		// 14-day floor alone decides. Ben: gaps 22, 16, 17 → 21.5, silent 0.875 days. Mia is the mentor.
		expect(await silentMembersAt(db)).toEqual([
			// Ann: 3 messages after her first, while the others wrote 2 (Ben 01-03, Mia 01-10); since, they wrote 6.
			{
				author_id: 'Ann', author_name: 'Ann', role: 'student', last_message_at: '2021-01-11 10:00:00', days_silent: 47 + 23 / 24, usual_gap_days: 3, messages: 4,
				others_messages_in_span: 2, others_messages_since: 6, expected_messages: 9, silence_probability: Math.exp(-9), status: 'recently_quiet'
			},
			// One message shows no pace, so nothing was expected of Cai.
			{
				author_id: 'Cai', author_name: 'Cai', role: 'student', last_message_at: '2021-02-05 08:00:00', days_silent: 23 + 1 / 24, usual_gap_days: null, messages: 1,
				others_messages_in_span: 0, others_messages_since: 3, expected_messages: 0, silence_probability: 1, status: 'as_expected'
			}
		]);
	});

	it('measured at the end of January it sees only January messages; `since` keeps those whose last message is in the stage', async () => {
		const january = { until_exclusive: '2021-02-01 00:00:00' };
		expect((await silentMembersAt(db, january)).map((row) => [row.author_id, row.days_silent])).toEqual([['Ann', 20 + 14 / 24]]);
		expect(await silentMembersAt(db, { until_exclusive: '2021-04-01 00:00:00', since: '2021-02-01 00:00:00' })).toMatchObject([{ author_id: 'Cai' }]);
		expect(await silentMembersAt(db, { min_days: 48 })).toEqual([]);
	});

	it('agrees with the pure silentMembers on every member’s message dates', async () => {
		const members = await db.query<{ author_id: string; author_name: string; message_dates: string[] }>(
			`SELECT author_id, any_value(author_name) AS author_name, list(strftime(sent_at, '%Y-%m-%d %H:%M:%S')) AS message_dates
			FROM counted_messages WHERE role IS DISTINCT FROM 'mentor' GROUP BY author_id`
		);
		const expected = silentMembers(members, '2021-02-28 09:00:00');
		expect(
			(await silentMembersAt(db)).map(({ author_id, author_name, last_message_at, days_silent, usual_gap_days }) => ({ author_id, author_name, last_message_at, days_silent, usual_gap_days }))
		).toEqual(expected);
	});
});

async function silentIn(fixture: string, options: SilentMembersOptions = {}): Promise<SilentMemberRow[]> {
	const fresh = await createNodeDb();
	try {
		await loadDataset(fresh, [{ source: pathImportSource(resolve(fixtures, fixture)) }], { time_zone: 'UTC' });
		return await silentMembersAt(fresh, options);
	} finally {
		await fresh.close();
	}
}

describe('silentMembersAt(db) judges a silence against the group’s own activity since', () => {
	it('flags nobody when the whole group fell quiet with them: both students silent 4 weeks past their daily rhythm, but only the mentor wrote since', async () => {
		// Ann (10:00) and Ben (11:00) wrote daily on Jan 1–28 beside the mentor (09:00); then only the mentor, on Feb 25 09:00.
		// Ann: 27 messages after her first; the others wrote 54 in her span (Mia Jan 2–28, Ben Jan 1–27) and 2 since
		// (Ben Jan 28 11:00, Mia Feb 25), so 27 × 2 / 54 = 1 message was expected and silence has chance e^−1.
		const common = { role: 'student', usual_gap_days: 1, messages: 28, others_messages_in_span: 54, status: 'as_expected' };
		expect(await silentIn('resonance__mentor-2-students_daily-jan_group-lull-feb_only-mentor-once.csv')).toEqual([
			{ ...common, author_id: 'Ann', author_name: 'Ann', last_message_at: '2021-01-28 10:00:00', days_silent: 27 + 23 / 24, others_messages_since: 2, expected_messages: 1, silence_probability: Math.exp(-1) },
			{ ...common, author_id: 'Ben', author_name: 'Ben', last_message_at: '2021-01-28 11:00:00', days_silent: 27 + 22 / 24, others_messages_since: 1, expected_messages: 0.5, silence_probability: Math.exp(-0.5) }
		]);
	});

	it('flags the one student quiet while the group kept its pace as recently quiet, and the one gone since October 2020 as long gone', async () => {
		// Ann: 27 × 57 / 54 = 28.5 messages expected since Jan 28 (Mia wrote 28, Ben 29). Cai: 3 messages on Oct 1–3 beside
		// Mia's 2, then 140 by the others: 2 × 140 / 2 = 140 expected, 145 days ago.
		const steady = 'resonance__mentor-3-students_steady-daily-group_one-quiet-since-jan-28_one-gone-since-oct-2020.csv';
		expect(await silentIn(steady)).toEqual([
			{
				author_id: 'Cai', author_name: 'Cai', role: 'student', last_message_at: '2020-10-03 12:00:00', days_silent: 144 + 23 / 24, usual_gap_days: 1, messages: 3,
				others_messages_in_span: 2, others_messages_since: 140, expected_messages: 140, silence_probability: Math.exp(-140), status: 'long_gone'
			},
			{
				author_id: 'Ann', author_name: 'Ann', role: 'student', last_message_at: '2021-01-28 10:00:00', days_silent: 28 + 1 / 24, usual_gap_days: 1, messages: 28,
				others_messages_in_span: 54, others_messages_since: 57, expected_messages: 28.5, silence_probability: Math.exp(-28.5), status: 'recently_quiet'
			}
		]);
		expect((await silentIn(steady, { recent_days: 200 })).map((row) => row.status)).toEqual(['recently_quiet', 'recently_quiet']);
	});
});
