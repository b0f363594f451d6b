import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { checkedImport } from './checked-import';

const SEED = 20_261_204;
const RUNS = Math.round(40 * Number(process.env.FUZZ_SCALE ?? 1));
const MAX_LIKES = 2_147_483_647;

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

// Small counts, counts at the INTEGER edge, huge and fractional ones, negatives.
const count = fc.oneof(
	fc.integer({ min: 0, max: 50 }),
	fc.integer({ min: MAX_LIKES - 3, max: MAX_LIKES + 3 }),
	fc.constantFrom(1e308, 2 ** 53, 1.5, 0.1, -1, -0),
	fc.double({ min: -1e12, max: 1e12, noNaN: true })
);
const message = fc.array(count, { maxLength: 3 });
const file = fc.array(message, { minLength: 1, maxLength: 8 });

/** The likes a message must import with, or null when it must be rejected. */
function expectedLikes(counts: number[]): number | null {
	if (counts.some((value) => !Number.isInteger(value) || value < 0)) return null;
	const total = counts.reduce((sum, value) => sum + value, 0);
	return total <= MAX_LIKES ? total : null;
}

describe('reaction counts across the whole number line, fuzzed', () => {
	it(`${RUNS} Telegram files and ${RUNS} Resonance CSVs (seed ${SEED}): likes outside 0…2,147,483,647 or not whole reject their row, never the file`, async () => {
		let rejected = 0;
		await fc.assert(
			fc.asyncProperty(file, async (messages) => {
				const expected = messages.map(expectedLikes);
				const lines = messages.map((counts, index) => {
					const reactions = counts.map((value) => `{"type": "emoji", "emoji": "👍", "count": ${JSON.stringify(value)}}`).join(', ');
					return ` {"id": ${index + 1}, "type": "message", "date_unixtime": "${1_700_000_000 + index}", "from": "A", "from_id": "user1", "text": "m", "reactions": [${reactions}]}`;
				});
				const telegram = await checkedImport(db, 'result.json', new TextEncoder().encode(`{"name": "G", "type": "private_group", "id": 1, "messages": [\n${lines.join(',\n')}\n]}`));
				expect(telegram).toHaveProperty('report');
				if (!('report' in telegram)) return;
				expect(telegram.report.errors.map((error) => error.line)).toEqual(expected.flatMap((likes, index) => (likes === null ? [index + 2] : [])));
				expect(await db.query('SELECT likes FROM messages ORDER BY message_id::INTEGER')).toEqual(expected.filter((likes) => likes !== null).map((likes) => ({ likes })));

				// The CSV `likes` column holds one count per row, written as JSON writes numbers (1e+308, 1.5, -1).
				const csv_counts = messages.map((counts) => counts[0] ?? 0);
				const csv = ['timestamp,author,likes', ...csv_counts.map((value, index) => `2024-01-01 10:0${index}:00,ann,${JSON.stringify(value)}`)].join('\n');
				const resonance = await checkedImport(db, 'likes.csv', new TextEncoder().encode(csv));
				expect(resonance).toHaveProperty('report');
				if (!('report' in resonance)) return;
				const csv_expected = csv_counts.map((value) => expectedLikes([value]));
				expect(resonance.report.errors.map((error) => error.line)).toEqual(csv_expected.flatMap((likes, index) => (likes === null ? [index + 2] : [])));
				expect(await db.query('SELECT likes FROM messages ORDER BY sent_at')).toEqual(csv_expected.filter((likes) => likes !== null).map((likes) => ({ likes })));
				rejected += telegram.report.rejected + resonance.report.rejected;
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
		console.info(`likes range fuzz: ${RUNS} Telegram files + ${RUNS} CSVs, ${rejected} rows rejected for their likes`);
	}, 600_000);
});
