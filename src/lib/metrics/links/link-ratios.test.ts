import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseRoster } from '../../ingest/members/parse-roster';
import { buildInteractionLinks } from './build-interaction-links';
import { ensureTables } from '../derived-tables';
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
	await ensureTables(db, ['counted_messages']);
	await buildInteractionLinks(db);
});
afterAll(async () => {
	await db.close();
});

// Hand-computed from the fixture's links (build-interaction-links.test.ts checks how they are found):
// explicit j4 Ann→Bob, j5 Mentor→Ann, r5 Mentor→Mentor (own message), r6 Ann→Mentor; inferred j3 Bob→Ann
// (names Ann), r2 Cy→Bob ("Bob: …"), r3 Cy→Cy (continuation); every other message has no parent.
// Explicit replies are 4 of 14 counted messages (≥ 20%), so the headline counts them alone, and links to
// oneself (r3, r5) never count.
// Wilson intervals from scipy (src/lib/metrics/algorithms/fixtures/make-scipy-intervals.py).
const ci = (low: number, high: number) => [expect.closeTo(low, 12), expect.closeTo(high, 12)] as [number, number];
const WILSON_2_OF_7 = ci(0.08221892400405673, 0.6410655481673807);

const january: LinkRatioRow = {
	period: '2021-01',
	period_start: '2021-01-01',
	period_end: '2021-01-31',
	messages: 7,
	basis: 'explicit',
	links: 2,
	mentor_to_student: 1,
	student_to_mentor: 0,
	student_to_student: 1,
	peer_share: 1 / 2,
	// + the inferred j3 (s→s): 2/3
	peer_share_inferred: 2 / 3,
	peer_share_min: null,
	peer_share_max: null,
	n_links: 2,
	peer_share_ci: ci(0.09453120573423074, 0.9054687942657693),
	peer_share_bootstrap_ci: null,
	mentor_message_share: 2 / 7,
	n_messages: 7,
	mentor_share_ci: WILSON_2_OF_7,
	// A→B, M→A: neither answered back
	reciprocity: 0,
	// 2 pairs among 5 active members: 2 / (5 · 4); (0 − 0.1) / (1 − 0.1)
	density: 2 / 20,
	reciprocity_normalized: expect.closeTo(-1 / 9, 12),
	// partners A 2, M 1, B 1, Guest 0, Cy 0: Σ(2 − d) = 6 over (5 − 1)(5 − 2)
	degree_centralization: 6 / 12,
	// explicit basis: no range across inference rules
	degree_centralization_min: null,
	degree_centralization_max: null,
	// Ann 2, Bob 1, Cy 1, Dee 0: Σ|xi − xj| = 6 over n·Σx = 16
	gini_student_messages: 6 / 16
};
const february: LinkRatioRow = {
	period: '2021-02',
	period_start: '2021-02-01',
	period_end: '2021-02-28',
	messages: 0,
	basis: 'explicit',
	links: 0,
	mentor_to_student: 0,
	student_to_mentor: 0,
	student_to_student: 0,
	peer_share: null,
	peer_share_inferred: null,
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
	basis: 'explicit',
	links: 1,
	mentor_to_student: 0,
	student_to_mentor: 1,
	student_to_student: 0,
	peer_share: 0,
	// + the inferred r2 (s→s): 1/2
	peer_share_inferred: 1 / 2,
	peer_share_min: null,
	peer_share_max: null,
	n_links: 1,
	peer_share_ci: ci(0, 0.7934506856227626),
	peer_share_bootstrap_ci: null,
	mentor_message_share: 2 / 7,
	n_messages: 7,
	mentor_share_ci: WILSON_2_OF_7,
	reciprocity: 0,
	// 1 pair among 4 active members: 1 / 12; (0 − 1/12) / (11/12)
	density: 1 / 12,
	reciprocity_normalized: expect.closeTo(-1 / 11, 12),
	// A→M only: partners A 1, M 1, Bob 0, Cy 0: Σ(1 − d) = 2 over 3·2
	degree_centralization: 2 / 6,
	degree_centralization_min: null,
	degree_centralization_max: null,
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
			{ ...march, period: 'Case report', period_start: '2021-03-02', period_end: '2021-03-02', peer_share_bootstrap_ci: [0, 0] }
		]);
	});

	it('sums a stage over its months for counts, and computes the network over the whole stage', async () => {
		const [whole] = await linkRatios(db, { grain: 'stage', stages: [{ name: 'Whole course', start: '2021-01-01', end: '2021-03-31' }] });
		expect(whole).toEqual({
			period: 'Whole course',
			period_start: '2021-01-01',
			period_end: '2021-03-31',
			messages: 14,
			basis: 'explicit',
			links: 3,
			mentor_to_student: 1,
			student_to_mentor: 1,
			student_to_student: 1,
			peer_share: 1 / 3,
			// + j3, r2 (both s→s): 3/5
			peer_share_inferred: 3 / 5,
			peer_share_min: null,
			peer_share_max: null,
			n_links: 3,
			peer_share_ci: ci(0.06149194472039621, 0.7923403991979522),
			// two days of explicit links, 1 of 2 (January) and 0 of 1 (March): a resample of both days twice
			// pools to 0 or 1/2, each a quarter of the time, so the 95% interval spans them
			peer_share_bootstrap_ci: [0, 0.5],
			mentor_message_share: 4 / 14,
			n_messages: 14,
			mentor_share_ci: ci(0.11721378644576921, 0.5464908432989318),
			// A→B, M→A, A→M: M↔A reciprocated
			reciprocity: 2 / 3,
			// 3 pairs among 5 members
			density: 3 / 20,
			reciprocity_normalized: expect.closeTo((2 / 3 - 3 / 20) / (17 / 20), 12),
			// partners A 2, M 1, B 1, Guest 0, Cy 0: Σ(2 − d) = 6 over 12
			degree_centralization: 6 / 12,
			degree_centralization_min: null,
			degree_centralization_max: null,
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

describe('linkRatios basis', () => {
	/** A hand-made links table for one day: Bob→Ann explicit, Ann→Mentor named, Cy→Bob from context, Ann→Ann continuing, then `silent` mentor messages without parent. */
	async function linksWith(silent: number): Promise<LinkRatioRow> {
		const rows = [
			"(1, 'k1', 'j2', 'reply_to', 'Bob', 'Ann', 'student', 'student')",
			"(2, 'k2', 'j1', 'mention', 'Ann', 'Mentor', 'student', 'mentor')",
			"(3, 'k3', 'k1', 'context', 'Cy', 'Bob', 'student', 'student')",
			"(4, 'k4', 'k2', 'continuation', 'Ann', 'Ann', 'student', 'student')",
			...Array.from({ length: silent }, (_, index) => `(${5 + index}, 'q${index}', NULL, 'none', 'Mentor', NULL, 'mentor', NULL)`)
		];
		// `links` is a view over the links found (kept_links): here, over a hand-made table.
		await db.exec(`CREATE OR REPLACE TABLE hand_links AS
			SELECT seq, message_id, parent_id, rule, 'by hand' AS reason, author_id, parent_author_id, TIMESTAMP '2021-01-05 10:00:00' AS sent_at, role, parent_role
			FROM (VALUES ${rows.join(', ')}) t(seq, message_id, parent_id, rule, author_id, parent_author_id, role, parent_role);
			CREATE OR REPLACE VIEW links AS SELECT * FROM hand_links`);
		const [row] = await linkRatios(db, { grain: 'stage', stages: [{ name: 'Day', start: '2021-01-05', end: '2021-01-05' }] });
		return row;
	}
	afterAll(async () => {
		await db.exec('DROP VIEW links; DROP TABLE hand_links');
		await ensureTables(db, ['links']);
	});

	it('uses explicit replies alone from 20% of counted messages (1 of 5), with the inferred share beside them', async () => {
		expect(await linksWith(1)).toMatchObject({
			messages: 5,
			basis: 'explicit',
			links: 1,
			student_to_student: 1,
			student_to_mentor: 0,
			peer_share: 1,
			// k1, k2, k3 between people: 2 of 3 student→student
			peer_share_inferred: 2 / 3,
			peer_share_min: null,
			peer_share_max: null
		});
	});

	it('below 20% (1 of 6) counts every link between two people and gives the range across rules', async () => {
		expect(await linksWith(2)).toMatchObject({
			messages: 6,
			basis: 'inferred',
			links: 3,
			student_to_student: 2,
			student_to_mentor: 1,
			peer_share: 2 / 3,
			peer_share_inferred: null,
			// {reply_to}: 1/1; + mention: 1/2; + context: 2/3
			peer_share_min: 1 / 2,
			peer_share_max: 1
		});
	});
});

describe('linkRuleCounts', () => {
	it('counts every rule, none included, and the links between two different people', async () => {
		expect(await linkRuleCounts(db)).toEqual({
			by_rule: { reply_to: 4, continuation: 1, mention: 2, context: 0, none: 7 },
			between_people_by_rule: { reply_to: 3, continuation: 0, mention: 2, context: 0, none: 0 }
		});
	});
});
