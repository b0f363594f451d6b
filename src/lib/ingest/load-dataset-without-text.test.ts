import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { monthlySeries } from '../metrics/monthly-series';
import { loadDataset, type DatasetFile } from './load-dataset';

const fixture = (folder: string, name: string) => pathImportSource(resolve(import.meta.dirname, '../../../tests/fixtures', folder, name));
const MESSAGE_COLUMNS = `message_id, strftime(sent_at, '%Y-%m-%d %H:%M:%S') AS sent_at, author_id, author_name, role, kind, likes, reply_to, source`;

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

/** Loads the files twice, with and without text, and returns what each load left in the database. */
async function loadBothWays(files: DatasetFile[]) {
	const results = [];
	for (const without_text of [false, true]) {
		const reports = await loadDataset(db, files, { time_zone: 'UTC', without_text });
		results.push({
			reports,
			messages: await db.query(`SELECT ${MESSAGE_COLUMNS} FROM messages ORDER BY import_id, sent_at, message_id`),
			texts: await db.query<{ text: string | null; words: number | null }>('SELECT text, words FROM messages ORDER BY import_id, sent_at, message_id'),
			members: await db.query('SELECT * FROM members ORDER BY author_id'),
			monthly: await monthlySeries(db)
		});
	}
	return { with_text: results[0], without_text: results[1] };
}

describe('loadDataset with without_text', () => {
	it("a Resonance CSV: every text is '' and words 0; messages, members, reports and monthly counts other than words are unchanged", async () => {
		const { with_text, without_text } = await loadBothWays([
			{ source: fixture('csv', 'resonance__bom_crlf_multiline-commas_chinese_empty-likes_empty-october.csv') }
		]);
		expect(with_text.texts.some((row) => row.text !== '')).toBe(true);
		expect(without_text.texts).toEqual(with_text.texts.map(() => ({ text: '', words: 0 })));
		expect(without_text.messages).toEqual(with_text.messages);
		expect(without_text.members).toEqual(with_text.members);
		expect(without_text.reports).toEqual(with_text.reports);
		expect(without_text.monthly).toEqual(with_text.monthly.map((month) => ({ ...month, words: 0 })));
		expect(without_text.monthly.map((month) => month.messages)).toEqual([3, 0, 2]);
	});

	it('a mapped CSV with a chosen mapping: the text column is left out, the rest of the mapping still applies', async () => {
		const source = fixture('csv', 'mapped__date-sender-message_offsets_epochs.csv');
		const { with_text, without_text } = await loadBothWays([{ source, mapping: { timestamp: 0, author: 1, text: 2 } }]);
		expect(with_text.texts.every((row) => row.text !== '')).toBe(true);
		expect(without_text.texts).toEqual([0, 1, 2, 3].map(() => ({ text: '', words: 0 })));
		expect(without_text.messages).toEqual(with_text.messages);
		expect(without_text.reports[0]).toMatchObject({ rows: 4, rejected: 0 });
	});

	it("a JS adapter (Telegram) with a CSV beside it: texts blanked after parsing, so kinds, rejects and counts stay as they were", async () => {
		const { with_text, without_text } = await loadBothWays([
			{ source: fixture('formats', 'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json') },
			{ source: fixture('csv', 'resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv') }
		]);
		expect(with_text.texts.filter((row) => row.text !== '').length).toBeGreaterThan(5);
		expect(without_text.texts).toEqual(with_text.texts.map(() => ({ text: '', words: 0 })));
		expect(without_text.messages).toEqual(with_text.messages);
		expect(without_text.members).toEqual(with_text.members);
		expect(without_text.reports).toEqual(with_text.reports);
		expect(without_text.monthly.map(({ words, ...month }) => month)).toEqual(with_text.monthly.map(({ words, ...month }) => month));
	});
});
