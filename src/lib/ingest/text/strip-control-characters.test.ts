import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import type { CanonicalMessage } from '../canonical-message';
import { loadDataset } from '../load-dataset';
import { stripControlCharacters } from './strip-control-characters';

const REAL_IRC = resolve(process.cwd(), '../shared/fixtures/real/irc/2016-06-08_07.messages.csv');
const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/csv', name));
const message = (text: string, author_name = 'Ann'): CanonicalMessage => ({
	message_id: null,
	sent_at: '2024-01-01 10:00:00',
	author_id: author_name,
	author_name,
	role: null,
	text,
	kind: 'text',
	likes: null,
	reply_to: null,
	source: 'test'
});

describe('stripControlCharacters', () => {
	test('removes IRC colour codes with their digits and every C0 control but tab and line breaks; counts the messages it changed', () => {
		const messages = [
			message('\u0002bold\u0002 \u000304,01red\u0003 \u00034green\u000f \u001funder\u001f \u0016rev\u0016 \u001ditalic\u001d'),
			message('nul\u0000here'),
			message('tab\tand\r\nlines\u000b\u000c stay'),
			message('fine', '\u0002dan\u0002'),
			message('\u0003', '\u0001')
		];
		expect(stripControlCharacters(messages)).toBe(4);
		expect(messages.map(({ text, author_name, author_id }) => [text, author_name, author_id])).toEqual([
			['bold red green under rev italic', 'Ann', 'Ann'],
			['nulhere', 'Ann', 'Ann'],
			['tab\tand\r\nlines\u000b\u000c stay', 'Ann', 'Ann'],
			['fine', 'dan', 'dan'],
			// an author of control characters alone keeps them rather than become no author
			['', '\u0001', '\u0001']
		]);
	});
});

describe('control characters cost no row: imported with the characters stripped and counted', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db?.close();
	});

	test('a Resonance CSV with IRC bold, colour and underline codes and a NUL in one text imports every row', async () => {
		const [report] = await loadDataset(db, [{ source: fixture('resonance__irc-bold-colour-underline-codes_nul-in-one-text_4-rows.csv') }], { time_zone: 'UTC' });
		expect(report).toMatchObject({ format: 'resonance-csv', rows: 4, rejected: 0, errors: [], control_characters_stripped: 3, members: 4 });
		expect(await db.query('SELECT author_id, author_name, text FROM messages ORDER BY sent_at')).toEqual([
			{ author_id: 'alice', author_name: 'alice', text: 'hello' },
			{ author_id: 'bob', author_name: 'bob', text: 'bold and red text' },
			{ author_id: 'carol', author_name: 'carol', text: 'nulhere, quoted' },
			{ author_id: 'dan', author_name: 'dan', text: 'fine' }
		]);
	});

	test('a Telegram JSON with a raw control character inside a string and an escaped one imports both messages', async () => {
		const json = `{"name": "G", "type": "private_group", "id": 1, "messages": [
 {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "user1", "text": "raw\u0002bold\u0002"},
 {"id": 2, "type": "message", "date_unixtime": "1700000060", "from": "B", "from_id": "user2", "text": ["escaped \\u000304red", {"type": "bold", "text": "\\u0000x"}]}
]}`;
		const [report] = await loadDataset(db, [{ source: bytesImportSource('result.json', new TextEncoder().encode(json)) }], { time_zone: 'UTC' });
		expect(report).toMatchObject({ format: 'telegram-json', rows: 2, rejected: 0, control_characters_stripped: 2 });
		expect(await db.query('SELECT message_id, text FROM messages ORDER BY message_id')).toEqual([
			{ message_id: '1', text: 'rawbold' },
			{ message_id: '2', text: 'escaped redx' }
		]);
	});

	test('a QQ TXT message body with a control character is imported without it', async () => {
		const txt = '2020-09-01 20:15:03 王老师(12345678)\n同学们好\n\n2020-09-01 20:16:10 小明(23456789)\nok\u0001\n';
		const [report] = await loadDataset(db, [{ source: bytesImportSource('group.txt', new TextEncoder().encode(txt)) }], { time_zone: 'UTC' });
		expect(report).toMatchObject({ format: 'qq-txt', rows: 2, rejected: 0, control_characters_stripped: 1 });
		expect(await db.query('SELECT text FROM messages ORDER BY sent_at')).toEqual([{ text: '同学们好' }, { text: 'ok' }]);
	});

	test.skipIf(!existsSync(REAL_IRC))('the real Ubuntu IRC log with IRC formatting added to every 7th text and a NUL in one imports exactly as without them', async () => {
		const original = readFileSync(REAL_IRC, 'utf8');
		const parsed = Papa.parse<Record<string, string>>(original, { header: true, skipEmptyLines: true });
		const texts = parsed.data.map(({ text }, index) =>
			index === 100 ? `${text}\u0000` : index % 7 === 0 ? `\u0002\u000303,01${text}\u0003\u0002\u000f` : text
		);
		const formatted_ids = new Set(parsed.data.filter((row, index) => texts[index] !== row.text).map((row) => row.message_id));
		const rows = parsed.data.map((row, index) => ({ ...row, text: texts[index] }));
		const with_controls = new TextEncoder().encode(Papa.unparse(rows, { columns: parsed.meta.fields }));

		const [plain] = await loadDataset(db, [{ source: bytesImportSource('irc.csv', new TextEncoder().encode(original)) }], { time_zone: 'UTC' });
		const plain_rows = await db.query<{ message_id: string }>('SELECT message_id, sent_at::VARCHAR AS sent_at, author_id, text, reply_to FROM messages ORDER BY message_id');
		const [report] = await loadDataset(db, [{ source: bytesImportSource('irc.csv', with_controls) }], { time_zone: 'UTC' });
		expect(plain.control_characters_stripped).toBe(0);
		expect(report.rows + report.rejected).toBe(parsed.data.length);
		const formatted_and_imported = plain_rows.filter((row) => formatted_ids.has(row.message_id)).length;
		expect(formatted_and_imported).toBeGreaterThan(200);
		expect(report).toMatchObject({ rows: plain.rows, rejected: plain.rejected, errors: plain.errors, control_characters_stripped: formatted_and_imported });
		expect(await db.query('SELECT message_id, sent_at::VARCHAR AS sent_at, author_id, text, reply_to FROM messages ORDER BY message_id')).toEqual(plain_rows);
	});
});
