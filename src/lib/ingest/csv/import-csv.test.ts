import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import { loadDataset } from '../load-dataset';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

async function load(text: string) {
	const [report] = await loadDataset(db, [{ source: bytesImportSource('t.csv', new TextEncoder().encode(text)) }], { time_zone: 'UTC' });
	const texts = await db.query<{ author_name: string; text: string }>('SELECT author_name, text FROM messages ORDER BY sent_at');
	return { rows: report.rows, errors: report.errors, texts };
}

describe('importCsv on files that mix line breaks (found by tests/fuzz)', () => {
	test('a lone CR between LF rows ends a line instead of stopping DuckDB with an engine error', async () => {
		const { rows, errors, texts } = await load('timestamp,author,text\n2021-01-01 10:00,Ann,a\r2021-01-01 11:00,Bo,b\n2021-01-01 12:00,Cy,"c\rd"\n');
		expect({ rows, errors }).toEqual({ rows: 3, errors: [] });
		expect(texts.map((row) => row.text)).toEqual(['a', 'b', 'c\nd']);
	});

	test('a file ending in a lone CR loads', async () => {
		expect((await load('timestamp,author,text\n2021-01-01 10:00,Ann,a\n2021-01-01 11:00,Bo,b\r')).rows).toBe(2);
	});

	test('LF rows in a CRLF file are rows of their own, and a bad one is reported at its own line', async () => {
		const { rows, errors } = await load('timestamp,author,text\r\n2021-01-01 10:00,Ann,a\r\n2021-01-01 11:00,Bo,b\n2021-01-01 12:00,Cy\n2021-01-01 13:00,Dee,d\r\n');
		expect(rows).toBe(3);
		expect(errors).toEqual([{ line: 4, reason: 'row has 2 columns, the header has 3' }]);
	});

	test('a consistent CRLF file with LF inside quoted texts is read as it is', async () => {
		const { rows, errors, texts } = await load('timestamp,author,text\r\n2021-01-01 10:00,Ann,"a\nb"\r\n2021-01-01 11:00,Bo\r\n');
		expect(rows).toBe(1);
		expect(errors).toEqual([{ line: 4, reason: 'row has 2 columns, the header has 3' }]);
		expect(texts[0].text).toBe('a\nb');
	});
});

describe('importCsv reasons for broken quotes', () => {
	test('text after a closing quote rejects that row only; a quote never closed takes the rest of the file', async () => {
		const { rows, errors } = await load('timestamp,author,text\n2021-01-01 10:00,Ann,"said "hi" twice"\n2021-01-01 11:00,Bo,b\n2021-01-01 12:00,Cy,"open\n2021-01-01 13:00,Dee,d\n');
		expect(rows).toBe(1);
		expect(errors).toEqual([
			{ line: 2, reason: 'a quoted field is followed by text before the next comma (a quote inside it is not doubled)' },
			{ line: 4, reason: 'a quoted field is never closed (the rest of the file was read into it)' }
		]);
	});
});
