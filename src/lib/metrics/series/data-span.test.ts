import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { defineCountedMessages } from '../counted-messages';
import { dataSpan } from './data-span';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/metrics/resonance__sunday-monday-week-boundary_empty-week_media-row.csv');
	await loadDataset(db, [{ source: pathImportSource(fixture) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('dataSpan(db)', () => {
	it('covers 18 calendar days from the Sunday 23:30 message to the 20 January one, both days included', async () => {
		expect(await dataSpan(db)).toEqual({ first_message_at: '2021-01-03 23:30:00', last_message_at: '2021-01-20 12:00:00', days: 18 });
	});

	it('is empty (0 days) when no message is counted', async () => {
		await defineCountedMessages(db, { excluded_kinds: ['text', 'media'] });
		expect(await dataSpan(db)).toEqual({ first_message_at: null, last_message_at: null, days: 0 });
		await defineCountedMessages(db);
	});
});
