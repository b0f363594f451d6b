import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { matchingMessages, type MatchingMessage } from './matching-messages';

const DATASET = 'messages__mentor-3-students_jan-mar-2021_empty-february_chinese-english_case-study-phrases_formula-text_media-row.csv';

// The fixture's counted messages (m04 is media, never counted); m02 and m08 reply explicitly, the
// others have no parent (build-interaction-links.test.ts checks how links are found).
const m01: MatchingMessage = { message_id: 'm01', timestamp: '2021-01-04 09:00:00', author_id: 'u1', author: '王老师', role: 'mentor', text: 'Task: read chapter 2 before Friday. 请大家周五前读完第二章', likes: 3, parent_id: null, parent_author: null, rule: 'none' };
const m02: MatchingMessage = { message_id: 'm02', timestamp: '2021-01-04 09:05:00', author_id: 'u2', author: 'Li Lei', role: 'student', text: '好的，第二章我已经开始读了', likes: 1, parent_id: 'm01', parent_author: '王老师', rule: 'reply_to' };
const m03: MatchingMessage = { message_id: 'm03', timestamp: '2021-01-04 09:20:00', author_id: 'u3', author: 'Ann', role: 'student', text: 'Which Chapter? the "case study" one?', likes: 0, parent_id: null, parent_author: null, rule: 'none' };
const m05: MatchingMessage = { message_id: 'm05', timestamp: '2021-01-15 20:00:00', author_id: 'u4', author: 'Bob', role: 'student', text: '=1+1', likes: 0, parent_id: null, parent_author: null, rule: 'none' };
const m06: MatchingMessage = { message_id: 'm06', timestamp: '2021-01-31 23:59:59', author_id: 'u2', author: 'Li Lei', role: 'student', text: 'Case study on chapter 3 is hard', likes: 2, parent_id: null, parent_author: null, rule: 'none' };
const m07: MatchingMessage = { message_id: 'm07', timestamp: '2021-03-01 00:00:00', author_id: 'u1', author: '王老师', role: 'mentor', text: 'Case Study: 第三章 病例讨论 tomorrow', likes: 5, parent_id: null, parent_author: null, rule: 'none' };
const m08: MatchingMessage = { message_id: 'm08', timestamp: '2021-03-02 10:00:00', author_id: 'u3', author: 'Ann', role: 'student', text: 'reading chapter 3 now, case study next', likes: 1, parent_id: 'm07', parent_author: '王老师', rule: 'reply_to' };
const ALL = { limit: 100 };

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/search', DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('matchingMessages(db, filters, page)', () => {
	it('with links: false, parent, its author and rule are null, and no links table is built (this runs first)', async () => {
		const unknown = { parent_id: null, parent_author: null, rule: null };
		expect(await matchingMessages(db, { month: '2021-03' }, ALL, { links: false })).toEqual([{ ...m07, ...unknown }, { ...m08, ...unknown }]);
		expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'links'`)).toEqual([]);
	});

	it('without filters: every counted message in time order with its link (built when there is no links table), media left out', async () => {
		expect(await matchingMessages(db, {}, ALL)).toEqual([m01, m02, m03, m05, m06, m07, m08]);
	});

	it('a month holds its first and last second', async () => {
		expect(await matchingMessages(db, { month: '2021-01' }, ALL)).toEqual([m01, m02, m03, m05, m06]);
		expect(await matchingMessages(db, { month: '2021-02' }, ALL)).toEqual([]);
		expect(await matchingMessages(db, { month: '2021-03' }, ALL)).toEqual([m07, m08]);
	});

	it('from and to are whole days, both included', async () => {
		expect(await matchingMessages(db, { from: '2021-01-15', to: '2021-03-01' }, ALL)).toEqual([m05, m06, m07]);
		expect(await matchingMessages(db, { from: '2021-03-02' }, ALL)).toEqual([m08]);
		expect(await matchingMessages(db, { to: '2021-01-04' }, ALL)).toEqual([m01, m02, m03]);
	});

	it('a member by name or by id', async () => {
		expect(await matchingMessages(db, { member: 'Ann' }, ALL)).toEqual([m03, m08]);
		expect(await matchingMessages(db, { member: 'u2' }, ALL)).toEqual([m02, m06]);
		expect(await matchingMessages(db, { member: '王老师' }, ALL)).toEqual([m01, m07]);
		expect(await matchingMessages(db, { member: 'nobody' }, ALL)).toEqual([]);
	});

	it('a query of words (any case, Chinese as substrings), a quoted phrase (as written) or a regular expression', async () => {
		expect(await matchingMessages(db, { query: 'chapter' }, ALL)).toEqual([m01, m03, m06, m08]);
		expect(await matchingMessages(db, { query: '第二章' }, ALL)).toEqual([m01, m02]);
		expect(await matchingMessages(db, { query: 'case 第三章' }, ALL)).toEqual([m07]);
		expect(await matchingMessages(db, { query: 'case study' }, ALL)).toEqual([m03, m06, m07, m08]);
		expect(await matchingMessages(db, { query: '"case study"' }, ALL)).toEqual([m03, m08]);
		expect(await matchingMessages(db, { query: '/chapter [23]/' }, ALL)).toEqual([m01, m06, m08]);
		expect(await matchingMessages(db, { query: '^=', regex: true }, ALL)).toEqual([m05]);
	});

	it('every filter given must hold', async () => {
		expect(await matchingMessages(db, { month: '2021-01', member: 'Li Lei', query: 'chapter' }, ALL)).toEqual([m06]);
		expect(await matchingMessages(db, { from: '2021-01-01', to: '2021-03-01', query: '"case study"' }, ALL)).toEqual([m03]);
	});

	it('pages with limit and offset in the same order', async () => {
		expect(await matchingMessages(db, {}, { limit: 3 })).toEqual([m01, m02, m03]);
		expect(await matchingMessages(db, {}, { limit: 3, offset: 3 })).toEqual([m05, m06, m07]);
		expect(await matchingMessages(db, {}, { limit: 3, offset: 6 })).toEqual([m08]);
		expect(await matchingMessages(db, {}, { limit: 3, offset: 9 })).toEqual([]);
	});

	it('refuses a date, month or query that cannot be read, saying which', async () => {
		await expect(matchingMessages(db, { month: '2021-13' }, ALL)).rejects.toThrow('month: “2021-13” is not a month (YYYY-MM)');
		await expect(matchingMessages(db, { from: '2021-02-30' }, ALL)).rejects.toThrow('from: “2021-02-30” is not a date (YYYY-MM-DD).');
		await expect(matchingMessages(db, { from: '2021-03-01', to: '2021-01-31' }, ALL)).rejects.toThrow('from: the first day, 2021-03-01, is after the last day, 2021-01-31');
		await expect(matchingMessages(db, { query: '/[z-a]/' }, ALL)).rejects.toThrow('invalid regular expression /[z-a]/: invalid character class range: z-a');
		await expect(matchingMessages(db, {}, { limit: -1 })).rejects.toThrow(RangeError);
	});
});
