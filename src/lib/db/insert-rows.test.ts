import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from './db';
import { createNodeDb } from './duckdb-node';
import { insertRows } from './insert-rows';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

test('round-trips quotes, line breaks, empty strings, NULLs and numbers', async () => {
	const rows = [
		{ name: 'say "hi",\nthen\r\nleave', count: 3, share: 0.25 },
		{ name: '', count: null, share: -1e-9 },
		{ name: null, count: 0, share: null }
	];
	await insertRows(db, 'inserted', { name: 'VARCHAR', count: 'INTEGER', share: 'DOUBLE' }, rows);
	expect(await db.query('SELECT * FROM inserted ORDER BY rowid')).toEqual(rows);
});

test('takes a row longer than DuckDB’s default 2 MB line (a million three-byte characters)', async () => {
	const text = '长'.repeat(1_000_000);
	await insertRows(db, 'inserted', { text: 'VARCHAR' }, [{ text: 'short' }, { text }]);
	expect(await db.query('SELECT length(text)::INTEGER AS length, strlen(text)::INTEGER AS bytes FROM inserted ORDER BY rowid')).toEqual([
		{ length: 5, bytes: 5 },
		{ length: 1_000_000, bytes: 3_000_000 }
	]);
});
