import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import type { RosterEntry } from '../../ingest/members/parse-roster';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks, type InteractionLink } from './build-interaction-links';
import { ensureTables } from '../derived-tables';

const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/links', name));
const RULES = 'rules__reply-outside-file_self-reply_reply-to-media_continuations_60-minute-edge.csv';
const MENTIONS = 'mentions__at-name_leading-name_longest-first_unknown-name_self-mention_mail-address_lurker_cjk_same-second.csv';
const INFERENCE = 'inference__greeting-none_continuation_reply-nickname_at-nickname_english-name-mid-text_60-minute-gap.csv';
const RENAMED = 'telegram__renamed-member_budi-to-budi-s_named-by-old-name.json';

type Link = InteractionLink & { reason: string };

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

async function linksOf(name: string, roster?: RosterEntry[], window_minutes?: number): Promise<Link[]> {
	const [report] = await loadDataset(db, [{ source: fixture(name) }], { time_zone: 'UTC', roster });
	expect(report.rejected).toBe(0);
	await ensureTables(db, ['counted_messages']);
	await buildInteractionLinks(db, window_minutes === undefined ? {} : { window_minutes });
	return db.query<Link>('SELECT message_id, parent_id, rule, author_id, parent_author_id, reason FROM kept_links ORDER BY seq');
}

const link = (message_id: string, parent_id: string | null, rule: string, author_id: string, parent_author_id: string | null, reason: string) => ({
	message_id,
	parent_id,
	rule,
	author_id,
	parent_author_id,
	reason
});

describe('buildInteractionLinks', () => {
	it('finds a member named by an earlier nickname (Budi, now Budi S.) as a mention of their latest message', async () => {
		expect(await linksOf(RENAMED)).toEqual([
			link('1', null, 'none', 'user201', null, 'no earlier message within 60 min'),
			link('2', '1', 'continuation', 'user201', 'user201', 'same author 30 min earlier'),
			link('3', null, 'none', 'user100', null, 'no earlier message fits better'),
			link('4', '2', 'mention', 'user202', 'user201', 'names Budi')
		]);
	});

	it('follows reply_to (a reply to oneself keeps its parent), infers the rest, and says why', async () => {
		expect(await linksOf(RULES)).toEqual([
			link('m01', null, 'none', 'Mentor', null, 'no earlier message within 60 min'),
			link('m02', null, 'none', 'Ann', null, 'no earlier message fits better'),
			link('m03', 'm02', 'continuation', 'Ann', 'Ann', 'same author 1 min earlier'),
			// reply_to x999 is not in the file: inference decides
			link('m04', null, 'none', 'Bob', null, 'no earlier message fits better'),
			// an explicit reply to one's own message says exactly what it continues
			link('m05', 'm04', 'reply_to', 'Bob', 'Bob', 'explicit reply to own message'),
			link('m06', 'm03', 'reply_to', 'Mentor', 'Ann', 'explicit reply'),
			link('m07', 'm06', 'continuation', 'Mentor', 'Mentor', 'same author 30 s earlier'),
			// m08 is media: not counted, yet a reply to it reaches its author
			link('m09', 'm08', 'reply_to', 'Bob', 'Mentor', 'explicit reply'),
			link('m10', null, 'none', 'Ann', null, 'no earlier message fits better'),
			// exactly 60:00 after m10: no candidate at all
			link('m11', null, 'none', 'Bob', null, 'no earlier message within 60 min'),
			link('m12', 'm11', 'continuation', 'Bob', 'Bob', 'same author 31 s earlier'),
			link('m13', null, 'none', 'Ann', null, 'no earlier message fits better')
		]);
	});

	it('keeps unnamed candidates strictly under the window it is given', async () => {
		const continuation = (await linksOf(RULES, undefined, 0.52)).find((row) => row.message_id === 'm12');
		expect(continuation).toEqual(link('m12', 'm11', 'continuation', 'Bob', 'Bob', 'same author 31 s earlier'));
		const outside = (await linksOf(RULES, undefined, 0.5)).find((row) => row.message_id === 'm12');
		expect(outside).toEqual(link('m12', null, 'none', 'Bob', null, 'no earlier message within 0.5 min'));
	});

	it('links a named member (@name, leading "name:", longest name first) to their latest message, never to oneself or to a mail address', async () => {
		const roster = [{ author: 'Carol', role: 'student', cohort: null }];
		expect(await linksOf(MENTIONS, roster)).toEqual([
			link('1', null, 'none', 'Ann Lee', null, 'no earlier message within 60 min'),
			link('2', null, 'none', 'Ann', null, 'greets the room'),
			link('3', null, 'none', 'Mentor', null, 'greets the room'),
			// "@ann lee" is Ann Lee, not Ann
			link('4', '1', 'mention', 'Bob', 'Ann Lee', 'names ann lee'),
			// Zed is no member
			link('5', null, 'none', 'Ann', null, 'no earlier message fits better'),
			// IRC style: a name opening the text, then ":"
			link('6', '3', 'mention', 'Bob', 'Mentor', 'names mentor'),
			// a mail address names nobody; Bob just addressed the mentor
			link('7', '6', 'context', 'Mentor', 'Bob', 'Bob addressed this author 1 min before'),
			// naming oneself is no mention
			link('8', '5', 'continuation', 'Ann', 'Ann', 'same author 3 min earlier'),
			link('9', '8', 'continuation', 'Ann', 'Ann', 'same author 1 min earlier'),
			// same second as 9, shorter id first
			link('10', '9', 'continuation', 'Ann', 'Ann', 'same author 0 s earlier'),
			// "@Annabelle" does not name Ann, but Ann had just addressed Bob
			link('11', '9', 'context', 'Bob', 'Ann', 'Ann addressed this author 1 min before'),
			link('12', '11', 'mention', 'Mentor', 'Bob', 'names Bob'),
			link('13', null, 'none', '张三', null, 'no earlier message fits better'),
			// Chinese puts no space after a name
			link('14', '13', 'mention', 'Ann', '张三', 'names 张三'),
			link('15', '12', 'mention', 'Bob', 'Mentor', 'names Mentor')
		]);
	});

	it('reads 回复 昵称：, @昵称 and English names mid-text; a greeting or a gap of an hour has no parent', async () => {
		expect(await linksOf(INFERENCE)).toEqual([
			link('1', null, 'none', '李老师', null, 'no earlier message within 60 min'),
			link('2', null, 'none', '小明', null, 'no earlier message fits better'),
			link('3', '2', 'continuation', '小明', '小明', 'same author 30 s earlier'),
			link('4', '3', 'mention', '李老师', '小明', 'names 小明'),
			link('5', '3', 'mention', '小红', '小明', 'names 小明'),
			link('6', null, 'none', 'Bob', null, 'no earlier message fits better'),
			link('7', '6', 'mention', 'Ann', 'Bob', 'names Bob'),
			link('8', null, 'none', 'Ann', null, 'no earlier message within 60 min'),
			// Ann wrote a minute before, but a greeting opens a conversation
			link('9', null, 'none', 'Bob', null, 'greets the room')
		]);
	});
});
