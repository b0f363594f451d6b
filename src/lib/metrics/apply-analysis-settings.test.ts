import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { loadDataset } from '../ingest/load-dataset';
import { monthlySeries } from './monthly-series';
import { applyAnalysisSettings } from './apply-analysis-settings';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';

const COMMUNITY = 'resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../tests/fixtures/metrics', COMMUNITY)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('applyAnalysisSettings(db, settings)', () => {
	it('gives roles by author name to messages and members, counts media when asked, and defines the stages', async () => {
		await applyAnalysisSettings(
			db,
			parseAnalysisSettings({ roles: { Ben: 'TA' }, excluded_kinds: [], stages: [{ name: 'February', start: '2021-02-01', end: '2021-02-28' }] })
		);
		expect(await db.query(`SELECT role, count(*)::INTEGER AS n FROM messages WHERE author_name = 'Ben' GROUP BY role`)).toEqual([{ role: 'ta', n: 4 }]);
		expect(await db.query(`SELECT role FROM members WHERE author_id = 'Ben'`)).toEqual([{ role: 'ta' }]);
		expect((await monthlySeries(db)).map((month) => [month.month, month.messages, month.active_students])).toEqual([
			['2021-01', 8, 1],
			['2021-02', 6, 2]
		]);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM stage_messages')).toEqual([{ n: 6 }]);
	});

	it('gives authors their imported role back when an override is removed, also after another dataset is loaded', async () => {
		const roleOf = async (author: string) => [
			...(await db.query<{ role: string }>('SELECT DISTINCT role FROM messages WHERE author_name = ?', [author])),
			...(await db.query<{ role: string }>('SELECT role FROM members WHERE author_name = ?', [author]))
		].map((row) => row.role);
		await applyAnalysisSettings(db, parseAnalysisSettings({ roles: { Ben: 'TA', Mia: 'student' } }));
		expect([await roleOf('Ben'), await roleOf('Mia')]).toEqual([['ta', 'ta'], ['student', 'student']]);
		await applyAnalysisSettings(db, parseAnalysisSettings({ roles: { Mia: 'observer' } }));
		expect([await roleOf('Ben'), await roleOf('Mia')]).toEqual([['student', 'student'], ['observer', 'observer']]);
		await applyAnalysisSettings(db, parseAnalysisSettings({}));
		expect([await roleOf('Ben'), await roleOf('Mia')]).toEqual([['student', 'student'], ['mentor', 'mentor']]);
		await applyAnalysisSettings(db, parseAnalysisSettings({ roles: { Ann: 'TA' } }));
		await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../tests/fixtures/metrics', COMMUNITY)) }], { time_zone: 'UTC' });
		await applyAnalysisSettings(db, parseAnalysisSettings({}));
		expect(await roleOf('Ann')).toEqual(['student', 'student']);
	});
});
