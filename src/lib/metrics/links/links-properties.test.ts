import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../../ingest/sources/bytes-import-source';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks, type InteractionLink } from './build-interaction-links';
import { ensureTables } from '../derived-tables';
import { linkRatios } from './link-ratios';

interface Row {
	message_id: string;
	/** `YYYY-MM-DD HH:MM:SS` */
	timestamp: string;
	author: string;
	role: string;
	text: string;
	reply_to: string;
	kind: 'text' | 'media';
	file: 0 | 1;
}

const AUTHORS: Record<string, string> = { Mentor: 'mentor', Ann: 'student', 'Ann Lee': 'student', Bob: 'student', Cy: '' };
const TEXTS = ['hi', '@ann hi', '@Ann Lee hi', 'bob: ok', 'BOB, ok', 'mail x@bob.org', '@zed?', '@annabelle', 'ann lee: yes', '@Mentor, @Cy thanks', 'Cy:', '@@bob'];

const rowsArbitrary = fc
	.array(
		fc.record({
			author: fc.constantFrom(...Object.keys(AUTHORS)),
			// minutes from 10:00, chosen so that ties and gaps of exactly 60 minutes are common
			minute: fc.constantFrom(0, 1, 30, 59, 60, 61, 119, 120, 121, 180, 240),
			text: fc.constantFrom(...TEXTS),
			reply: fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat(30)),
			media: fc.integer({ min: 0, max: 9 }).map((draw) => draw < 2),
			file: fc.constantFrom(0 as const, 1 as const)
		}),
		{ minLength: 1, maxLength: 30 }
	)
	.chain((drafts) =>
		// ids of mixed lengths in an order unrelated to time, so the id tie-break matters
		fc.shuffledSubarray(Array.from({ length: 200 }, (_, index) => String(index * 7)), { minLength: drafts.length, maxLength: drafts.length }).map((ids) =>
			drafts.map((draft, index): Row => ({
				message_id: ids[index],
				timestamp: `2021-05-03 ${String(10 + Math.floor(draft.minute / 60)).padStart(2, '0')}:${String(draft.minute % 60).padStart(2, '0')}:00`,
				author: draft.author,
				role: AUTHORS[draft.author],
				text: draft.text,
				reply_to: draft.reply === -1 ? '' : draft.reply === -2 ? 'outside-9' : ids[draft.reply % drafts.length],
				kind: draft.media ? 'media' : 'text',
				file: draft.file
			}))
		)
	);

function csv(rows: readonly Row[]): Uint8Array {
	const field = (value: string) => '"' + value.replaceAll('"', '""') + '"';
	const lines = rows.map((row) => [row.message_id, row.timestamp, row.author, row.role, row.text, row.reply_to, row.kind].map(field).join(','));
	return new TextEncoder().encode(['message_id,timestamp,author,role,text,reply_to,kind', ...lines].join('\n') + '\n');
}

async function load(db: Db, rows: readonly Row[]): Promise<InteractionLink[]> {
	const files = ([0, 1] as const).map((file) => rows.filter((row) => row.file === file)).filter((part) => part.length > 0);
	await loadDataset(
		db,
		files.map((part, index) => ({ source: bytesImportSource(`part-${index}.csv`, csv(part)) })),
		{ time_zone: 'UTC' }
	);
	await ensureTables(db, ['counted_messages']);
	await buildInteractionLinks(db);
	return db.query<InteractionLink>('SELECT message_id, parent_id, rule, author_id, parent_author_id FROM kept_links ORDER BY seq');
}

/** DESIGN.md "Interaction links" as checkable facts about each row, whatever the model chose. */
function ruleViolations(rows: readonly Row[], links: readonly InteractionLink[]): string[] {
	const at = (row: Row) => Date.parse(row.timestamp.replace(' ', 'T') + 'Z');
	const by_id = new Map(rows.map((row) => [row.message_id, row]));
	const order = new Map(links.map((link, index) => [link.message_id, index]));
	const counted = rows.filter((row) => row.kind === 'text');
	const problems: string[] = [];
	if (links.length !== counted.length) problems.push(`${links.length} links for ${counted.length} counted messages`);
	for (const link of links) {
		const row = by_id.get(link.message_id)!;
		const parent = link.parent_id === null ? undefined : by_id.get(link.parent_id);
		const explicit = by_id.get(row.reply_to);
		const say = (problem: string) => problems.push(`${link.message_id} (${link.rule}): ${problem}`);
		if (explicit && (link.rule !== 'reply_to' || link.parent_id !== explicit.message_id)) say('an explicit parent in the dataset is the parent');
		if (!explicit && link.rule === 'reply_to') say('reply_to without an explicit parent');
		if ((link.rule === 'none') !== (parent === undefined)) say('none exactly when there is no parent');
		if (parent && link.parent_author_id !== parent.author) say('parent_author_id is the parent\'s author');
		if (link.rule !== 'reply_to' && parent) {
			if (parent.file !== row.file) say('an inferred parent comes from the same file');
			if (!(order.get(parent.message_id)! < order.get(link.message_id)!)) say('an inferred parent comes earlier');
			if ((link.rule === 'continuation') !== (parent.author === row.author)) say('continuation exactly when the parent is one\'s own');
			if (link.rule === 'mention' && !row.text.toLowerCase().includes(parent.author.toLowerCase())) say('a mention names the parent\'s author');
			if (link.rule !== 'mention' && at(row) - at(parent) >= 60 * 60_000) say('an unnamed parent is under 60 minutes old');
		}
	}
	return problems;
}

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

describe('buildInteractionLinks properties', { timeout: 300_000 }, () => {
	it('keeps the rules: explicit parents first, inferred parents earlier in the same file, continuation exactly for one\'s own', async () => {
		await fc.assert(
			fc.asyncProperty(rowsArbitrary, async (rows) => {
				expect(ruleViolations(rows, await load(db, rows))).toEqual([]);
			}),
			{ numRuns: 40 }
		);
	});

	it('gives the same links table whatever order the rows come in', async () => {
		await fc.assert(
			fc.asyncProperty(
				rowsArbitrary.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
				async ([rows, shuffled]) => {
					expect(await load(db, shuffled)).toEqual(await load(db, rows));
				}
			),
			{ numRuns: 20 }
		);
	});

	it('counts mentor→student, student→mentor and student→student links to the links between two people of those roles, on the basis', async () => {
		await fc.assert(
			fc.asyncProperty(rowsArbitrary, async (rows) => {
				const links = await load(db, rows);
				const role = new Map(rows.map((row) => [row.message_id, row.role]));
				const counted = new Set(['mentor>student', 'student>mentor', 'student>student']);
				const explicit_only = links.filter((link) => link.rule === 'reply_to').length >= 0.2 * links.length;
				const between_people = links.filter(
					(link) => link.parent_id !== null && link.parent_author_id !== link.author_id && (!explicit_only || link.rule === 'reply_to')
				);
				const between_roles = between_people.filter((link) => counted.has(`${role.get(link.message_id)}>${role.get(link.parent_id!)}`));
				const months = await linkRatios(db, { grain: 'month' });
				expect(months.every((month) => month.basis === (explicit_only ? 'explicit' : 'inferred'))).toBe(true);
				const total = (key: 'mentor_to_student' | 'student_to_mentor' | 'student_to_student' | 'links') =>
					months.reduce((sum, month) => sum + month[key], 0);
				expect(total('mentor_to_student') + total('student_to_mentor') + total('student_to_student')).toBe(between_roles.length);
				expect(total('links')).toBe(between_people.length);
			}),
			{ numRuns: 20 }
		);
	});
});
