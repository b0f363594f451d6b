import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from './bytes-import-source';
import { ENCODING_SAMPLE_BYTES } from './decode-text';
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
		expect(await inspect('r.csv', concat('author,role,timestamp\n10001,mentor,2021-01-01 09:00\n'))).toMatchObject({ kind: 'csv', format: 'resonance-csv' });
		expect(await inspect('r.csv', concat('author,cohort\nDan,A\n'))).toMatchObject({ kind: 'csv', format: 'mapped-csv' });
		expect(await inspect('r.csv', concat('name,role,email\nDan,mentor,d@x\n'))).toMatchObject({ kind: 'csv', format: 'mapped-csv' });
	});
});

describe('inspectExport: binary data anywhere in a CSV', () => {
	test('control bytes on one line past the first 4 KB refuse the file, naming the line', async () => {
		const bytes = concat(HEADER, ascii_rows(300), '2021-08-01 10:00:00,Ann,a', [0x01, 0x02], 'b\n', ascii_rows(5));
		await expect(inspect('late.csv', bytes)).rejects.toThrow(
			'late.csv holds binary data on line 302 (control byte 0x01): it is not a clean text export; re-export it or delete that line.'
		);
	});

	test('several lines are counted; a file that is mostly binary is not a text file', async () => {
		const some = concat(HEADER, ascii_rows(300), 'x,\u0000\n', ascii_rows(5), 'y,\u001b\n');
		await expect(inspect('some.csv', some)).rejects.toThrow('some.csv holds binary data on 2 lines, first on line 302 (control byte 0x00)');
		const mostly = concat(HEADER, ascii_rows(3), 'x,\u0007\n'.repeat(3));
		await expect(inspect('mostly.csv', mostly)).rejects.toThrow('mostly.csv is not a text file (it contains binary data, byte 0x07 first at line 5).');
	});

	test('NUL padding at the end of a file is not data; CR, CRLF and LF all count as line ends', async () => {
		await expect(inspect('padded.csv', concat(HEADER, ascii_rows(3), [0, 0, 0, 0]))).resolves.toMatchObject({ kind: 'csv' });
		const mixed = concat('timestamp,author,text\r\n', ascii_rows(100).replaceAll('\n', '\r'), 'x,\u0001\r\n', ascii_rows(2));
		await expect(inspect('mixed.csv', mixed)).rejects.toThrow('mixed.csv holds binary data on line 102 ');
	});

	test('a UTF-16 file is scanned by code unit: its zero bytes are text, a control character is not', async () => {
		const utf16 = (text: string) => {
			const bytes = new Uint8Array(2 + text.length * 2);
			bytes.set([0xff, 0xfe]);
			for (let index = 0; index < text.length; index++) bytes[3 + index * 2 - 1] = text.charCodeAt(index);
			return bytes;
		};
		await expect(inspect('clean.csv', utf16(HEADER + ascii_rows(200)))).resolves.toMatchObject({ encoding: 'utf-16le' });
		await expect(inspect('bad.csv', utf16(HEADER + ascii_rows(200) + 'x,\u0002\n'))).rejects.toThrow('bad.csv holds binary data on line 202 (control byte 0x02)');
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
