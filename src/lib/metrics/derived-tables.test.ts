import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { loadDataset } from '../ingest/load-dataset';
import { DEFAULT_TABLE_SETTINGS, derivedTablesKey, ensureTables, type TableSettings } from './derived-tables';
import { NO_FILTER } from './filter/data-filter';

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures/filters');
const GENERAL = 'general__mentor-ann-bob_jan-mar-2021_media-row_reply-across-months.csv';
const LAB = 'lab__ann-cy_feb-2021_sticker-row_last-minute-of-february.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});
const load = (files = [GENERAL, LAB]) => loadDataset(db, files.map((name) => ({ source: pathImportSource(resolve(fixtures, name)) })), { time_zone: 'UTC' });
const ids = async (table: string) => (await db.query<{ message_id: string }>(`SELECT message_id FROM ${table} ORDER BY message_id`)).map((row) => row.message_id);

const base: TableSettings = { ...DEFAULT_TABLE_SETTINGS, stages: [{ name: 'Winter', start: '2021-01-01', end: '2021-02-28' }] };
const ALL = ['members', 'roles', 'kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links'];

// The fixture: general a1–a6 (a4 media), lab b1–b3 (b2 a sticker); media and stickers are not counted by default.
describe('ensureTables(db, names, settings)', () => {
	it('builds what the tables read first, once, and nothing while the settings stay', async () => {
		await load();
		expect(await ensureTables(db, ['stage_messages', 'links'], base)).toEqual(ALL);
		expect(await ensureTables(db, ['stage_messages', 'links'], base)).toEqual([]);
		expect(await ensureTables(db, ['links'])).toEqual([]);
		expect(await ids('links')).toEqual(['a1', 'a2', 'a3', 'a5', 'a6', 'b1', 'b3']);
	});

	it('rebuilds exactly the tables that read a changed setting, directly or through another table', async () => {
		await load();
		await ensureTables(db, ['stage_messages', 'links'], base);
		const change = (settings: Partial<TableSettings>) => ensureTables(db, ['stage_messages', 'links'], { ...base, ...settings });
		expect(await change({ stages: [] })).toEqual(['stage_messages']);
		expect(await change({ filter: { ...NO_FILTER, from: '2021-02-01' } })).toEqual(['counted_messages', 'stage_messages', 'links']);
		expect(await ids('links')).toEqual(['a5', 'a6', 'b1', 'b3']);
		expect(await change({ roles: { Ann: 'mentor' } })).toEqual(['roles', 'kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links']);
		expect(await change({ roles: { Ann: 'mentor' }, excluded_kinds: ['system'] })).toEqual(['kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links']);
		expect(await ids('links')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3']);
		expect(await change({ merges: [{ into: 'Ann', from: ['Cy'] }] })).toEqual(ALL);
		expect(await change({})).toEqual(ALL);
	});

	it('without settings keeps the tables as they are (a load makes members and roles) and builds those missing from them', async () => {
		await load();
		expect(await ensureTables(db, ['links'])).toEqual(['kept_messages', 'kept_links', 'counted_messages', 'links']);
		expect(await ensureTables(db, ['links'])).toEqual([]);
		expect(await ensureTables(db, ['stage_messages'], { stages: [] })).toEqual(['stage_messages']);
		expect(await ensureTables(db, ['stage_messages'], { stages: [] })).toEqual(['stage_messages']);
	});

	it('rebuilds, even without settings, a table whose inputs were rebuilt since it was built', async () => {
		await load();
		await ensureTables(db, ['links'], base);
		expect(await ensureTables(db, ['counted_messages'], { filter: { ...NO_FILTER, sources: [LAB] } })).toEqual(['counted_messages']);
		expect(await ensureTables(db, ['links'])).toEqual(['links']);
		expect(await ids('links')).toEqual(['b1', 'b3']);
	});

	it('starts over after a load: what was built belongs to the dataset it was built on', async () => {
		await load();
		await ensureTables(db, ['links'], base);
		await load();
		expect(await ensureTables(db, ['links'], base)).toEqual(['members', 'roles', 'kept_messages', 'kept_links', 'counted_messages', 'links']);
	});

	it('after a load, also without settings, rebuilds what was built on the dataset before instead of keeping its rows', async () => {
		await load();
		await ensureTables(db, ['links']);
		await load([LAB]);
		expect(await ensureTables(db, ['links'])).toEqual(['kept_messages', 'kept_links', 'counted_messages', 'links']);
		expect(await ids('links')).toEqual(['b1', 'b3']);
	});
});

describe('derivedTablesKey(names, settings)', () => {
	it('changes with the settings the tables read, through the tables they read, and with nothing else', () => {
		const key = (names: Parameters<typeof derivedTablesKey>[0], settings: Partial<TableSettings>) => derivedTablesKey(names, { ...base, ...settings });
		expect(key(['kept_links'], { stages: [], filter: { ...NO_FILTER, from: '2021-02-01' } })).toBe(key(['kept_links'], {}));
		expect(key(['links'], { filter: { ...NO_FILTER, from: '2021-02-01' } })).not.toBe(key(['links'], {}));
		expect(key(['kept_links'], { roles: { Ann: 'mentor' } })).not.toBe(key(['kept_links'], {}));
		expect(key(['stage_messages'], { stages: [] })).not.toBe(key(['stage_messages'], {}));
		expect(key(['roles'], { roles: { Ann: 'mentor', Bob: 'student' } })).toBe(key(['roles'], { roles: { Bob: 'student', Ann: 'mentor' } }));
	});
});
