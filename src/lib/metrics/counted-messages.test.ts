import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { loadDataset } from '../ingest/load-dataset';
import { defineCountedMessages, DEFAULT_COUNT_FILTER } from './counted-messages';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import { filterOptions } from './filter/filter-options';
import { buildInteractionLinks } from './links/build-interaction-links';

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures/filters');
const GENERAL = 'general__mentor-ann-bob_jan-mar-2021_media-row_reply-across-months.csv';
const LAB = 'lab__ann-cy_feb-2021_sticker-row_last-minute-of-february.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [GENERAL, LAB].map((name) => ({ source: pathImportSource(resolve(fixtures, name)) })), { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

async function counted(filter: Partial<DataFilter>, excluded_kinds = DEFAULT_COUNT_FILTER.excluded_kinds): Promise<string[]> {
	await defineCountedMessages(db, { excluded_kinds, filter: { ...NO_FILTER, ...filter } });
	return (await db.query<{ message_id: string }>('SELECT message_id FROM counted_messages ORDER BY message_id')).map((row) => row.message_id);
}

// The fixture: general a1–a6 (a4 media), lab b1–b3 (b2 a sticker); media and stickers are not counted by default.
describe('counted_messages under a filter', () => {
	it('counts every message of the counted kinds without a filter', async () => {
		expect(await counted({})).toEqual(['a1', 'a2', 'a3', 'a5', 'a6', 'b1', 'b3']);
	});

	it('keeps whole days from `from` to `to`, both included, in the dataset wall clock', async () => {
		// a3 is 2021-01-31 23:30, the day before; b3 is 2021-02-28 23:59, the last minute of the last day
		expect(await counted({ from: '2021-02-01', to: '2021-02-28' })).toEqual(['a5', 'b1', 'b3']);
		expect(await counted({ from: '2021-03-01' })).toEqual(['a6']);
		expect(await counted({ to: '2021-01-05' })).toEqual(['a1', 'a2']);
	});

	it('keeps the chosen members, roles, sources and kinds', async () => {
		expect(await counted({ members: ['Ann', 'Cy'] })).toEqual(['a2', 'a5', 'b1', 'b3']);
		expect(await counted({ roles: ['mentor'] })).toEqual(['a1', 'a6']);
		expect(await counted({ sources: [LAB] })).toEqual(['b1', 'b3']);
		expect(await counted({ kinds: ['media', 'sticker'] }, ['system'])).toEqual(['a4', 'b2']);
		// a kind the settings leave out stays out: the filter only narrows
		expect(await counted({ kinds: ['media'] })).toEqual([]);
	});

	it('keeps only what every part of the filter keeps', async () => {
		expect(await counted({ from: '2021-02-01', roles: ['student'], sources: [GENERAL] })).toEqual(['a5']);
		expect(await counted({ from: '2021-02-01', to: '2021-02-28', members: ['Ann', 'Cy'], sources: [LAB], kinds: ['text'] })).toEqual(['b1', 'b3']);
		expect(await counted({ members: ['Ann'], roles: ['mentor'] })).toEqual([]);
	});

	it('binds values as data: a quote in a value is a value', async () => {
		expect(await counted({ members: ["Ann' OR '1'='1"], sources: ["x') OR TRUE --"] })).toEqual([]);
	});

	it('refuses a day that is not a date', async () => {
		await expect(defineCountedMessages(db, { excluded_kinds: [], filter: { ...NO_FILTER, from: '2021-02-30' } })).rejects.toThrow(/not a date/);
	});

	it('leaves members outside the chosen members and roles out of counted_members', async () => {
		const members = async () => (await db.query<{ author_id: string }>('SELECT author_id FROM counted_members ORDER BY author_id')).map((row) => row.author_id);
		await counted({ roles: ['student'], from: '2021-03-01' });
		expect(await members()).toEqual(['Ann', 'Bob', 'Cy']);
		await counted({ members: ['Bob', 'Mentor'], roles: ['student'] });
		expect(await members()).toEqual(['Bob']);
		await counted({});
		expect(await members()).toEqual(['Ann', 'Bob', 'Cy', 'Mentor']);
	});
});

describe('links under a filter', () => {
	it('are found on the whole chat and counted for the messages inside the filter', async () => {
		await counted({});
		await buildInteractionLinks(db);
		await counted({ from: '2021-02-01', to: '2021-02-28' });
		const rows = await db.query('SELECT message_id, parent_id, rule, author_id, parent_author_id FROM links ORDER BY message_id');
		// a5 answers a3, from January, outside the filter: its parent stays, no later message takes its place
		expect(rows).toEqual([
			{ message_id: 'a5', parent_id: 'a3', rule: 'reply_to', author_id: 'Ann', parent_author_id: 'Bob' },
			{ message_id: 'b1', parent_id: null, rule: 'none', author_id: 'Cy', parent_author_id: null },
			{ message_id: 'b3', parent_id: null, rule: 'none', author_id: 'Cy', parent_author_id: null }
		]);
		// found again while the filter is on, the links are the same
		await buildInteractionLinks(db);
		expect(await db.query('SELECT message_id, parent_id, rule, author_id, parent_author_id FROM links ORDER BY message_id')).toEqual(rows);
		await counted({});
		expect(await db.query<{ links: number }>('SELECT count(*)::INTEGER AS links FROM links')).toEqual([{ links: 7 }]);
	});
});

describe('filterOptions', () => {
	it('lists the days, members, roles, sources and kinds of the kept messages, before any filter', async () => {
		await counted({ roles: ['mentor'] });
		expect(await filterOptions(db)).toEqual({
			first_day: '2021-01-05',
			last_day: '2021-03-01',
			members: [
				{ author_id: 'Ann', author_name: 'Ann', role: 'student', messages: 2 },
				{ author_id: 'Bob', author_name: 'Bob', role: 'student', messages: 1 },
				{ author_id: 'Cy', author_name: 'Cy', role: 'student', messages: 2 },
				{ author_id: 'Mentor', author_name: 'Mentor', role: 'mentor', messages: 2 }
			],
			roles: ['mentor', 'student'],
			sources: [GENERAL, LAB],
			kinds: ['text']
		});
	});
});
