import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { telegramJson } from './telegram-json';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const chat = (messages: unknown[]) => ({ name: 'x.json', bytes: encoder.encode(JSON.stringify({ name: 'G', type: 'private_group', id: 1, messages }, null, 1)) });

describe('telegramJson.parse', () => {
	test.each([
		'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json',
		'telegram__full-account_4-chats_prefixed-ids_cross-chat-reply_forum-topic_2-rejects.json'
	])('%s gives exactly the expected rows, rejects, kinds and authors', (name) => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.json$/, '.expected.json')), 'utf8'));
		expect(exportSummary(telegramJson.parse(read(name), options))).toEqual(expected);
	});

	test('date_unixtime is converted into the dataset zone; the naive date is only a fallback', () => {
		const file = chat([
			{ id: 1, type: 'message', date: '2024-01-01T08:00:00', date_unixtime: '1704067200', from: 'A', from_id: 'user1', text: 'epoch wins' },
			{ id: 2, type: 'message', date: '2024-01-01T08:00:00', from: 'A', from_id: 'user1', text: 'naive, taken as is' }
		]);
		const parsed = telegramJson.parse(file, { time_zone: 'Europe/Berlin' });
		expect(parsed.messages.map((message) => message.sent_at)).toEqual(['2024-01-01 01:00:00', '2024-01-01 08:00:00']);
		expect(parsed.capabilities.timezone_aware).toBe(false);
	});

	test('likes are null for every message when no message in the file has reactions', () => {
		const file = chat([{ id: 1, type: 'message', date_unixtime: '1704067200', from: 'A', from_id: 'user1', text: 'hi' }]);
		const parsed = telegramJson.parse(file, options);
		expect(parsed.capabilities.likes).toBe(false);
		expect(parsed.messages[0].likes).toBeNull();
	});

	test('a file that is not JSON, or JSON without messages, is refused with a one-line reason', () => {
		expect(() => telegramJson.parse({ name: 'r.json', bytes: encoder.encode('{"messages": [') }, options)).toThrow(/^r\.json is not valid JSON/);
		expect(() => telegramJson.parse({ name: 'r.json', bytes: encoder.encode('{"name": "x"}') }, options)).toThrow(
			/not a Telegram Desktop export/
		);
	});

	test('every unreadable message is rejected at the line its object starts, and the count still adds up', () => {
		const file = chat([null, 7, { id: 'x', type: 'message' }, { id: 3, type: 'message', date: 'soon', text: 'hi' }]);
		const parsed = telegramJson.parse(file, options);
		expect(parsed.rows_in_file).toBe(4);
		expect(parsed.rejected.map((row) => row.line)).toEqual([6, 7, 8, 12]);
	});
});

describe('telegramJson.detect', () => {
	test('recognises single-chat and full-account exports and ignores other JSON', () => {
		expect(telegramJson.detect(read('telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json'))).toBe(true);
		expect(telegramJson.detect(read('telegram__full-account_4-chats_prefixed-ids_cross-chat-reply_forum-topic_2-rejects.json'))).toBe(true);
		expect(telegramJson.detect(read('discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json'))).toBe(false);
		expect(telegramJson.detect({ name: 'a.csv', bytes: encoder.encode('AuthorID,Author,Date,Content,Attachments,Reactions\n') })).toBe(false);
	});
});

describe('telegramJson.parse on hostile input (found by tests/fuzz)', () => {
	test('a date_unixtime past what a Date can hold, or outside 1990–2100, is a rejected row, not a RangeError', () => {
		const file = chat([
			{ id: 1, type: 'message', date_unixtime: '99999999999999', from: 'A', from_id: 'user1', text: 'year 3170843' },
			{ id: 2, type: 'message', date_unixtime: Number.MAX_SAFE_INTEGER, from: 'A', from_id: 'user1', text: 'max safe integer' },
			{ id: 3, type: 'message', date_unixtime: '1704067200', from: 'A', from_id: 'user1', text: 'fine' },
			{ id: 4, type: 'message', date_unixtime: '7258118400', from: 'A', from_id: 'user1', text: 'year 2200' },
			{ id: 5, type: 'message', date: '2200-01-01T00:00:00', from: 'A', from_id: 'user1', text: 'naive year 2200' }
		]);
		const parsed = telegramJson.parse(file, options);
		expect(parsed.messages.map((message) => message.text)).toEqual(['fine']);
		expect(parsed.rejected.map((row) => row.reason)).toEqual([
			'message 1: no readable "date_unixtime" or "date" (found "99999999999999")',
			`message 2: no readable "date_unixtime" or "date" (found ${Number.MAX_SAFE_INTEGER})`,
			'message 4: no readable "date_unixtime" or "date" (found "7258118400")',
			'message 5: no readable "date_unixtime" or "date" (found "2200-01-01T00:00:00")'
		]);
	});

	test('the JSON syntax error is quoted on one line', () => {
		const cut = encoder.encode('{\n "name": "G",\n "messages": [\n  {"id": 1,\n   "text": "unterminated');
		expect(() => telegramJson.parse({ name: 'r.json', bytes: cut }, options)).toThrow(/^r\.json is not valid JSON \([^\n]*\); export the chat again/);
	});
});
