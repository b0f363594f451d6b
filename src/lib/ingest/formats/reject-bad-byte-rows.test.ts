import { describe, expect, test } from 'vitest';
import { discordCsv } from './discord-csv';
import { telegramJson } from './telegram-json';
import { whatsapp } from './whatsapp';

const encoder = new TextEncoder();
const bytes = (...parts: (string | number[])[]) =>
	Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)));
const ZHANG_WEI_GB18030 = [0xd5, 0xc5, 0xce, 0xb0];
const options = { time_zone: 'UTC' };

describe('rows holding bytes that are not UTF-8 are rejected by every adapter, the rest keep their text', () => {
	test('WhatsApp: GB18030 bytes on a continuation line reject that message at its header line', () => {
		const file = bytes(
			'12/09/2020, 10:00 - Ann: naïve\n',
			'12/09/2020, 10:01 - Bo: first line\n',
			ZHANG_WEI_GB18030,
			' second line\n',
			'12/09/2020, 10:02 - Ann: ok\n'
		);
		const parsed = whatsapp.parse({ name: 'chat.txt', bytes: file }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([
			[1, 'naïve'],
			[4, 'ok']
		]);
		expect(parsed.rejected).toEqual([{ line: 2, reason: 'not valid UTF-8 (byte 0xD5 at line 3, column 1)' }]);
		expect(parsed.rows_in_file).toBe(3);
	});

	test('Telegram JSON: a byte that is not UTF-8 inside a text rejects the message at the line its object starts', () => {
		const file = bytes(
			'{\n "name": "G",\n "type": "private_group",\n "id": 1,\n "messages": [\n',
			'  {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "user1", "text": "naïve"},\n',
			'  {"id": 2, "type": "message", "date_unixtime": "1700000060", "from": "B", "from_id": "user2", "text": "',
			[0xff],
			'"}\n ]\n}\n'
		);
		const parsed = telegramJson.parse({ name: 'result.json', bytes: file }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([[6, 'naïve']]);
		expect(parsed.rejected).toEqual([{ line: 7, reason: 'not valid UTF-8 (byte 0xFF at column 105)' }]);
	});

	test('Discord CSV: the record holding the bad byte is rejected at its first line (a UTF-8 row beside it makes the file UTF-8)', () => {
		const file = bytes(
			'AuthorID,Author,Date,Content,Attachments,Reactions\n',
			'"1","ann","2024-02-05T10:00:00+00:00","naïve","",""\n',
			'"2","bo","2024-02-05T10:01:00+00:00","multi\nline ',
			[0xc4, 0xe3],
			'","",""\n'
		);
		const parsed = discordCsv.parse({ name: 'c.csv', bytes: file }, options);
		expect(parsed.messages.map((message) => [message.line, message.text])).toEqual([[2, 'naïve']]);
		expect(parsed.rejected).toEqual([{ line: 3, reason: 'not valid UTF-8 (byte 0xC4 at line 4, column 6)' }]);
	});
});
