import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../../ingest/bytes-import-source';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks, type InteractionLink } from './build-interaction-links';
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
	await buildInteractionLinks(db);
	return db.query<InteractionLink>('SELECT message_id, parent_id, rule, author_id, parent_author_id FROM links ORDER BY seq');
}

const WORD_CHAR = /^([^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{N}_])/u;

/** DESIGN.md "Interaction links" written plainly, one message at a time, to check the SQL against. */
function referenceLinks(rows: readonly Row[], window_minutes = 60): InteractionLink[] {
	const at = (row: Row) => Date.parse(row.timestamp.replace(' ', 'T') + 'Z');
	const counted = rows
		.filter((row) => row.kind === 'text')
		.sort((a, b) => at(a) - at(b) || a.message_id.length - b.message_id.length || (a.message_id < b.message_id ? -1 : 1));
	const by_id = new Map(rows.map((row) => [row.message_id, row]));
	const names = [...new Set(rows.map((row) => row.author.toLowerCase()))].sort((a, b) => b.length - a.length);
	const latest = new Map<string, Row>();
	const last_in_file = new Map<number, { row: Row; link: InteractionLink }>();
	const links: InteractionLink[] = [];
	const link = (row: Row, parent: Row | undefined, rule: InteractionLink['rule']): InteractionLink => ({
		message_id: row.message_id,
		parent_id: parent?.message_id ?? null,
		rule,
		author_id: row.author,
		parent_author_id: parent?.author ?? null
	});
	for (const row of counted) {
		const lower = row.text.toLowerCase();
		const spots: string[] = [];
		const opening = row.text.replace(/^ +/, '').toLowerCase();
		const leading = names.find((name) => opening.startsWith(name) && ':,：，'.includes(opening[name.length] ?? 'x'));
		if (leading !== undefined) spots.push(leading);
		const parts = lower.split('@');
		for (let index = 1; index < parts.length; index++) {
			if (WORD_CHAR.test(parts[index - 1].slice(-1))) continue;
			const name = names.find((candidate) => parts[index].startsWith(candidate) && !WORD_CHAR.test(parts[index].charAt(candidate.length)));
			if (name !== undefined) spots.push(name);
		}
		const mentioned = spots
			.map((name) =>
				[...latest.values()]
					.filter((other) => other.author.toLowerCase() === name && other.author !== row.author)
					.sort((a, b) => counted.indexOf(b) - counted.indexOf(a))[0]
			)
			.find((parent) => parent !== undefined);
		const replied = by_id.get(row.reply_to);
		const previous = last_in_file.get(row.file);
		let made: InteractionLink;
		if (replied && replied.author !== row.author) made = link(row, replied, 'reply_to');
		else if (mentioned) made = link(row, mentioned, 'mention');
		else if (previous && at(row) - at(previous.row) < window_minutes * 60_000) {
			made =
				previous.row.author !== row.author
					? link(row, previous.row, 'previous')
					: previous.link.parent_id === null
						? link(row, undefined, 'none')
						: { ...previous.link, message_id: row.message_id, rule: 'previous' };
		} else made = link(row, undefined, 'none');
		links.push(made);
		latest.set(row.author, row);
		last_in_file.set(row.file, { row, link: made });
	}
	return links;
}

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

describe('buildInteractionLinks properties', { timeout: 300_000 }, () => {
	it('matches a plain one-message-at-a-time reading of the rules', async () => {
		await fc.assert(
			fc.asyncProperty(rowsArbitrary, async (rows) => {
				expect(await load(db, rows)).toEqual(referenceLinks(rows));
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

	it('counts mentor→student, student→mentor and student→student links to the number of links between those roles', async () => {
		await fc.assert(
			fc.asyncProperty(rowsArbitrary, async (rows) => {
				const links = await load(db, rows);
				const role = new Map(rows.map((row) => [row.message_id, row.role]));
				const counted = new Set(['mentor>student', 'student>mentor', 'student>student']);
				const between_roles = links.filter((link) => link.parent_id !== null && counted.has(`${role.get(link.message_id)}>${role.get(link.parent_id)}`));
				const months = await linkRatios(db, { grain: 'month' });
				const total = (key: 'mentor_to_student' | 'student_to_mentor' | 'student_to_student' | 'links') =>
					months.reduce((sum, month) => sum + month[key], 0);
				expect(total('mentor_to_student') + total('student_to_mentor') + total('student_to_student')).toBe(between_roles.length);
				expect(total('links')).toBe(links.filter((link) => link.parent_id !== null).length);
			}),
			{ numRuns: 20 }
		);
	});
});
