import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { monthlySeries } from '../metrics/monthly-series';
import { countWords } from './words/count-words.oracle';
import { inspectExport } from './inspect-export';
import { loadDataset } from './load-dataset';

const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../tests/fixtures/csv', name));

let db: Db;
beforeEach(async () => {
	db = await createNodeDb();
});
afterEach(async () => {
	await db.close();
});

describe('loadDataset on a Resonance CSV', () => {
	it('reads a BOM, CRLF, quoted multi-line text with commas, Chinese text and empty likes, and fills the empty month', async () => {
		const [report] = await loadDataset(db, [{ source: fixture('resonance__bom_crlf_multiline-commas_chinese_empty-likes_empty-october.csv') }], {
			time_zone: 'UTC'
		});
		expect(report).toMatchObject({ format: 'resonance-csv', rows: 5, rejected: 0, errors: [], members: 3 });
		expect(report.capabilities).toEqual({ reply_ids: true, likes: true, stable_ids: true, timezone_aware: false });
		expect(await monthlySeries(db)).toEqual([
			{ month: '2020-09', messages: 3, words: 6 + 5 + 4, likes: 4, active_members: 3, active_students: 2, new_members: 3, mentor_messages: 1, mentor_share: 1 / 3, coverage: 1 },
			{ month: '2020-10', messages: 0, words: 0, likes: 0, active_members: 0, active_students: 0, new_members: 0, mentor_messages: 0, mentor_share: null, coverage: 1 },
			{ month: '2020-11', messages: 2, words: 6 + 2, likes: 2, active_members: 2, active_students: 1, new_members: 0, mentor_messages: 1, mentor_share: 0.5, coverage: 6 / 30 }
		]);
		const texts = await db.query<{ text: string; words: number }>('SELECT text, words FROM messages ORDER BY sent_at');
		expect(texts[0].text).toBe('Welcome, everyone!\r\nRead chapter 1, please.');
		expect(texts[2].text).toBe('He said "ok", fine');
		for (const row of texts) expect(row.words).toBe(countWords(row.text));
	});

	it('rejects bad dates, an empty author, bad likes and a wrong column count, each with its physical line', async () => {
		const [report] = await loadDataset(db, [{ source: fixture('resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv') }], {
			time_zone: 'UTC'
		});
		expect(report.rows).toBe(2);
		expect(report.rejected).toBe(6);
		expect(report.errors).toEqual([
			{ line: 3, reason: 'timestamp "yesterday" is not a date and time' },
			{ line: 4, reason: 'author is empty' },
			{ line: 5, reason: 'likes "x" is not a whole number' },
			{ line: 7, reason: 'timestamp "2021-02-30 10:00:00" is not a date and time' },
			{ line: 8, reason: 'timestamp "1899-01-01 10:00:00" is out of range (1990–2100)' },
			{ line: 9, reason: 'row has 5 columns, the header has 4' }
		]);
		expect((await monthlySeries(db)).map((row) => [row.month, row.messages])).toEqual([
			['2021-01', 1],
			['2021-02', 1]
		]);
	});

	it('applies a roster: roles by author name, lurkers listed as members with no messages', async () => {
		await loadDataset(db, [{ source: fixture('resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv') }], {
			time_zone: 'UTC',
			roster: [
				{ author: 'Ann', role: 'mentor', cohort: null },
				{ author: 'Cy', role: 'student', cohort: 'A' },
				{ author: 'Dee', role: 'student', cohort: 'A' }
			]
		});
		expect(await db.query('SELECT author_name, role, cohort, messages FROM members ORDER BY author_name')).toEqual([
			{ author_name: 'Ann', role: 'mentor', cohort: null, messages: 1 },
			{ author_name: 'Cy', role: 'student', cohort: 'A', messages: 1 },
			{ author_name: 'Dee', role: 'student', cohort: 'A', messages: 0 }
		]);
		expect((await monthlySeries(db)).map((row) => row.mentor_share)).toEqual([1, 0]);
	});
});

describe('loadDataset on another CSV with a column mapping', () => {
	it('guesses Date/Sender/Message and converts offsets and epoch times into the dataset time zone', async () => {
		const source = fixture('mapped__date-sender-message_offsets_epochs.csv');
		const inspection = await inspectExport(source);
		expect(inspection).toMatchObject({ kind: 'csv', format: 'mapped-csv', mapping: { timestamp: 0, author: 1, text: 2 } });
		const [report] = await loadDataset(db, [{ source, inspection }], { time_zone: 'Asia/Shanghai' });
		expect(report).toMatchObject({ rows: 4, rejected: 0, time_zone: 'Asia/Shanghai' });
		expect(report.capabilities.likes).toBe(false);
		expect(await db.query(`SELECT strftime(sent_at, '%Y-%m-%d %H:%M:%S') AS sent_at, author_name FROM messages ORDER BY sent_at`)).toEqual([
			{ sent_at: '2021-03-01 10:00:00', author_name: 'Ann' },
			{ sent_at: '2021-03-01 10:40:00', author_name: 'Bo' },
			{ sent_at: '2021-03-01 10:50:00', author_name: 'Bo' },
			{ sent_at: '2021-03-31 23:30:00', author_name: 'Cy' }
		]);
		const [month] = await monthlySeries(db);
		expect(month).toMatchObject({ month: '2021-03', messages: 4, likes: null });
	});

	it('refuses a file that is not text, with a one-line reason', async () => {
		const { bytesImportSource } = await import('./sources/bytes-import-source');
		const garbage = bytesImportSource('photo.csv', Uint8Array.from({ length: 2000 }, (_, index) => (index * 7919) % 256));
		await expect(loadDataset(db, [{ source: garbage }], { time_zone: 'UTC' })).rejects.toThrow(/not (valid|a text)/);
	});
});
