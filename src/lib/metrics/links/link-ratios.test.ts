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

// Hand-computed from the fixture's links (build-interaction-links.test.ts checks how they are found):
// explicit j4 Ann→Bob, j5 Mentor→Ann, r5 Mentor→Mentor (own message), r6 Ann→Mentor; inferred j3 Bob→Ann
// (names Ann), r2 Cy→Bob ("Bob: …"), r3 Cy→Cy (continuation); every other message has no parent.
// Explicit replies are 4 of 14 counted messages (≥ 20%), so the headline counts them alone, and links to
// oneself (r3, r5) never count.
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
	mentor_message_share: 2 / 7,
	// A→B, M→A: neither answered back
	reciprocity: 0,
	// partners A 2, M 1, B 1, Guest 0, Cy 0: Σ(2 − d) = 6 over (5 − 1)(5 − 2)
	degree_centralization: 6 / 12,
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
	mentor_message_share: 2 / 7,
	reciprocity: 0,
	// A→M only: partners A 1, M 1, Bob 0, Cy 0: Σ(1 − d) = 2 over 3·2
	degree_centralization: 2 / 6,
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
			mentor_message_share: 4 / 14,
			// A→B, M→A, A→M: M↔A reciprocated
			reciprocity: 2 / 3,
			// partners A 2, M 1, B 1, Guest 0, Cy 0: Σ(2 − d) = 6 over 12
			degree_centralization: 6 / 12,
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
		await db.exec(`CREATE OR REPLACE TABLE links AS
			SELECT seq, message_id, parent_id, rule, 'by hand' AS reason, author_id, parent_author_id, TIMESTAMP '2021-01-05 10:00:00' AS sent_at, role, parent_role
			FROM (VALUES ${rows.join(', ')}) t(seq, message_id, parent_id, rule, author_id, parent_author_id, role, parent_role)`);
		const [row] = await linkRatios(db, { grain: 'stage', stages: [{ name: 'Day', start: '2021-01-05', end: '2021-01-05' }] });
		return row;
	}
	afterAll(async () => {
		await buildInteractionLinks(db);
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
