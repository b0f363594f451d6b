import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseAnalysisSettings } from '../../settings/parse-analysis-settings';
import { bytesImportSource } from '../../ingest/sources/bytes-import-source';
import { parseRoster } from '../../ingest/members/parse-roster';
import { generateSampleCommunity } from '../../sample/generate-sample-community';
import { silentMembersAt } from '../drops/silent-members-at';
import { buildInteractionLinks } from '../links/build-interaction-links';
import { linkRatios } from '../links/link-ratios';
import { stageComparison } from './stage-comparison';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/metrics');
const COMMUNITY = 'resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv';
const settings = parseAnalysisSettings(readFileSync(resolve(fixtures, 'settings__2-stages-january-and-february-march_1-event.json'), 'utf8'));

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, COMMUNITY)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('stageComparison(db, stages)', () => {
	it('cuts every metric by stage; March has no data, so "February on" spans one month', async () => {
		// January: Mia 2, Ann 4, Ben 2. February: Mia 2, Cai 1, Ben 2 (Ann's image is media). Ann went silent in
		// January (measured on 2021-02-01 00:00); Cai in February (measured at the last message, 2021-02-28 09:00).
		expect(await stageComparison(db, settings.stages)).toEqual([
			{
				stage: 'January', start: '2021-01-01', end: '2021-01-31', months: 1, messages: 8, messages_per_month: 8, words: 18, likes: 7,
				active_members: 3, active_students: 2, new_members: 3, mentor_messages: 2, mentor_share: 0.25, silent_members: 1
			},
			{
				stage: 'February on', start: '2021-02-01', end: '2021-03-31', months: 1, messages: 5, messages_per_month: 5, words: 14, likes: 7,
				active_members: 3, active_students: 2, new_members: 1, mentor_messages: 2, mentor_share: 0.4, silent_members: 1
			}
		]);
	});

	it('leaves the link ratios to linkRatios: January is all mentor↔student replies, February has one student→student reply', async () => {
		await buildInteractionLinks(db);
		const rows = await stageComparison(db, settings.stages);
		const ratios = await linkRatios(db, { grain: 'stage', stages: settings.stages });
		// January: Ann→Mia (2, 7), Ben→Mia (3), Mia→Ann (6). February: Cai→Mia (10), Ben→Cai (11), Mia→Ben (14); all by reply_to.
		expect(ratios.map(({ period, links, mentor_to_student, student_to_mentor, student_to_student, peer_share, peer_share_min, peer_share_max }) => ({
			period, links, mentor_to_student, student_to_mentor, student_to_student, peer_share, peer_share_min, peer_share_max
		}))).toEqual([
			{ period: 'January', links: 4, mentor_to_student: 1, student_to_mentor: 3, student_to_student: 0, peer_share: 0, peer_share_min: null, peer_share_max: null },
			{ period: 'February on', links: 3, mentor_to_student: 1, student_to_mentor: 1, student_to_student: 1, peer_share: 1 / 3, peer_share_min: null, peer_share_max: null }
		]);
		expect(ratios.map(({ period, period_start, period_end, messages }) => ({ stage: period, start: period_start, end: period_end, messages }))).toEqual(
			rows.map(({ stage, start, end, messages }) => ({ stage, start, end, messages }))
		);
		expect(Object.keys(rows[0])).not.toContain('peer_share');
	});

	it('defines stage_messages so any query can be cut by stage; a stage outside the data is all zeros', async () => {
		const rows = await stageComparison(db, [
			{ name: 'Before', start: '2020-01-01', end: '2020-12-31' },
			{ name: 'Jan 10–11', start: '2021-01-10', end: '2021-01-11' }
		]);
		expect(rows[0]).toEqual({
			stage: 'Before', start: '2020-01-01', end: '2020-12-31', months: 0, messages: 0, messages_per_month: null, words: 0, likes: 0,
			active_members: 0, active_students: 0, new_members: 0, mentor_messages: 0, mentor_share: null, silent_members: 0
		});
		expect(rows[1]).toMatchObject({ months: 1, messages: 2, mentor_share: 0.5 });
		expect(await db.query('SELECT stage, message_id FROM stage_messages ORDER BY message_id::INTEGER')).toEqual([
			{ stage: 'Jan 10–11', message_id: '6' },
			{ stage: 'Jan 10–11', message_id: '7' }
		]);
		expect(await stageComparison(db, [])).toEqual([]);
	});
});

describe('stageComparison on the sample community', () => {
	it('counts, per stage, exactly the members silentMembersAt finds silent at the stage end with their last message in it', async () => {
		const sample = generateSampleCommunity();
		await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
			time_zone: sample.settings.time_zone,
			roster: parseRoster(sample.roster_csv).entries
		});
		const rows = await stageComparison(db, sample.settings.stages);
		const expected = [];
		for (const stage of sample.settings.stages) {
			const after = new Date(Date.parse(`${stage.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
			expected.push((await silentMembersAt(db, { until_exclusive: `${after} 00:00:00`, since: `${stage.start} 00:00:00` })).length);
		}
		expect(rows.map((row) => row.silent_members)).toEqual(expected);
		expect(expected.every((count) => count > 0)).toBe(true);
	});
});
