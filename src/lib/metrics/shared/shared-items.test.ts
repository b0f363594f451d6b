import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { defineCountedMessages } from '../counted-messages';
import { sharedItems, type SharedItems } from './shared-items';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/shared');
const SHARED = 'shared__urls-in-chinese_www-and-no-www_zwj-emoji_skin-tones_whatsapp-and-qq-media_empty-april.csv';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, SHARED)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

// Counted (kind text): m1 Mentor, m2 Ann, m3 Bob, m9 Ann, m13 Bob; m10 is a system notice, its link and emoji not counted.
// Links: m1 example.com (www. dropped, the ， after it not part of it) and baidu.com (the 。 neither); m2 example.com
// (the ")." after it dropped) and github.com (upper case); m9 github.com (the 👍 after it not part of it), and
// "github.com/no-scheme" is no link: neither http(s):// nor www.
// Emoji: m2 👍🏽 👍; m3 👨‍👩‍👧 ❤️ ❤ (© without VS16 is text); m9 🏳️‍🌈 🇨🇳 👍; m13 🙂.
// Media (every media and sticker message): m4 <Media omitted> unspecified, m5 photo, m6 [图片] photo, m7 [语音] voice,
// m8 sticker, m11 a .jpg attached: photo, m12 video.
describe('sharedItems', () => {
	it('counts links by domain, media by type, emoji as whole clusters, per month and per member', async () => {
		expect(await sharedItems(db)).toEqual<SharedItems>({
			domains: [
				{ domain: 'example.com', links: 2, members: 2 },
				{ domain: 'github.com', links: 2, members: 1 },
				{ domain: 'baidu.com', links: 1, members: 1 }
			],
			media: [
				{ type: 'photo', count: 3 },
				{ type: 'sticker', count: 1 },
				{ type: 'unspecified', count: 1 },
				{ type: 'video', count: 1 },
				{ type: 'voice', count: 1 }
			],
			// Ties in UTF-8 byte order: ❤ (E2 9D A4) before ❤️ (the same + EF B8 8F) before 🇨🇳 (F0 9F 87) …
			emoji: [
				{ emoji: '👍', count: 2 },
				{ emoji: '❤', count: 1 },
				{ emoji: '❤️', count: 1 },
				{ emoji: '🇨🇳', count: 1 },
				{ emoji: '🏳️‍🌈', count: 1 },
				{ emoji: '👍🏽', count: 1 },
				{ emoji: '👨‍👩‍👧', count: 1 },
				{ emoji: '🙂', count: 1 }
			],
			monthly: [
				// likes: m1 3 + m2 2; m4's 1 is on a media message, not counted
				{ month: '2021-01', links: 4, media: 2, emoji: 5, likes: 5 },
				{ month: '2021-02', links: 0, media: 3, emoji: 0, likes: 0 },
				{ month: '2021-03', links: 1, media: 2, emoji: 3, likes: 4 },
				{ month: '2021-04', links: 0, media: 0, emoji: 0, likes: 0 },
				{ month: '2021-05', links: 0, media: 0, emoji: 1, likes: 0 }
			],
			members: [
				{ author_id: 'Ann', author: 'Ann', links: 3, media: 1, emoji: 5, likes_received: 6 },
				{ author_id: 'Bob', author: 'Bob', links: 0, media: 2, emoji: 4, likes_received: 0 },
				{ author_id: 'Cy', author: 'Cy', links: 0, media: 4, emoji: 0, likes_received: 0 },
				{ author_id: 'Mentor', author: 'Mentor', links: 2, media: 0, emoji: 0, likes_received: 3 }
			]
		});
	});

	it('keeps the top n domains, emoji and members, ties broken by name', async () => {
		const top = await sharedItems(db, { top: 1 });
		expect([top.domains, top.emoji, top.members.map((member) => member.author_id)]).toEqual([
			[{ domain: 'example.com', links: 2, members: 2 }],
			[{ emoji: '👍', count: 2 }],
			['Ann']
		]);
	});

	it('reads links and emoji from the counted kinds only, media from every media message whichever kinds are counted', async () => {
		await defineCountedMessages(db, { excluded_kinds: [] });
		try {
			const shared = await sharedItems(db);
			// m10's system notice is counted now: its link and its 👍 join; the media are the same seven.
			expect([shared.domains.map((row) => row.domain), shared.emoji[0], shared.media.reduce((sum, row) => sum + row.count, 0)]).toEqual([
				['example.com', 'github.com', 'baidu.com', 'spam.example.org'],
				{ emoji: '👍', count: 3 },
				7
			]);
		} finally {
			await defineCountedMessages(db);
		}
	});
});
