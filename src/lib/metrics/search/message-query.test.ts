import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { messageQuery } from './message-query';

const TEXTS = [
	['t1', 'Read Chapter 2 before Friday'],
	['t2', '请大家周五前读完第二章'],
	['t3', 'the "case study" for chapter 3'],
	['t4', 'Case Study: 第三章 病例讨论'],
	['t5', null],
	['t6', 'chapter 20, case  study'],
	['t7', 'Straße: learn C++ (basics)? [ÉTÉ]']
] as const;

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await db.exec('CREATE TABLE texts (id VARCHAR, text VARCHAR)');
	for (const row of TEXTS) await db.query('INSERT INTO texts VALUES (?, ?)', [...row]);
});
afterAll(async () => {
	await db.close();
});

/** The ids of the texts a query matches, run through DuckDB. */
async function matches(input: string, options: { regex?: boolean } = {}): Promise<string[]> {
	const query = await messageQuery(db, input, options);
	const rows = await db.query<{ id: string }>(`SELECT id FROM texts WHERE ${query.sql} ORDER BY id`, query.params);
	return rows.map((row) => row.id);
}

describe('messageQuery(db, input)', () => {
	it('splits plain words on spaces and keeps "quoted phrases" whole; an unclosed quote runs to the end', async () => {
		expect(await messageQuery(db, '  chapter "case study"  第三章 "病例 讨')).toMatchObject({
			words: ['chapter', '第三章'],
			phrases: ['case study', '病例 讨'],
			pattern: null
		});
	});

	it('matches when every word occurs, ignoring case, Chinese words as substrings', async () => {
		expect(await matches('CHAPTER')).toEqual(['t1', 't3', 't6']);
		expect(await matches('第二章')).toEqual(['t2']);
		expect(await matches('二章 周五')).toEqual(['t2']);
		expect(await matches('case study')).toEqual(['t3', 't4', 't6']);
		expect(await matches('case 第三章')).toEqual(['t4']);
		expect(await matches('STRASSE')).toEqual([]);
		expect(await matches('straße été')).toEqual(['t7']);
	});

	it('takes every character of a plain word literally, regular expression signs included', async () => {
		expect(await matches('c++ (BASICS)? [été]')).toEqual(['t7']);
		expect(await matches('.*')).toEqual([]);
		expect(await matches('\\d')).toEqual([]);
		expect(await matches('chapter_2')).toEqual([]);
		expect(await matches('%chapter')).toEqual([]);
	});

	it('matches a quoted phrase only as written: spaces and case included', async () => {
		expect(await matches('"case study"')).toEqual(['t3']);
		expect(await matches('"Case Study"')).toEqual(['t4']);
		expect(await matches('"Chapter 2" friday')).toEqual(['t1']);
		// Whole, as words are: not the start of "chapter 20".
		expect(await matches('"chapter 2"')).toEqual([]);
		expect(await matches('"chapter 20"')).toEqual(['t6']);
	});

	it('reads /…/ as an RE2 regular expression, /…/i ignoring case, or any text with regex: true', async () => {
		expect(await messageQuery(db, '/chapter \\d$/i')).toMatchObject({ words: [], phrases: [], pattern: '(?i)chapter \\d$' });
		expect(await matches('/chapter [23]\\b/')).toEqual(['t3']);
		expect(await matches('/chapter [23]\\b/i')).toEqual(['t1', 't3']);
		expect(await matches('^请|病例', { regex: true })).toEqual(['t2', 't4']);
	});

	it('refuses a regular expression RE2 cannot run, saying why, before it is used', async () => {
		await expect(messageQuery(db, '/(a/')).rejects.toThrow('invalid regular expression /(a/: missing ): (a');
		await expect(messageQuery(db, '/a(?=b)/')).rejects.toThrow('invalid regular expression /a(?=b)/: invalid perl operator: (?=');
		await expect(messageQuery(db, '//')).rejects.toThrow('the regular expression is empty');
	});

	it('refuses a query with nothing to look for', async () => {
		await expect(messageQuery(db, '   ')).rejects.toThrow('the query has no words to look for');
		await expect(messageQuery(db, '"" ""')).rejects.toThrow('the query has no words to look for');
	});

	it('binds the typed text as parameters: SQL in a query is only text to look for', async () => {
		const query = await messageQuery(db, `') OR 1=1; DROP TABLE texts; --`);
		expect(query.sql).not.toContain('DROP');
		expect(await matches(`') OR 1=1; DROP TABLE texts; --`)).toEqual([]);
		expect(await matches(`/'; DROP TABLE texts; --/`)).toEqual([]);
		expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM texts'))[0].n).toBe(7);
	});
});
