import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from './sources/bytes-import-source';
import { ENCODING_SAMPLE_BYTES } from './text/decode-text';
import { inspectExport } from './inspect-export';
import { loadDataset } from './load-dataset';

const encoder = new TextEncoder();
const HEADER = 'timestamp,author,text\n';
const ZHANG_WEI_GB18030 = [0xd5, 0xc5, 0xce, 0xb0];
const ascii_rows = (count: number) => Array.from({ length: count }, (_, index) => `2021-08-01 09:00:00,Pad,row ${index}\n`).join('');
const inspect = (name: string, bytes: Uint8Array) => inspectExport(bytesImportSource(name, bytes));
const concat = (...parts: (string | number[])[]) =>
	Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)));

/** A UTF-8 CSV with one row holding GB18030 bytes, after `padding_rows` ASCII rows. */
const utf8WithGb18030Row = (padding_rows: number) =>
	concat(HEADER, ascii_rows(padding_rows), '2021-08-01 10:00:00,Ann,naïve\n2021-08-01 11:00:00,', ZHANG_WEI_GB18030, ',hi\n');

describe('inspectExport: encoding', () => {
	test('a UTF-8 CSV with a GB18030 row is UTF-8 whether the row is in the first 256 KB or past it', async () => {
		const padding_rows = Math.ceil(ENCODING_SAMPLE_BYTES / 30);
		expect(await inspect('small.csv', utf8WithGb18030Row(0))).toMatchObject({ kind: 'csv', encoding: 'utf-8' });
		expect(await inspect('large.csv', utf8WithGb18030Row(padding_rows))).toMatchObject({ kind: 'csv', encoding: 'utf-8' });
	});
});

describe('inspectExport: rosters', () => {
	const ROLES = resolve(import.meta.dirname, '../../../tests/fixtures/roles');
	test.each([
		'roster__mentor-only_dan.csv',
		'roster__dan-mentor_lin-amy-bo-cai-students.csv',
		'roster__dan-mentor_2-bad-rows_1-lurker.csv'
	])('%s is a roster, not a CSV of messages to map', async (name) => {
		expect(await inspect(name, readFileSync(resolve(ROLES, name)))).toEqual({ kind: 'roster', encoding: 'utf-8' });
	});

	test('a roster header in any case and order, with a BOM, is a roster; a header with any other column is not', async () => {
		expect(await inspect('r.csv', concat('\ufeffRole, Cohort ,AUTHOR\r\nmentor,,Dan\r\n'))).toEqual({ kind: 'roster', encoding: 'utf-8' });
		expect(await inspect('r.csv', concat('author,role,timestamp\n10001,mentor,2021-01-01 09:00\n'))).toMatchObject({ kind: 'csv', format: 'resonance-csv', adapter: { id: 'resonance-csv' } });
		expect(await inspect('r.csv', concat('author,cohort\nDan,A\n'))).toMatchObject({ kind: 'csv', format: 'mapped-csv', adapter: { id: 'mapped-csv' } });
		expect(await inspect('r.csv', concat('name,role,email\nDan,mentor,d@x\n'))).toMatchObject({ kind: 'csv', format: 'mapped-csv' });
	});
});

describe('inspectExport: control characters are text; only a file that is not text at all is refused', () => {
	test('control bytes (IRC bold and colour, a NUL) anywhere in a CSV make a CSV whose control characters the import strips', async () => {
		const late = concat(HEADER, ascii_rows(300), '2021-08-01 10:00:00,Ann,a', [0x01, 0x02], 'b\n', ascii_rows(5), 'y,\u0000\n');
		await expect(inspect('late.csv', late)).resolves.toMatchObject({ kind: 'csv', format: 'resonance-csv', control_characters: true });
		await expect(inspect('clean.csv', concat(HEADER, ascii_rows(3)))).resolves.toMatchObject({ kind: 'csv', control_characters: false });
		const irc = concat(HEADER, Array.from({ length: 50 }, (_, index) => `2021-08-01 09:00:00,nick${index},\u0002\u000304,01bold red\u0003\u0002 and \u001funderlined\u001f\n`).join(''));
		await expect(inspect('irc.csv', irc)).resolves.toMatchObject({ kind: 'csv', control_characters: true });
	});

	test('a known binary format is named; a file of binary integers (mostly NUL bytes) is not a text file', async () => {
		await expect(inspect('photo.png', concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ascii_rows(2)))).rejects.toThrow('photo.png is a PNG image, not a chat export.');
		await expect(inspect('MSG.db', concat('SQLite format 3', [0], ascii_rows(2)))).rejects.toThrow('MSG.db is a SQLite database, not a chat export.');
		const counters = new Uint8Array(new Uint32Array(Array.from({ length: 2048 }, (_, index) => index % 128)).buffer);
		await expect(inspect('counters.csv', counters)).rejects.toThrow('counters.csv is not a text file (80% of its first characters are binary data): choose the chat export itself.');
	});

	test('a Parquet file (PAR1) and a DuckDB database (DUCK at byte 8) are dataset files, whatever their name', async () => {
		expect(await inspect('data.bin', concat('PAR1', [0x15, 0x04], ascii_rows(2)))).toMatchObject({ kind: 'dataset', container: 'parquet', adapter: { id: 'resonance-dataset' } });
		expect(await inspect('data.csv', concat([0xf9, 0x1e, 0x57, 0x18, 0x57, 0x57, 0xb5, 0x32], 'DUCK', [0x43, 0, 0, 0], ascii_rows(2)))).toMatchObject({ kind: 'dataset', container: 'duckdb', adapter: { id: 'resonance-dataset' } });
	});

	test('NUL padding at the end of a file does not make it binary', async () => {
		await expect(inspect('padded.csv', concat(HEADER, ascii_rows(3), new Array(4096).fill(0)))).resolves.toMatchObject({ kind: 'csv' });
	});

	test('a UTF-16 file with a control character is a CSV too', async () => {
		const utf16 = (text: string) => {
			const bytes = new Uint8Array(2 + text.length * 2);
			bytes.set([0xff, 0xfe]);
			for (let index = 0; index < text.length; index++) bytes[3 + index * 2 - 1] = text.charCodeAt(index);
			return bytes;
		};
		await expect(inspect('bad.csv', utf16(HEADER + ascii_rows(200) + 'x,\u0002\n'))).resolves.toMatchObject({ encoding: 'utf-16le', control_characters: true });
	});
});

describe('inspectExport: damaged zips', () => {
	const whatsapp_zip = new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/formats/whatsapp-android__zip_crlf_chat-with-name_4-messages.zip')));

	test('a truncated WhatsApp zip is damaged, with fflate’s reason', async () => {
		await expect(inspect('chat.zip', whatsapp_zip.subarray(0, 200))).rejects.toThrow('chat.zip is damaged (invalid zip data): re-export or re-download it.');
	});

	test('a zip whose chat text does not inflate is damaged; an intact zip without a chat is still "no chat export"', async () => {
		const zip = zipSync({ '_chat.txt': strToU8('12/09/2020, 23:55 - Bob: hello\n'.repeat(50)) }, { level: 9 });
		// The first flipped byte of the compressed text that fflate notices (some flips inflate to other bytes).
		const flipped = (at: number) => Uint8Array.from(zip, (byte, index) => (index === at ? byte ^ 0xff : byte));
		const inflate_error = (at: number) => {
			try {
				unzipSync(flipped(at));
				return null;
			} catch (error) {
				return (error as Error).message;
			}
		};
		const at = Array.from({ length: zip.length - 40 }, (_, index) => 40 + index).find((index) => inflate_error(index) !== null)!;
		await expect(inspect('flipped.zip', flipped(at))).rejects.toThrow(`flipped.zip is damaged (${inflate_error(at)}): re-export or re-download it.`);
		await expect(inspect('photos.zip', zipSync({ 'a.jpg': new Uint8Array(8) }))).rejects.toThrow('photos.zip is a zip archive that holds no chat export Resonance knows.');
	});
});

describe('a UTF-8 CSV with a GB18030 row, imported', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db?.close();
	});

	test('rejects that row with its line, the same in a small file and past the first 256 KB; the other rows keep their text', async () => {
		for (const padding_rows of [0, Math.ceil(ENCODING_SAMPLE_BYTES / 30)]) {
			const [report] = await loadDataset(db, [{ source: bytesImportSource('mixed.csv', utf8WithGb18030Row(padding_rows)) }], { time_zone: 'UTC' });
			expect(report).toMatchObject({ rows: padding_rows + 1, rejected: 1, errors: [{ line: padding_rows + 3, reason: 'row is not valid UTF-8 text' }] });
			expect(await db.query(`SELECT text FROM messages WHERE author_name = 'Ann'`)).toEqual([{ text: 'naïve' }]);
		}
	});
});

describe('inspectExport: a file that no adapter reads and that is not a CSV names what was expected', () => {
	test('an unknown JSON file (a WhatsApp-bot log, a list) is JSON, not a CSV to map; a Messenger export is now read by its adapter', async () => {
		const log = '{\n  "chat": "Study group",\n  "entries": [{"from": "A", "at": 1700000000000, "body": "hi"}]\n}\n';
		await expect(inspect('log.json', concat([0xef, 0xbb, 0xbf], log))).rejects.toThrow(
			'log.json is JSON but not an export this version reads: expected a Telegram Desktop result.json ("Machine-readable JSON"), a DiscordChatExporter JSON file, a QQ Chat Exporter JSON (or its chunked-JSONL folder as a .zip), a WeFlow JSON, a Messenger or Instagram message_1.json, or a Slack workspace export as its .zip.'
		);
		await expect(inspect('2016-01-05.json', concat('[\n {"type": "message", "text": "a,b"}\n]\n'))).rejects.toThrow(/^2016-01-05\.json is JSON but not an export this version reads/);
		const messenger = '{\n  "participants": [{"name": "A"}, {"name": "B"}],\n  "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000, "content": "hi"}]\n}\n';
		const inspection = await inspect('message_1.json', concat([0xef, 0xbb, 0xbf], messenger));
		expect(inspection.kind === 'adapter' && inspection.adapter.id).toBe('messenger-json');
	});

	test('HTML or XML is named as such; a .txt that is neither QQ nor WhatsApp names those', async () => {
		await expect(inspect('messages.html', concat('<!DOCTYPE html>\n<html><body>a,b,c</body></html>\n'))).rejects.toThrow(/^messages\.html is HTML or XML, not an export this version reads/);
		await expect(inspect('racket.xml', concat('<?xml version="1.0"?>\n<messages/>\n'))).rejects.toThrow(/^racket\.xml is HTML or XML/);
		await expect(inspect('irc.txt', concat('[21:16] <lestus> o/, hi\n[21:16] <lordcirth> Guest21456, hi\n'))).rejects.toThrow(
			'irc.txt is a text file but not a chat export this version reads: expected a QQ message-manager TXT or a WhatsApp chat .txt (or a CSV).'
		);
	});

	test('a Resonance CSV saved as .txt, and any CSV, still import or map', async () => {
		await expect(inspect('export.txt', concat(HEADER, ascii_rows(2)))).resolves.toMatchObject({ kind: 'csv', format: 'resonance-csv' });
		await expect(inspect('log.csv', concat('[when],who,what\n2021-08-01 09:00,Ann,hi\n'))).resolves.toMatchObject({ kind: 'csv', format: 'mapped-csv' });
	});
});
