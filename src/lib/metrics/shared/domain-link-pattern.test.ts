import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import { highlightSegments } from '../../components/highlight-segments';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { countMatchingMessages } from '../search/count-matching-messages';
import { domainLinkPattern } from './domain-link-pattern';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/shared');
const SHARED = 'shared__urls-in-chinese_www-and-no-www_zwj-emoji_skin-tones_whatsapp-and-qq-media_empty-april.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, SHARED)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

describe('domainLinkPattern', () => {
	it('finds the counted messages behind a domain of sharedItems: example.com in m1 and m2, github.com in m2 and m9, baidu.com in m1', async () => {
		const messages = (domain: string) => countMatchingMessages(db, { query: domainLinkPattern(domain), regex: true });
		expect([await messages('example.com'), await messages('github.com'), await messages('baidu.com')]).toEqual([2, 2, 1]);
	});

	it('matches the host itself, with or without www. and user info, and no longer host', async () => {
		const texts = ['http://example.com', 'see www.example.com.', 'https://user@WWW.Example.com:8080/x', 'https://sub.example.com', 'http://example.com.cn', 'https://notexample.com', 'example.com'];
		const matches = [];
		for (const text of texts) matches.push((await db.query<{ hit: boolean }>('SELECT regexp_matches(?, ?) AS hit', [text, domainLinkPattern('example.com')]))[0].hit);
		expect(matches).toEqual([true, true, true, false, false, false, false]);
	});

	it('is read by JavaScript too, so the Messages panel marks the link', () => {
		expect(highlightSegments('看这个https://www.Example.com/a，好', domainLinkPattern('example.com'), { regex: true })).toEqual([
			{ text: '看这个', marked: false },
			{ text: 'https://www.Example.com/', marked: true },
			{ text: 'a，好', marked: false }
		]);
	});
});
