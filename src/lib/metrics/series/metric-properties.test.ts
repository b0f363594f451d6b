import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../../ingest/sources/bytes-import-source';
import { loadDataset } from '../../ingest/load-dataset';
import { monthlyDrops } from '../drops/monthly-drops';
import { retentionCurves } from '../drops/retention-curves';
import { silentMembersAt } from '../drops/silent-members-at';
import { monthlySeries } from '../monthly-series';
import { peakReport } from '../peaks/peak-report';
import { stageComparison } from '../stages/stage-comparison';
import { activitySeries } from './activity-series';

const YEAR_START_S = Date.UTC(2021, 0, 1) / 1000;
const YEAR_END_S = Date.UTC(2021, 11, 31, 23, 59, 59) / 1000;
const STAGES = [
	{ name: 'First half', start: '2021-01-01', end: '2021-06-30' },
	{ name: 'Second half', start: '2021-07-01', end: '2021-12-31' }
];

const messageArbitrary = fc.record({
	at_s: fc.integer({ min: YEAR_START_S, max: YEAR_END_S }),
	author: fc.constantFrom('Mia', 'Ann', 'Ben', 'Cai', 'Dee'),
	words: fc.integer({ min: 1, max: 4 }),
	likes: fc.integer({ min: 0, max: 5 }),
	kind: fc.constantFrom('text', 'text', 'text', 'media')
});
type Message = typeof messageArbitrary extends fc.Arbitrary<infer T> ? T : never;

function csv(messages: readonly (Message & { id: number })[]): Uint8Array {
	const lines = messages.map(({ id, at_s, author, words, likes, kind }) =>
		[id, new Date(at_s * 1000).toISOString().slice(0, 19).replace('T', ' '), author, author === 'Mia' ? 'mentor' : 'student', 'ok '.repeat(words).trim(), likes, kind].join(',')
	);
	return new TextEncoder().encode(['message_id,timestamp,author,role,text,likes,kind', ...lines].join('\n') + '\n');
}

async function load(messages: readonly (Message & { id: number })[]) {
	await loadDataset(db, [{ source: bytesImportSource('messages.csv', csv(messages)) }], { time_zone: 'UTC' });
}

const withIds = (messages: Message[]) => messages.map((message, index) => ({ ...message, id: index + 1 }));
const total = (rows: { messages: number }[]) => rows.reduce((sum, row) => sum + row.messages, 0);

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

describe('series and metrics on random communities', () => {
	it('weekly and daily messages, words and likes sum to the monthly totals and to the counted messages', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(messageArbitrary, { minLength: 1, maxLength: 80 }), async (messages) => {
				await load(withIds(messages));
				const [month, week, day] = await Promise.all((['month', 'week', 'day'] as const).map((grain) => activitySeries(db, grain)));
				const counted = messages.filter((message) => message.kind === 'text');
				for (const rows of [month, week, day]) {
					expect(total(rows)).toBe(counted.length);
					expect(rows.reduce((sum, row) => sum + (row.words ?? Number.NaN), 0)).toBe(counted.reduce((sum, message) => sum + message.words, 0));
					expect(rows.reduce((sum, row) => sum + (row.likes ?? 0), 0)).toBe(counted.reduce((sum, message) => sum + message.likes, 0));
					expect(rows.reduce((sum, row) => sum + row.new_members, 0)).toBe(new Set(counted.map((message) => message.author)).size);
				}
			}),
			{ numRuns: 15 }
		);
	}, 300_000);

	it('no metric changes when the rows of the CSV are shuffled', async () => {
		const everything = async () => {
			const monthly = await monthlySeries(db);
			return {
				series: await Promise.all((['month', 'week', 'day'] as const).map((grain) => activitySeries(db, grain))),
				peaks: peakReport(await activitySeries(db, 'week'), { grain: 'week', events: [{ date: '2021-03-01', label: 'x' }] }),
				drops: monthlyDrops(monthly),
				silent: await silentMembersAt(db),
				retention: await retentionCurves(db),
				stages: await stageComparison(db, STAGES)
			};
		};
		const shuffled = fc
			.array(messageArbitrary, { minLength: 1, maxLength: 80 })
			.map(withIds)
			.chain((messages) => fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length, maxLength: messages.length })));
		await fc.assert(
			fc.asyncProperty(shuffled, async ([messages, reordered]) => {
				await load(messages);
				const before = await everything();
				await load(reordered);
				expect(await everything()).toEqual(before);
			}),
			{ numRuns: 10 }
		);
	}, 300_000);
});
