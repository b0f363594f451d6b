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
// Wilson intervals from scipy (src/lib/metrics/algorithms/fixtures/make-scipy-intervals.py).
const ci = (low: number, high: number) => [expect.closeTo(low, 12), expect.closeTo(high, 12)] as [number, number];
const WILSON_2_OF_4 = ci(0.15003898915214953, 0.8499610108478505);
const WILSON_2_OF_7 = ci(0.08221892400405673, 0.6410655481673807);

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
	n_links: 4,
	peer_share_ci: WILSON_2_OF_4,
	peer_share_bootstrap_ci: null,
	mentor_message_share: 2 / 7,
	n_messages: 7,
	mentor_share_ci: WILSON_2_OF_7,
	// pairs A→M, M→A, A→B, B→A, G→M: 4 of 5 reciprocated
	reciprocity: 4 / 5,
	// 5 pairs among 5 active members: 5 / (5 · 4); (0.8 − 0.25) / (1 − 0.25)
	density: 5 / 20,
	reciprocity_normalized: 0.55 / 0.75,
	// partners M 2, A 2, B 1, G 1, Cy 0: Σ(2 − d) = 4 over (5 − 1)(5 − 2)
	degree_centralization: 4 / 12,
	// reply_to only (A→B, M→A) and + mentions (B→A): A 2, B 1, M 1, G 0, Cy 0: Σ(2 − d) = 6 over 12
	degree_centralization_min: 4 / 12,
	degree_centralization_max: 6 / 12,
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
	n_links: 0,
	peer_share_ci: null,
	peer_share_bootstrap_ci: null,
	mentor_message_share: null,
	n_messages: 0,
	mentor_share_ci: null,
	reciprocity: null,
	density: null,
	reciprocity_normalized: null,
	degree_centralization: null,
	degree_centralization_min: null,
	degree_centralization_max: null,
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
	n_links: 6,
	peer_share_ci: ci(0.18761630648265054, 0.8123836935173494),
	peer_share_bootstrap_ci: null,
	mentor_message_share: 2 / 7,
	n_messages: 7,
	mentor_share_ci: WILSON_2_OF_7,
	// C→B, M→C, A→M, B→A: none answered back
	reciprocity: 0,
	// 4 pairs among 4 active members: 4 / 12; (0 − 1/3) / (2/3)
	density: 4 / 12,
	reciprocity_normalized: expect.closeTo(-0.5, 12),
	// a ring: everyone has 2 partners
	degree_centralization: 0,
	// reply_to only: A→M alone, A 1, M 1, B 0, Cy 0: Σ(1 − d) = 2 over (4 − 1)(4 − 2)
	degree_centralization_min: 0,
	degree_centralization_max: 2 / 6,
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
			// one day each: resampling days can only give that day's share back
			{ ...january, period: 'Kick-off', period_start: '2021-01-05', period_end: '2021-01-05', peer_share_bootstrap_ci: [0.5, 0.5] },
			{ ...february, period: 'Quiet', period_start: '2021-01-06', period_end: '2021-03-01' },
			{ ...march, period: 'Case report', period_start: '2021-03-02', period_end: '2021-03-02', peer_share_bootstrap_ci: [0.5, 0.5] }
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
			n_links: 10,
			peer_share_ci: ci(0.236593090512564, 0.7634069094874361),
			// two days, 2 of 4 and 3 of 6: every resample of them pools to 1/2
			peer_share_bootstrap_ci: [0.5, 0.5],
			mentor_message_share: 4 / 14,
			n_messages: 14,
			mentor_share_ci: ci(0.11721378644576921, 0.5464908432989318),
			// A→M, M→A, A→B, B→A reciprocated; G→M, C→B, M→C not
			reciprocity: 4 / 7,
			// 7 pairs among 5 members
			density: 7 / 20,
			reciprocity_normalized: (4 / 7 - 7 / 20) / (13 / 20),
			// partners M 3 (A, G, C), A 2, B 2, G 1, C 2: Σ(3 − d) = 5 over 12
			degree_centralization: 5 / 12,
			// reply_to only (A→B, M→A, A→M): A 2, B 1, M 1: 6 / 12; + mentions (B→A, C→B): A 2, B 2, M 1, C 1: 4 / 12
			degree_centralization_min: 4 / 12,
			degree_centralization_max: 6 / 12,
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
