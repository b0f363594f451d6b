import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { parseRoster } from '../../ingest/members/parse-roster';
import { retentionCurves } from './retention-curves';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/metrics');
const COMMUNITY = 'resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv';
const ROSTER = 'roster__mentor-no-cohort_3-students-2-cohorts_1-lurker.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

describe('retentionCurves(db)', () => {
	it('Kaplan–Meier by cohort: Ann ended after 9 days; Ben (55 days) and Cai (0 days, 23 days before the end) are censored', async () => {
		await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, COMMUNITY)) }], {
			time_zone: 'UTC',
			roster: parseRoster(readFileSync(resolve(fixtures, ROSTER), 'utf8')).entries
		});
		const origin = (at_risk: number) => ({ time: 0, at_risk, events: 0, censored: 0, survival: 1 });
		const curves = await retentionCurves(db);
		// With three members the band is wide: at 9 days S = 0.5 in [0.006, 0.910], so the median is 9 (95% CI 9–∞).
		expect(curves[0].steps[2].lower).toBeCloseTo(0.5 ** Math.exp((1.959963984540054 * Math.sqrt(0.5)) / Math.LN2), 12);
		expect(curves[0].steps[2].upper).toBeCloseTo(0.5 ** Math.exp((-1.959963984540054 * Math.sqrt(0.5)) / Math.LN2), 12);
		expect(curves.map(({ steps, ...curve }) => ({ ...curve, steps: steps.map(({ lower, upper, ...step }) => step) }))).toEqual([
			{
				cohort: 'all',
				members: 3,
				ended: 1,
				censored: 2,
				median_span_days: 9,
				median_span_ci_days: [9, null],
				steps: [origin(3), { time: 0, at_risk: 3, events: 0, censored: 1, survival: 1 }, { time: 9, at_risk: 2, events: 1, censored: 0, survival: 0.5 }, { time: 55, at_risk: 1, events: 0, censored: 1, survival: 0.5 }]
			},
			{
				cohort: 'Class A',
				members: 2,
				ended: 1,
				censored: 1,
				median_span_days: 9,
				median_span_ci_days: [9, null],
				steps: [origin(2), { time: 9, at_risk: 2, events: 1, censored: 0, survival: 0.5 }, { time: 55, at_risk: 1, events: 0, censored: 1, survival: 0.5 }]
			},
			{ cohort: 'Class B', members: 1, ended: 0, censored: 1, median_span_days: null, median_span_ci_days: null, steps: [origin(1), { time: 0, at_risk: 1, events: 0, censored: 1, survival: 1 }] }
		]);
	});

	it('a window shorter than 23 days lets Cai’s activity end; without a roster there is only the `all` curve', async () => {
		await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, COMMUNITY)) }], { time_zone: 'UTC' });
		const [all, ...cohorts] = await retentionCurves(db, { censor_window_days: 22 });
		expect(cohorts).toEqual([]);
		expect(all).toMatchObject({ cohort: 'all', members: 3, ended: 2, censored: 1, median_span_days: 9 });
		expect(all.steps[1]).toMatchObject({ time: 0, at_risk: 3, events: 1, censored: 0, survival: 1 - 1 / 3 });
	});
});
