import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import { loadDataset } from '../load-dataset';
import { discordJson } from './discord-json';
import { jsonItemLines } from './json-item-lines';
import { nestedDeeperThan } from './nested-deeper-than';
import { slackZip } from './slack-zip';
import { telegramJson } from './telegram-json';

const encoder = new TextEncoder();
const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const options = { time_zone: 'UTC' };

/** Two Telegram messages on lines 2 and 3; the second's text is nested `depth` levels deep. */
const telegram = (depth: number) =>
	`{"name": "G", "type": "private_group", "id": 1, "messages": [
 {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "user1", "text": "ok"},
 {"id": 2, "type": "message", "date_unixtime": "1700000060", "from": "B", "from_id": "user2", "text": ${nested(depth)}},
 {"id": 3, "type": "message", "date_unixtime": "1700000120", "from": "A", "from_id": "user1", "text": ["plain ", {"type": "bold", "text": "bold"}]}
]}`;

describe('nestedDeeperThan(value, limit)', () => {
	test('counts objects and arrays, not scalars; stops at the limit without recursion', () => {
		expect(nestedDeeperThan('text', 0)).toBe(false);
		expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 3)).toBe(false);
		expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 2)).toBe(true);
		expect(nestedDeeperThan(JSON.parse(nested(200_000)), 32)).toBe(true);
		expect(nestedDeeperThan(JSON.parse(nested(32)), 32)).toBe(false);
	});
});

describe('a message nested 100,000 levels deep (a 200 KB file) is one rejected row, not a crash', () => {
	test('jsonItemLines finds the message lines of a file with a value nested 1,000,000 levels', () => {
		expect(jsonItemLines(telegram(1_000_000), /^messages$/)).toEqual(new Map([['messages', [2, 3, 4]]]));
	});

	test('Telegram: the message is rejected at its line; the others are imported', () => {
		const parsed = telegramJson.parse({ name: 'result.json', bytes: encoder.encode(telegram(100_000)) }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([
			[2, 'ok'],
			[4, 'plain bold']
		]);
		expect(parsed.rejected).toEqual([{ line: 3, reason: 'a message nested more than 32 levels deep (damaged or not an export)' }]);
	});

	test('Discord JSON: an embed nested 100,000 levels deep rejects its message at its line', () => {
		const file = `{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"}, "messages": [
 {"id": "10", "type": "Default", "timestamp": "2024-02-05T10:00:00+00:00", "content": "hi", "author": {"id": "7", "name": "ann"}},
 {"id": "11", "type": "Default", "timestamp": "2024-02-05T10:01:00+00:00", "content": "deep", "author": {"id": "8", "name": "bo"}, "embeds": ${nested(100_000)}}
]}`;
		const parsed = discordJson.parse({ name: 'general.json', bytes: encoder.encode(file) }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([[2, 'hi']]);
		expect(parsed.rejected).toEqual([{ line: 3, reason: 'a message nested more than 32 levels deep (damaged or not an export)' }]);
	});

	test('Slack: blocks nested 100,000 levels deep reject that message at its line in the day file', () => {
		const day = `[\n {"type": "message", "user": "U1", "text": "hi", "ts": "1452000000.000100"},\n {"type": "message", "user": "U1", "text": "deep", "ts": "1452000060.000100", "blocks": ${nested(100_000)}}\n]`;
		const zip = zipSync({
			'users.json': strToU8('[{"id": "U1", "name": "ann"}]'),
			'channels.json': strToU8('[{"id": "C1", "name": "general"}]'),
			'general/2016-01-05.json': strToU8(day)
		});
		const parsed = slackZip.parse({ name: 'export.zip', bytes: zip }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([[2, 'hi']]);
		expect(parsed.rejected).toEqual([{ line: 3, reason: 'general/2016-01-05.json, message 2: nested more than 32 levels deep (damaged or not an export)' }]);
	});

	describe('through loadDataset', () => {
		let db: Db;
		beforeAll(async () => {
			db = await createNodeDb();
		});
		afterAll(async () => {
			await db?.close();
		});

		test('the 200 KB Telegram file imports 2 messages and reports the third at line 3', async () => {
			const bytes = encoder.encode(telegram(100_000));
			expect(bytes.length).toBeGreaterThan(200_000);
			const [report] = await loadDataset(db, [{ source: bytesImportSource('result.json', bytes) }], options);
			expect(report).toMatchObject({ format: 'telegram-json', rows: 2, rejected: 1, errors: [{ line: 3, reason: 'a message nested more than 32 levels deep (damaged or not an export)' }] });
		});
	});
});
