import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseRoster } from '../../ingest/parse-roster';
import { silentMembers } from '../algorithms/silent-members';
import { silentMembersAt } from './silent-members-at';

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
			{ author_id: 'Ann', author_name: 'Ann', role: 'student', last_message_at: '2021-01-11 10:00:00', days_silent: 47 + 23 / 24, usual_gap_days: 3, messages: 4 },
			{ author_id: 'Cai', author_name: 'Cai', role: 'student', last_message_at: '2021-02-05 08:00:00', days_silent: 23 + 1 / 24, usual_gap_days: null, messages: 1 }
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
		expect((await silentMembersAt(db)).map(({ role, messages, ...row }) => row)).toEqual(expected);
	});
});
