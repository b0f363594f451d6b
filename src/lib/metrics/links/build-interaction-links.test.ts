import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import type { RosterEntry } from '../../ingest/parse-roster';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks, type InteractionLink } from './build-interaction-links';

const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/links', name));
const RULES = 'rules__reply-outside-file_self-reply_reply-to-media_continuations_60-minute-edge.csv';
const MENTIONS = 'mentions__at-name_leading-name_longest-first_unknown-name_self-mention_mail-address_lurker_cjk_same-second.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

async function linksOf(name: string, roster?: RosterEntry[], window_minutes?: number): Promise<InteractionLink[]> {
	const [report] = await loadDataset(db, [{ source: fixture(name) }], { time_zone: 'UTC', roster });
	expect(report.rejected).toBe(0);
	await buildInteractionLinks(db, window_minutes === undefined ? {} : { window_minutes });
	return db.query<InteractionLink>('SELECT message_id, parent_id, rule, author_id, parent_author_id FROM links ORDER BY seq');
}

const link = (message_id: string, parent_id: string | null, rule: string, author_id: string, parent_author_id: string | null) => ({
	message_id,
	parent_id,
	rule,
	author_id,
	parent_author_id
});

describe('buildInteractionLinks', () => {
	it('follows reply_to, skips replies outside the file and to oneself, lets continuations inherit, and stops at 60 minutes', async () => {
		expect(await linksOf(RULES)).toEqual([
			link('m01', null, 'none', 'Mentor', null),
			link('m02', 'm01', 'previous', 'Ann', 'Mentor'),
			// continues Ann's m02, so inherits its link
			link('m03', 'm01', 'previous', 'Ann', 'Mentor'),
			// reply_to x999 is not in the file: the next rules decide
			link('m04', 'm03', 'previous', 'Bob', 'Ann'),
			// a reply to Bob's own m04 is dropped; it then continues m04 and inherits m04's link
			link('m05', 'm03', 'previous', 'Bob', 'Ann'),
			link('m06', 'm03', 'reply_to', 'Mentor', 'Ann'),
			// inherits an explicit link, but was linked by adjacency, so the rule is previous
			link('m07', 'm03', 'previous', 'Mentor', 'Ann'),
			// m08 is media: not counted, yet a reply to it reaches its author
			link('m09', 'm08', 'reply_to', 'Bob', 'Mentor'),
			// 59:59 after m09 (m08 is not counted, so it is not "previous")
			link('m10', 'm09', 'previous', 'Ann', 'Bob'),
			// exactly 60:00 after m10
			link('m11', null, 'none', 'Bob', null),
			// continues m11, which has no link
			link('m12', null, 'none', 'Bob', null),
			link('m13', 'm12', 'previous', 'Ann', 'Bob')
		]);
	});

	it('applies the window it is given, strictly under', async () => {
		const links = await linksOf(RULES, undefined, 59.99);
		expect(links.find((row) => row.message_id === 'm10')).toEqual(link('m10', 'm09', 'previous', 'Ann', 'Bob'));
		const shorter = await linksOf(RULES, undefined, 59.98);
		expect(shorter.find((row) => row.message_id === 'm10')).toEqual(link('m10', null, 'none', 'Ann', null));
	});

	it('matches @names and leading "name:" case-insensitively, longest name first, only for members who wrote before', async () => {
		const roster = [{ author: 'Carol', role: 'student', cohort: null }];
		expect(await linksOf(MENTIONS, roster)).toEqual([
			link('1', null, 'none', 'Ann Lee', null),
			link('2', '1', 'previous', 'Ann', 'Ann Lee'),
			link('3', '2', 'previous', 'Mentor', 'Ann'),
			// "@ann lee" is Ann Lee, not Ann
			link('4', '1', 'mention', 'Bob', 'Ann Lee'),
			// Zed is no member
			link('5', '4', 'previous', 'Ann', 'Bob'),
			// IRC style: a name opening the text, then ":"
			link('6', '3', 'mention', 'Bob', 'Mentor'),
			// a mail address is no mention
			link('7', '6', 'previous', 'Mentor', 'Bob'),
			// mentioning oneself is dropped
			link('8', '7', 'previous', 'Ann', 'Mentor'),
			// Carol (roster lurker) never wrote, so the next mention, Bob, links
			link('9', '6', 'mention', 'Ann', 'Bob'),
			// same second as 9, shorter id first: continues 9
			link('10', '6', 'previous', 'Ann', 'Bob'),
			// "@Annabelle" does not name Ann
			link('11', '10', 'previous', 'Bob', 'Ann'),
			link('12', '11', 'mention', 'Mentor', 'Bob'),
			link('13', '12', 'previous', '张三', 'Mentor'),
			// Chinese puts no space after a name
			link('14', '13', 'mention', 'Ann', '张三'),
			// only the opening name counts as a leading mention
			link('15', '12', 'mention', 'Bob', 'Mentor')
		]);
	});
});
