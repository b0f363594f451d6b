import { zipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import type { ParsedExport } from '../canonical-message';
import { importExport } from '../tables/import-export';
import type { FormatAdapter, StreamedExportFile } from './format-adapter';
import { BATCH_MESSAGES } from './parsed-export-batches';
import { telegramJson } from './telegram-json';
import { whatsapp } from './whatsapp';

const options = { time_zone: 'Asia/Shanghai' };
const encoder = new TextEncoder();
const FIXTURES = ['tests/fixtures/formats', 'tests/fixtures/hostile'].flatMap((folder) =>
	readdirSync(resolve(process.cwd(), folder))
		.filter((name) => (/^telegram/.test(name) && /\.json$/.test(name) && !/\.expected\.json$/.test(name)) || (/^whatsapp/.test(name) && /\.(txt|zip)$/.test(name)))
		.map((name) => ({ name, path: resolve(process.cwd(), folder, name), adapter: name.startsWith('telegram') ? telegramJson : whatsapp }))
);

/** The file cut into chunks at `cuts`; `whole_reads` counts the times an adapter asked for all of it. */
function chunked(name: string, bytes: Uint8Array, cuts: number[]): StreamedExportFile & { whole_reads: number } {
	const file = {
		name,
		whole_reads: 0,
		readAll: async () => {
			file.whole_reads++;
			return bytes;
		},
		async *chunks() {
			let from = 0;
			for (const cut of [...cuts, bytes.length]) {
				yield bytes.slice(from, cut);
				from = cut;
			}
		}
	};
	return file;
}

const everyBytes = (length: number, step: number) => Array.from({ length: Math.ceil(length / step) - 1 }, (_, index) => (index + 1) * step);

/** The streamed batches put together as `parse` returns them (likes null when the end says the file has none). */
async function streamedParse(adapter: FormatAdapter, file: StreamedExportFile): Promise<ParsedExport | string> {
	const messages: ParsedExport['messages'] = [];
	const rejected: ParsedExport['rejected'] = [];
	try {
		for await (const batch of adapter.parseStream!(file, options)) {
			messages.push(...batch.messages);
			rejected.push(...batch.rejected);
			if (batch.end) {
				if (!batch.end.capabilities.likes) for (const message of messages) message.likes = null;
				return { ...batch.end, messages, rejected: rejected.sort((a, b) => a.line - b.line) };
			}
		}
		return 'no end';
	} catch (error) {
		return (error as Error).message;
	}
}

function wholeParse(adapter: FormatAdapter, name: string, bytes: Uint8Array): ParsedExport | string {
	try {
		return adapter.parse({ name, bytes }, options);
	} catch (error) {
		return (error as Error).message;
	}
}

describe('parseStream gives what parse gives, however the file is cut into chunks', () => {
	test.each(FIXTURES)('$name: whole, 1-byte and 7-byte chunks', async ({ name, path, adapter }) => {
		const bytes = new Uint8Array(readFileSync(path));
		const expected = wholeParse(adapter, name, bytes);
		for (const cuts of [[], everyBytes(bytes.length, 1), everyBytes(bytes.length, 7)]) {
			const file = chunked(name, bytes, cuts);
			expect(await streamedParse(adapter, file)).toEqual(expected);
			// Only zips (read whole: they are the compressed size) and full-account or damaged exports are read whole.
			const read_whole = /zip$|full-account/.test(name);
			expect(file.whole_reads > 0).toBe(read_whole);
		}
	});

	const telegram = encoder.encode(
		`{\n "name": "Gruppe Ü",\n "type": "private_group",\n "id": 7,\n "messages": [\n  {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Zoë", "from_id": "user1", "text": "naïve 学习 \\"quoted\\" \\\\ 😀"},\n  {"id": 2, "type": "message", "date_unixtime": "1700000060", "from": "李", "from_id": "user2", "text": ["a", {"type": "bold", "text": "b"}], "reply_to_message_id": 1, "reactions": [{"count": 2}]},\n  {"id": 2, "type": "message", "date_unixtime": "1700000120", "from": "李", "from_id": "user2", "text": "same id"}\n ]\n}\n`
	);
	const whatsapp_chat = encoder.encode(
		'\uFEFF12/03/2021, 09:00 - Zoë: naïve 学习 😀\r\nsecond line\r\n13/03/2021, 25:00 - Li: bad hour\r\n14/03/2021, 10:00 - 李: ok\n'
	);

	test.each([
		['Telegram', telegramJson, 'result.json', telegram],
		['WhatsApp', whatsapp, 'chat.txt', whatsapp_chat]
	] as const)('%s: a file cut in two at every byte offset (inside characters, CRLF and strings)', async (_, adapter, name, bytes) => {
		const expected = wholeParse(adapter, name, bytes);
		expect(typeof expected).toBe('object');
		for (let cut = 1; cut < bytes.length; cut++) {
			expect(await streamedParse(adapter, chunked(name, bytes, [cut]))).toEqual(expected);
		}
	});

	test('Telegram: bytes that are not UTF-8 reject the message they fall in, at every cut', async () => {
		const bytes = Uint8Array.from([
			...encoder.encode('{"name": "G", "type": "private_group", "id": 1, "messages": [\n {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "user1", "text": "'),
			0xd5, 0xc5,
			...encoder.encode('"},\n {"id": 2, "type": "message", "date_unixtime": "1700000060", "from": "B", "from_id": "user2", "text": "café"},\n {"id": 3, "type": "message", "date_unixtime": "1700000120", "from": "C", "from_id": "user3", "text": "naïve"}\n]}\n')
		]);
		const expected = wholeParse(telegramJson, 'r.json', bytes) as ParsedExport;
		expect(expected.rejected).toEqual([{ line: 2, reason: 'not valid UTF-8 (byte 0xD5 at column 104)' }]);
		for (let cut = 1; cut < bytes.length; cut += 3) expect(await streamedParse(telegramJson, chunked('r.json', bytes, [cut]))).toEqual(expected);
	});

	test('Telegram: a chat whose name comes after its messages is read whole, so its source is still named', async () => {
		const bytes = encoder.encode('{"type": "private_group", "id": 1, "messages": [\n {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "user1", "text": "hi"}\n], "name": "Late"}');
		const file = chunked('late.json', bytes, [40]);
		const streamed = (await streamedParse(telegramJson, file)) as ParsedExport;
		expect(streamed.messages.map((message) => message.source)).toEqual(['late.json / Late']);
		expect(file.whole_reads).toBe(1);
	});

	test('a WhatsApp zip whose chat was changed after zipping fails its CRC-32 check when streamed', async () => {
		const zip = zipSync({ '_chat.txt': encoder.encode('12/03/2021, 09:00 - Ann: hello\n') }, { level: 0 });
		const flipped = zip.slice();
		flipped[Buffer.from(zip).indexOf('hello')] = 0x48;
		expect(await streamedParse(whatsapp, chunked('chat.zip', flipped, []))).toBe(
			'chat.zip is damaged (_chat.txt fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short): re-export or re-download it.'
		);
		expect(await streamedParse(whatsapp, chunked('chat.zip', zip, []))).toEqual(wholeParse(whatsapp, 'chat.zip', zip));
	});

	test('a Telegram file cut off after its first batch of messages throws one line, not a half import', async () => {
		const message = (id: number) => `{"id": ${id}, "type": "message", "date_unixtime": "${1700000000 + id}", "from": "A", "from_id": "user1", "text": "m"}`;
		const text = `{"name": "G", "type": "private_group", "id": 1, "messages": [\n${Array.from({ length: BATCH_MESSAGES + 1 }, (_, index) => message(index + 1)).join(',\n')},\n {"id": ${BATCH_MESSAGES + 2}, "type": "mess`;
		expect(await streamedParse(telegramJson, chunked('cut.json', encoder.encode(text), everyBytes(text.length, 1 << 20)))).toBe(
			`cut.json is not valid JSON (the text ends at line ${BATCH_MESSAGES + 3} inside a value that starts at line ${BATCH_MESSAGES + 3}); export the chat again as "Machine-readable JSON".`
		);
	});
});

describe('importExport: the streamed path imports the same rows, rejects and report as the whole-file path', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db?.close();
	});

	const importWith = async (adapter: FormatAdapter, name: string, bytes: Uint8Array) => {
		await db.exec('DROP TABLE IF EXISTS messages; DROP TABLE IF EXISTS member_hints');
		try {
			const report = await importExport(db, bytesImportSource(name, bytes), { kind: 'adapter', adapter }, { ...options, import_id: 1 });
			const rows = await db.query(`SELECT * EXCLUDE (words) FROM messages ORDER BY rowid`);
			const hints = await db.query(`SELECT * FROM member_hints ORDER BY ALL`);
			return { report, rows, hints };
		} catch (error) {
			return (error as Error).message;
		}
	};

	test.each(FIXTURES)('$name', async ({ name, path, adapter }) => {
		const bytes = new Uint8Array(readFileSync(path));
		const whole_file = await importWith({ ...adapter, parseStream: undefined }, name, bytes);
		expect(await importWith(adapter, name, bytes)).toEqual(whole_file);
	});

	test('a file that turns out damaged after its first batches were loaded leaves none of its messages', async () => {
		const message = (id: number) => `{"id": ${id}, "type": "message", "date_unixtime": "${1700000000 + id}", "from": "A", "from_id": "user1", "text": "m"}`;
		const text = `{"name": "G", "type": "private_group", "id": 1, "messages": [\n${Array.from({ length: BATCH_MESSAGES + 1 }, (_, index) => message(index + 1)).join(',\n')},\n {"id": ${BATCH_MESSAGES + 2}, "type": "mess`;
		expect(await importWith(telegramJson, 'cut.json', encoder.encode(text))).toMatch(/^cut\.json is not valid JSON/);
		expect(await db.query('SELECT count(*)::INTEGER AS rows FROM messages')).toEqual([{ rows: 0 }]);
	});
});
