import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../load-dataset';
import type { RosterEntry } from './parse-roster';
import { resolveRoles } from './resolve-roles';

const QQ = resolve(import.meta.dirname, '../../../../tests/fixtures/roles/qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt');

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

const load = (roster?: RosterEntry[]) => loadDataset(db, [{ source: pathImportSource(QQ) }], { time_zone: 'Asia/Shanghai', roster });
const members = () =>
	db.query('SELECT author_id, author_name, role, role_assumed FROM members ORDER BY author_id');
const messageRoles = () =>
	db.query('SELECT author_id, role, count(*)::INTEGER AS messages FROM messages GROUP BY ALL ORDER BY author_id');

describe('resolveRoles(db, overrides)', () => {
	it('leaves every role unknown when nobody is a mentor', async () => {
		await load();
		await resolveRoles(db, {});
		expect(await messageRoles()).toEqual([
			{ author_id: '10001', role: null, messages: 6 },
			{ author_id: '10002', role: null, messages: 1 },
			{ author_id: '10003', role: null, messages: 5 },
			{ author_id: '10004', role: null, messages: 5 },
			{ author_id: '10005', role: null, messages: 3 }
		]);
		expect((await members()).map((member) => member.role_assumed)).toEqual([false, false, false, false, false]);
		expect(await db.query('SELECT author_id, hint FROM members WHERE hint IS NOT NULL ORDER BY author_id')).toEqual([
			{ author_id: '10001', hint: 'QQ group owner' },
			{ author_id: '10002', hint: 'QQ group admin' }
		]);
	});

	it('makes every other member a student, marked assumed, when an override names only the mentor', async () => {
		await load();
		await resolveRoles(db, { 'Dan老师': 'mentor' });
		expect(await members()).toEqual([
			{ author_id: '10001', author_name: 'Dan老师', role: 'mentor', role_assumed: false },
			{ author_id: '10002', author_name: 'Lin', role: 'student', role_assumed: true },
			{ author_id: '10003', author_name: 'Amy', role: 'student', role_assumed: true },
			{ author_id: '10004', author_name: 'Bo', role: 'student', role_assumed: true },
			{ author_id: '10005', author_name: 'Cai', role: 'student', role_assumed: true }
		]);
		expect(await messageRoles()).toEqual([
			{ author_id: '10001', role: 'mentor', messages: 6 },
			{ author_id: '10002', role: 'student', messages: 1 },
			{ author_id: '10003', role: 'student', messages: 5 },
			{ author_id: '10004', role: 'student', messages: 5 },
			{ author_id: '10005', role: 'student', messages: 3 }
		]);
	});

	it('does the same for a roster that names only the mentor, and keeps the roles a roster or override gives', async () => {
		await load([{ author: '10001', role: 'mentor', cohort: null }, { author: 'Lin', role: 'ta', cohort: null }]);
		await resolveRoles(db, { '10005': 'observer' });
		expect(await members()).toEqual([
			{ author_id: '10001', author_name: 'Dan老师', role: 'mentor', role_assumed: false },
			{ author_id: '10002', author_name: 'Lin', role: 'ta', role_assumed: false },
			{ author_id: '10003', author_name: 'Amy', role: 'student', role_assumed: true },
			{ author_id: '10004', author_name: 'Bo', role: 'student', role_assumed: true },
			{ author_id: '10005', author_name: 'Cai', role: 'observer', role_assumed: false }
		]);
		expect((await messageRoles()).map((row) => row.role)).toEqual(['mentor', 'ta', 'student', 'student', 'observer']);
	});

	it('gives every member their unknown role back when the mentor override is removed', async () => {
		await load();
		await resolveRoles(db, { '10001': 'mentor' });
		await resolveRoles(db, {});
		expect((await members()).map((member) => [member.role, member.role_assumed])).toEqual(Array(5).fill([null, false]));
		expect((await messageRoles()).map((row) => row.role)).toEqual([null, null, null, null, null]);
	});
});
