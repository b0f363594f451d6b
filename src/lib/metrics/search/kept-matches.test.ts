import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { KeptMatches } from './kept-matches';
import { matchingMessages } from './matching-messages';

const FIXTURES = resolve(import.meta.dirname, '../../../../tests/fixtures/search');
const WHOLE_WORDS = 'messages__the-whole-in-4_inside-them-bathe-theatre_phrase-the-plan_cafe-accent_digit-2-not-2020_chinese-substring.csv';
// m0…m449 in a shuffled file, three a minute (m9, m10 and m11 share one: the shorter id first); "the" in every id not divisible by 3.
const PAGES = 'messages__450-three-a-minute-shuffled_the-in-300_them-others-in-150.csv';

async function openDataset(file: string): Promise<Db> {
	const db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(FIXTURES, file)) }], { time_zone: 'UTC' });
	return db;
}

const ids = (rows: { message_id: string }[]) => rows.map((row) => row.message_id);

describe('plain words and phrases match whole words', () => {
	let db: Db;
	beforeAll(async () => (db = await openDataset(WHOLE_WORDS)));
	afterAll(async () => await db.close());
	const found = async (query: string) => ids(await matchingMessages(db, { query }, { limit: 100 }, { links: false }));

	it('"the" is found as a word in any case and beside signs, never inside them, others, bathe or THEATRE', async () => {
		expect(await found('the')).toEqual(['w01', 'w04', 'w05', 'w07']);
		expect(await found('THE end')).toEqual(['w04']);
	});

	it('a phrase is whole too: "the plan" is not the start of "the planet"', async () => {
		expect(await found('"the plan"')).toEqual(['w01']);
	});

	it('a letter with an accent is a letter, a digit is part of a number, and Chinese is found inside a run of text', async () => {
		expect(await found('CAFÉ')).toEqual(['w09']);
		expect(await found('caf')).toEqual([]);
		expect(await found('2')).toEqual(['w10']);
		expect(await found('例讨')).toEqual(['w08']);
	});
});

describe('KeptMatches', () => {
	let db: Db;
	beforeAll(async () => (db = await openDataset(PAGES)));
	afterAll(async () => await db.close());
	// The n-th match (0-based) in message order: two of every three messages.
	const nthMatch = (n: number) => `m${3 * Math.floor(n / 2) + 1 + (n % 2)}`;

	it('counts the matches once and reads page 2 as rows 101–200 of the whole ordered list', async () => {
		const matches = await KeptMatches.keep(db, { query: 'the' });
		try {
			expect(matches.total).toBe(300);
			const all = ids(await matches.page({ limit: 1000 }, { links: false }));
			expect(all).toEqual(Array.from({ length: 300 }, (_, n) => nthMatch(n)));
			const second = ids(await matches.page({ limit: 100, offset: 100 }, { links: false }));
			expect(second).toEqual(all.slice(100, 200));
			expect([second[0], second.at(-1)]).toEqual(['m151', 'm299']);
			expect(ids(await matches.page({ limit: 100, offset: 290 }, { links: false }))).toEqual(['m436', 'm437', 'm439', 'm440', 'm442', 'm443', 'm445', 'm446', 'm448', 'm449']);
			expect(await matches.page({ limit: 100, offset: 300 }, { links: false })).toEqual([]);
		} finally {
			await matches.drop();
		}
	});

	it('orders the messages of one minute by id length first (m9 before m10), with and without a query', async () => {
		const matches = await KeptMatches.keep(db, { month: '2021-06' });
		try {
			expect(matches.total).toBe(450);
			expect(ids(await matches.page({ limit: 4, offset: 8 }))).toEqual(['m8', 'm9', 'm10', 'm11']);
		} finally {
			await matches.drop();
		}
		const the = await KeptMatches.keep(db, { query: 'the' });
		try {
			expect(ids(await the.page({ limit: 3, offset: 5 }))).toEqual(['m8', 'm10', 'm11']);
		} finally {
			await the.drop();
		}
	});

	it('drop() removes its table', async () => {
		const matches = await KeptMatches.keep(db, { query: 'them' });
		await matches.drop();
		expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'kept_matches_%'`)).toEqual([]);
	});
});
