import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import { loadDataset } from '../load-dataset';

interface TelegramMessage {
	id: number;
	unix: number;
	from: string;
	text: string;
	reply_to?: number;
}

/** A Telegram Desktop single-chat export: its message ids are the chat's own numbers (1, 2, 3…). */
function telegramChat(name: string, chat_id: number, messages: TelegramMessage[]) {
	const json = {
		name,
		type: 'private_supergroup',
		id: chat_id,
		messages: messages.map((message) => ({
			id: message.id,
			type: 'message',
			date_unixtime: String(message.unix),
			from: message.from,
			from_id: `user${message.from.length}${message.from.charCodeAt(0)}`,
			...(message.reply_to === undefined ? {} : { reply_to_message_id: message.reply_to }),
			text: message.text
		}))
	};
	return { source: bytesImportSource(`${name}.json`, new TextEncoder().encode(JSON.stringify(json, null, 1))) };
}

const T0 = 1_700_000_000;
const anatomy = telegramChat('anatomy', 1001, [
	{ id: 1, unix: T0, from: 'Lin', text: 'Read chapter 1' },
	{ id: 2, unix: T0 + 60, from: 'Mei', text: 'ok', reply_to: 1 },
	{ id: 3, unix: T0 + 120, from: 'Tom', text: 'me too', reply_to: 2 }
]);
const physiology = telegramChat('physiology', 2002, [
	{ id: 1, unix: T0 + 3600, from: 'Lin', text: 'Quiz on Monday' },
	{ id: 2, unix: T0 + 3660, from: 'Ana', text: 'which chapters?', reply_to: 1 },
	{ id: 4, unix: T0 + 3720, from: 'Lin', text: 'see my earlier post', reply_to: 3 }
]);

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

const rows = () =>
	db.query<{ message_id: string; reply_to: string | null; source: string; import_id: number }>(
		'SELECT message_id, reply_to, source, import_id FROM messages ORDER BY import_id, sent_at'
	);

describe('loadDataset with several files whose message ids repeat', () => {
	it('keeps a lone file’s ids as exported', async () => {
		const [report] = await loadDataset(db, [anatomy], { time_zone: 'UTC' });
		expect(report).toMatchObject({ rows: 3, rejected: 0 });
		expect((await rows()).map((row) => [row.message_id, row.reply_to])).toEqual([
			['1', null],
			['2', '1'],
			['3', '2']
		]);
	});

	it('prefixes a later chat’s ids and reply_to with its import number, so its replies still link inside it', async () => {
		const reports = await loadDataset(db, [anatomy, physiology], { time_zone: 'UTC' });
		expect(reports.map((report) => [report.rows, report.rejected])).toEqual([
			[3, 0],
			[3, 0]
		]);
		expect(await rows()).toEqual([
			{ message_id: '1', reply_to: null, source: 'anatomy.json / anatomy', import_id: 1 },
			{ message_id: '2', reply_to: '1', source: 'anatomy.json / anatomy', import_id: 1 },
			{ message_id: '3', reply_to: '2', source: 'anatomy.json / anatomy', import_id: 1 },
			{ message_id: '2:1', reply_to: null, source: 'physiology.json / physiology', import_id: 2 },
			{ message_id: '2:2', reply_to: '2:1', source: 'physiology.json / physiology', import_id: 2 },
			// message 3 of physiology is not in its export; the reply must not land on anatomy's message 3
			{ message_id: '2:4', reply_to: '2:3', source: 'physiology.json / physiology', import_id: 2 }
		]);
		const [links] = await db.query<{ resolved: number; same_source: number }>(
			`SELECT count(*)::INTEGER AS resolved, count(*) FILTER (WHERE c.source = p.source)::INTEGER AS same_source
			FROM messages c JOIN messages p ON p.message_id = c.reply_to`
		);
		expect(links).toEqual({ resolved: 3, same_source: 3 });
	});

	it('rejects the copies when the same chat is loaded twice with overlapping ranges, at the line where each copy starts', async () => {
		const later_export = telegramChat('anatomy', 1001, [
			{ id: 2, unix: T0 + 60, from: 'Mei', text: 'ok (edited)', reply_to: 1 },
			{ id: 3, unix: T0 + 120, from: 'Tom', text: 'me too', reply_to: 2 },
			{ id: 5, unix: T0 + 180, from: 'Lin', text: 'Good', reply_to: 3 }
		]);
		const reports = await loadDataset(db, [anatomy, later_export], { time_zone: 'UTC' });
		expect(reports[1]).toMatchObject({
			rows: 1,
			rejected: 2,
			errors: [
				{ line: 6, reason: 'message 2 is already loaded from anatomy.json / anatomy' },
				{ line: 15, reason: 'message 3 is already loaded from anatomy.json / anatomy' }
			]
		});
		expect((await rows()).map((row) => [row.message_id, row.reply_to, row.import_id])).toEqual([
			['1', null, 1],
			['2', '1', 1],
			['3', '2', 1],
			['5', '3', 2]
		]);
	});

	it('generated ids (formats without ids) never clash', async () => {
		const chat = (name: string) => ({
			source: bytesImportSource(name, new TextEncoder().encode('2020-09-01 20:15:03 王老师(12345678)\n同学们好\n\n2020-09-01 20:16:10 小明(23456789)\n收到\n'))
		});
		const reports = await loadDataset(db, [chat('a.txt'), chat('b.txt')], { time_zone: 'UTC' });
		expect(reports.map((report) => report.format)).toEqual(['qq-txt', 'qq-txt']);
		expect((await rows()).map((row) => row.message_id)).toEqual(['f1-1', 'f1-2', 'f2-1', 'f2-2']);
	});
});
