import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseRoster } from '../../ingest/parse-roster';
import { buildInteractionLinks } from './build-interaction-links';
import { linkRatios, type LinkRatioRow } from './link-ratios';
import { linkRuleCounts } from './link-rule-counts';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/links');
const DATASET = 'ratios__mentor-3-students-guest_jan-mar-2021_empty-february_explicit-and-inferred.csv';
const ROSTER = 'ratios__roster_mentor_4-students_dee-lurker.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	const roster = parseRoster(readFileSync(resolve(fixtures, ROSTER), 'utf8')).entries;
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, DATASET)) }], { time_zone: 'UTC', roster });
	await buildInteractionLinks(db);
});
afterAll(async () => {
	await db.close();
});

// Hand-computed from the fixture: j2 previous Ann→Mentor, j3 mention Bob→Ann, j4 reply_to Ann→Bob,
// j5 reply_to Mentor→Ann, j6 previous Guest→Mentor (unknown role), j7 none (80 minutes later);
// r2 mention Cy→Bob ("Bob: …"), r3 previous Cy→Bob (continuation), r4 previous Mentor→Cy, r5 previous
// Mentor→Cy (self-reply dropped, continuation), r6 reply_to Ann→Mentor, r7 previous Bob→Ann.
const january: LinkRatioRow = {
	period: '2021-01',
	period_start: '2021-01-01',
	period_end: '2021-01-31',
	messages: 7,
	links: 5,
	mentor_to_student: 1,
	student_to_mentor: 1,
	student_to_student: 2,
	peer_share: 2 / 4,
	// reply_to only: j4 s→s, j5 m→s = 1/2; + mentions: j3 = 2/3; + previous: j2 = 2/4
	peer_share_min: 1 / 2,
	peer_share_max: 2 / 3,
	mentor_message_share: 2 / 7,
	// pairs A→M, M→A, A→B, B→A, G→M: 4 of 5 reciprocated
	reciprocity: 4 / 5,
	// partners M 2, A 2, B 1, G 1, Cy 0: Σ(2 − d) = 4 over (5 − 1)(5 − 2)
	degree_centralization: 4 / 12,
	// Ann 2, Bob 1, Cy 1, Dee 0: Σ|xi − xj| = 6 over n·Σx = 16
	gini_student_messages: 6 / 16
};
const february: LinkRatioRow = {
	period: '2021-02',
	period_start: '2021-02-01',
	period_end: '2021-02-28',
	messages: 0,
	links: 0,
	mentor_to_student: 0,
	student_to_mentor: 0,
	student_to_student: 0,
	peer_share: null,
	peer_share_min: null,
	peer_share_max: null,
	mentor_message_share: null,
	reciprocity: null,
	degree_centralization: null,
	// the four roster students, all silent
	gini_student_messages: 0
};
const march: LinkRatioRow = {
	period: '2021-03',
	period_start: '2021-03-01',
	period_end: '2021-03-31',
	messages: 7,
	links: 6,
	mentor_to_student: 2,
	student_to_mentor: 1,
	student_to_student: 3,
	peer_share: 3 / 6,
	// reply_to only: r6 s→m = 0; + mentions: r2 = 1/2; + previous = 3/6
	peer_share_min: 0,
	peer_share_max: 1 / 2,
	mentor_message_share: 2 / 7,
	// C→B, M→C, A→M, B→A: none answered back
	reciprocity: 0,
	// a ring: everyone has 2 partners
	degree_centralization: 0,
	// Bob 2, Cy 2, Ann 1, Dee 0: 7 over 4·5
	gini_student_messages: 7 / 20
};

describe('linkRatios', () => {
	it('gives every month from first to last message, the empty one included', async () => {
		expect(await linkRatios(db, { grain: 'month' })).toEqual([january, february, march]);
	});

	it('gives stages with both end days inclusive, an empty stage included', async () => {
		const stages = [
			{ name: 'Kick-off', start: '2021-01-05', end: '2021-01-05' },
			{ name: 'Quiet', start: '2021-01-06', end: '2021-03-01' },
			{ name: 'Case report', start: '2021-03-02', end: '2021-03-02' }
		];
		expect(await linkRatios(db, { grain: 'stage', stages })).toEqual([
			{ ...january, period: 'Kick-off', period_start: '2021-01-05', period_end: '2021-01-05' },
			{ ...february, period: 'Quiet', period_start: '2021-01-06', period_end: '2021-03-01' },
			{ ...march, period: 'Case report', period_start: '2021-03-02', period_end: '2021-03-02' }
		]);
	});

	it('sums a stage over its months for counts, and computes the network over the whole stage', async () => {
		const [whole] = await linkRatios(db, { grain: 'stage', stages: [{ name: 'Whole course', start: '2021-01-01', end: '2021-03-31' }] });
		expect(whole).toEqual({
			period: 'Whole course',
			period_start: '2021-01-01',
			period_end: '2021-03-31',
			messages: 14,
			links: 11,
			mentor_to_student: 3,
			student_to_mentor: 2,
			student_to_student: 5,
			peer_share: 5 / 10,
			// reply_to only: j4, j5, r6 = 1/3; + mentions: j3, r2 = 3/5; all = 5/10
			peer_share_min: 1 / 3,
			peer_share_max: 3 / 5,
			mentor_message_share: 4 / 14,
			// A→M, M→A, A→B, B→A reciprocated; G→M, C→B, M→C not
			reciprocity: 4 / 7,
			// partners M 3 (A, G, C), A 2, B 2, G 1, C 2: Σ(3 − d) = 5 over 12
			degree_centralization: 5 / 12,
			// Ann 3, Bob 3, Cy 3, Dee 0: 9 over 4·9
			gini_student_messages: 9 / 36
		});
	});

	it('rejects a stage that ends before it starts, or a day that does not exist', async () => {
		await expect(linkRatios(db, { grain: 'stage', stages: [{ name: 'Backwards', start: '2021-03-01', end: '2021-01-01' }] })).rejects.toThrow(
			'stage "Backwards" needs start ≤ end as YYYY-MM-DD, not 2021-03-01 – 2021-01-01'
		);
		for (const end of ['2021-02-29', '2021-02-32', '2021-2-28']) {
			await expect(linkRatios(db, { grain: 'stage', stages: [{ name: 'Leap', start: '2021-02-01', end }] })).rejects.toThrow(
				`stage "Leap" needs start ≤ end as YYYY-MM-DD, not 2021-02-01 – ${end}`
			);
		}
	});
});

describe('linkRuleCounts', () => {
	it('counts every rule, none included', async () => {
		expect(await linkRuleCounts(db)).toEqual({ by_rule: { reply_to: 3, mention: 2, previous: 6, none: 3 } });
	});
});
