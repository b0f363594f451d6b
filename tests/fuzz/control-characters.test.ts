import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { checkedImport } from './checked-import';

const SEED = 20_261_202;
const RUNS = Math.round(60 * Number(process.env.FUZZ_SCALE ?? 1));

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

// Every C0 control but tab, LF and CR (those are CSV and JSON structure), NUL and IRC colour codes included.
const control = fc.constantFrom(...Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code))).map((code) => String.fromCharCode(code));
const plain = fc.string({ unit: fc.constantFrom(...'abc 张伟,"0123'), maxLength: 12 });
const withControls = (min_length: number) => fc.array(fc.oneof(plain, control, fc.constant('\u000304,01')), { minLength: min_length, maxLength: 8 }).map((parts) => parts.join(''));
const row = fc.record({ author: fc.tuple(fc.constantFrom('Ann', 'Bo', '张伟'), withControls(0)).map(([name, noise]) => name + noise), text: withControls(0) });
const file = fc.array(row, { minLength: 1, maxLength: 30 });

/** The text as the import must store it: IRC colour codes with their digits and the controls removed. */
const stripped = (value: string) => value.replace(/\u0003(?:\d{1,2}(?:,\d{1,2})?)?|[\u0000-\u0008\u000e-\u001f]/g, '');
const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

describe('control characters, NUL included, in the texts and authors of generated files, fuzzed', () => {
	it(`${RUNS} Resonance CSVs (seed ${SEED}): none refused, every row imported with the controls stripped and counted`, async () => {
		let stripped_rows = 0;
		await fc.assert(
			fc.asyncProperty(file, async (rows) => {
				const csv = ['timestamp,author,text', ...rows.map((row, index) => `2024-01-01 10:${String(index).padStart(2, '0')}:00,${quoted(row.author)},${quoted(row.text)}`)].join('\n');
				const outcome = await checkedImport(db, 'controls.csv', new TextEncoder().encode(csv));
				expect(outcome, 'refused' in outcome ? outcome.refused : '').toHaveProperty('report');
				if (!('report' in outcome)) return;
				// DuckDB's trim removes spaces only.
				const expected = rows.map((row) => ({ author_name: stripped(row.author).replace(/^ +| +$/g, ''), text: stripped(row.text) }));
				const changed = rows.filter((row) => stripped(row.author) !== row.author || stripped(row.text) !== row.text).length;
				expect(outcome.report).toMatchObject({ rows: rows.length, rejected: 0, control_characters_stripped: changed });
				expect(await db.query('SELECT author_name, text FROM messages ORDER BY sent_at')).toEqual(expected);
				stripped_rows += changed;
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
		console.info(`control characters in CSV fuzz: ${RUNS} files, ${stripped_rows} rows stripped, 0 refused`);
	}, 300_000);

	it(`${RUNS} Telegram JSON files with raw control characters inside strings (seed ${SEED}): none refused, every message imported`, async () => {
		await fc.assert(
			fc.asyncProperty(file, async (rows) => {
				// Raw controls (not \u escapes) are what a damaged or hand-made file holds; JSON.stringify would escape them.
				const raw = (value: string) => JSON.stringify(value).replace(/\\u00([01][0-9a-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\[bf]/g, (escape) => (escape === '\\b' ? '\b' : '\f'));
				const messages = rows.map((row, index) => `{"id": ${index + 1}, "type": "message", "date_unixtime": "${1_700_000_000 + index * 60}", "from": ${raw(row.author)}, "from_id": "user${index % 3}", "text": ${raw(row.text)}}`);
				const json = `{"name": "G", "type": "private_group", "id": 1, "messages": [\n${messages.join(',\n')}\n]}`;
				const outcome = await checkedImport(db, 'result.json', new TextEncoder().encode(json));
				expect(outcome, 'refused' in outcome ? outcome.refused : '').toHaveProperty('report');
				if (!('report' in outcome)) return;
				expect(outcome.report).toMatchObject({ format: 'telegram-json', rows: rows.length, rejected: 0 });
				expect(await db.query('SELECT text FROM messages ORDER BY sent_at')).toEqual(rows.map((row) => ({ text: stripped(row.text) })));
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
		console.info(`control characters in Telegram JSON fuzz: ${RUNS} files, 0 refused`);
	}, 300_000);
});
