import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { ensureTables } from '../metrics/derived-tables';
import { loadDataset } from './load-dataset';

// Real exports written by others (../shared/fixtures/real/README.md); their licences keep them out of the repo.
const REAL = resolve(process.cwd(), '../shared/fixtures/real');
const ROOT = resolve(import.meta.dirname, '../../..');
// Each CLI run starts Node, tsx and DuckDB; on a busy machine that alone can take tens of seconds.
const CLI_TIMEOUT_MS = 300_000;
const resonance = (...args: string[]) => promisify(execFile)('node', ['bin/resonance.js', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });

interface Expected {
	messages: number;
	rejected: number;
	/** Distinct author ids of messages that are not system notices. */
	authors: number;
	/** Messages with a reply_to, and how many of those point at a message in the dataset. */
	replies: number;
	resolved: number;
	/** Rows of `counted_messages` (kinds system, media and sticker left out). */
	counted: number;
	likes: number | null;
	kinds: Record<string, number>;
	first: string;
	last: string;
}

/**
 * Counted by hand from the files (python over the JSON; header lines for WhatsApp), not from the adapters:
 * Telegram authors = distinct `from_id` of type "message"; replies = `reply_to_message_id`s; Discord bots and
 * non-Default types are system; Slack 158 day-file entries = 49 plain + 3 file_share + 106 joins/bots/comments.
 */
const FOLDERS: Record<string, { time_zone: string; files: Record<string, Expected>; all: Expected & { sources: number } }> = {
	telegram: {
		time_zone: 'Asia/Jakarta',
		files: {
			'chat-analytics__telegram_DM_2A_7M.json': {
				messages: 8, rejected: 0, authors: 2, replies: 0, resolved: 0, counted: 4, likes: null,
				kinds: { media: 2, system: 2, text: 4 }, first: '2019-07-05 16:55:32', last: '2023-08-11 09:11:02'
			},
			'tgif__pujangga-kode-2__exported.json': {
				messages: 135, rejected: 0, authors: 20, replies: 103, resolved: 103, counted: 135, likes: null,
				kinds: { text: 135 }, first: '2021-09-13 18:35:24', last: '2021-09-13 20:25:50'
			},
			// 8 of its 94 replies point at messages from before the export
			'tgif__software-testing__exported.json': {
				messages: 197, rejected: 0, authors: 12, replies: 94, resolved: 86, counted: 187, likes: null,
				kinds: { sticker: 10, text: 187 }, first: '2023-01-20 19:05:09', last: '2023-01-20 21:04:53'
			},
			'tgif__ssl-tidak-hanya-untuk-website__exported.json': {
				messages: 14, rejected: 0, authors: 2, replies: 1, resolved: 1, counted: 14, likes: null,
				kinds: { text: 14 }, first: '2024-02-25 11:52:36', last: '2024-02-25 18:27:59'
			}
		},
		// two of the groups share a chat id (one supergroup, two periods) but no message id: nothing is renamed
		all: {
			messages: 354, rejected: 0, authors: 31, replies: 198, resolved: 190, counted: 340, likes: null, sources: 4,
			kinds: { media: 2, sticker: 10, system: 2, text: 340 }, first: '2019-07-05 16:55:32', last: '2024-02-25 18:27:59'
		}
	},
	discord: {
		time_zone: 'UTC',
		files: {
			'chat-analytics__discord_DM_2A_2M.json': {
				messages: 3, rejected: 0, authors: 1, replies: 0, resolved: 0, counted: 1, likes: 42,
				kinds: { system: 2, text: 1 }, first: '2019-01-04 17:52:39', last: '2020-07-17 17:03:14'
			},
			'chat-analytics__discord_GC_3A_5M.json': {
				messages: 6, rejected: 0, authors: 3, replies: 1, resolved: 1, counted: 3, likes: 0,
				kinds: { system: 3, text: 3 }, first: '2023-01-17 19:33:07', last: '2023-03-03 14:47:59'
			},
			// its first message is written twice with the same id
			'chat-analytics__discord_SV_5A_5M.json': {
				messages: 4, rejected: 1, authors: 2, replies: 0, resolved: 0, counted: 4, likes: 5,
				kinds: { text: 4 }, first: '2018-05-20 16:09:44', last: '2018-05-20 16:09:51'
			}
		},
		all: {
			messages: 13, rejected: 1, authors: 4, replies: 1, resolved: 1, counted: 8, likes: 47, sources: 3,
			kinds: { system: 5, text: 8 }, first: '2018-05-20 16:09:44', last: '2023-03-03 14:47:59'
		}
	},
	whatsapp: {
		time_zone: 'UTC',
		files: {
			'Chatistics__whatsapp__chat.txt': {
				messages: 21, rejected: 0, authors: 2, replies: 0, resolved: 0, counted: 20, likes: null,
				kinds: { system: 1, text: 20 }, first: '2018-01-04 11:53:57', last: '2019-04-19 16:18:33'
			},
			'Chatistics__whatsapp__chat_2.txt': {
				messages: 4, rejected: 0, authors: 2, replies: 0, resolved: 0, counted: 4, likes: null,
				kinds: { text: 4 }, first: '2019-09-17 16:37:47', last: '2019-09-17 16:39:52'
			},
			'Chatistics__whatsapp__chat_3.txt': {
				messages: 11, rejected: 0, authors: 5, replies: 0, resolved: 0, counted: 9, likes: null,
				kinds: { system: 2, text: 9 }, first: '2019-11-02 14:18:00', last: '2019-11-10 14:25:00'
			},
			'Chatistics__whatsapp__chat_4.txt': {
				messages: 3, rejected: 0, authors: 1, replies: 0, resolved: 0, counted: 3, likes: null,
				kinds: { text: 3 }, first: '2019-09-17 08:30:52', last: '2019-09-18 16:50:32'
			},
			'chat-analytics__whatsapp_2A_5M.txt': {
				messages: 5, rejected: 0, authors: 2, replies: 0, resolved: 0, counted: 4, likes: null,
				kinds: { media: 1, text: 4 }, first: '2021-01-01 12:00:00', last: '2021-01-01 12:03:00'
			},
			'chat-analytics__whatsapp_4A_11M.txt': {
				messages: 14, rejected: 0, authors: 5, replies: 0, resolved: 0, counted: 11, likes: null,
				kinds: { system: 3, text: 11 }, first: '2020-09-12 23:16:00', last: '2020-09-12 23:56:00'
			},
			'chat-analytics__whatsapp_4A_11M.zip': {
				messages: 14, rejected: 0, authors: 5, replies: 0, resolved: 0, counted: 11, likes: null,
				kinds: { system: 3, text: 11 }, first: '2020-09-12 23:16:00', last: '2020-09-12 23:56:00'
			},
			'whatstk__pokemon.txt': {
				messages: 20, rejected: 0, authors: 8, replies: 0, resolved: 0, counted: 18, likes: null,
				kinds: { system: 2, text: 18 }, first: '2016-04-15 15:04:00', last: '2016-10-31 12:23:00'
			}
		},
		// WhatsApp names are its ids, so "John Doe" of four Chatistics files is one author. The .txt and the .zip of
		// 4A_11M are the same chat: with no message ids in WhatsApp, nothing can tell their rows apart, and both count.
		all: {
			messages: 92, rejected: 0, authors: 22, replies: 0, resolved: 0, counted: 80, likes: null, sources: 8,
			kinds: { media: 1, system: 11, text: 80 }, first: '2016-04-15 15:04:00', last: '2021-01-01 12:03:00'
		}
	},
	slack: {
		time_zone: 'America/Los_Angeles',
		files: {
			'slack-export-viewer__testarchive.zip': {
				messages: 158, rejected: 0, authors: 4, replies: 0, resolved: 0, counted: 49, likes: 1,
				kinds: { media: 3, system: 106, text: 49 }, first: '2016-01-14 21:55:18', last: '2016-03-29 05:33:06'
			}
		},
		all: {
			messages: 158, rejected: 0, authors: 4, replies: 0, resolved: 0, counted: 49, likes: 1, sources: 2,
			kinds: { media: 3, system: 106, text: 49 }, first: '2016-01-14 21:55:18', last: '2016-03-29 05:33:06'
		}
	}
};

async function datasetFigures(db: Db) {
	// A load defines no metric view: the registry builds counted_messages when asked.
	await ensureTables(db, ['counted_messages']);
	const [figures] = await db.query<Omit<Expected, 'rejected' | 'kinds'> & { ids: number; sources: number }>(
		`SELECT count(*)::INTEGER AS messages, count(DISTINCT message_id)::INTEGER AS ids,
			count(DISTINCT author_id) FILTER (WHERE kind <> 'system')::INTEGER AS authors,
			count(reply_to)::INTEGER AS replies,
			(SELECT count(*)::INTEGER FROM messages c JOIN messages p ON p.message_id = c.reply_to) AS resolved,
			(SELECT count(*)::INTEGER FROM counted_messages) AS counted,
			sum(likes)::INTEGER AS likes, count(DISTINCT source)::INTEGER AS sources,
			strftime(min(sent_at), '%Y-%m-%d %H:%M:%S') AS first, strftime(max(sent_at), '%Y-%m-%d %H:%M:%S') AS last
		FROM messages`
	);
	const kinds = await db.query<{ kind: string; messages: number }>(`SELECT kind, count(*)::INTEGER AS messages FROM messages GROUP BY kind ORDER BY kind`);
	return { ...figures, kinds: Object.fromEntries(kinds.map((row) => [row.kind, row.messages])) };
}

describe.skipIf(!existsSync(REAL))(`real exports in ${REAL}, through loadDataset into DuckDB (skipped when the folder is absent)`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db.close();
	});

	for (const [folder, { time_zone, files, all }] of Object.entries(FOLDERS)) {
		describe.skipIf(!existsSync(resolve(REAL, folder)))(`${folder}/ (time zone ${time_zone})`, () => {
			const paths = (names: string[]) => names.map((name) => ({ source: pathImportSource(resolve(REAL, folder, name)) }));

			test('every file in the folder has hand-counted figures here', () => {
				expect(readdirSync(resolve(REAL, folder)).sort()).toEqual(Object.keys(files).sort());
			});

			for (const [name, expected] of Object.entries(files)) {
				test(`${name}: ${expected.messages} messages, ${expected.authors} authors, ${expected.replies} explicit replies`, async () => {
					const reports = await loadDataset(db, paths([name]), { time_zone });
					expect(reports.map((report) => report.rejected)).toEqual([expected.rejected]);
					expect(reports[0].rows_by_kind).toEqual(expected.kinds);
					const { rejected: _rejected, ...figures } = expected;
					expect(await datasetFigures(db)).toEqual({ ...figures, ids: expected.messages, sources: folder === 'slack' ? 2 : 1 });
				});
			}

			test(`all ${Object.keys(files).length} files as one dataset: unique ids, every row keeps its source, replies still resolve`, async () => {
				const names = Object.keys(files).sort();
				const reports = await loadDataset(db, paths(names), { time_zone });
				expect(reports.reduce((sum, report) => sum + report.rejected, 0)).toBe(all.rejected);
				const { rejected: _rejected, ...figures } = all;
				expect(await datasetFigures(db)).toEqual({ ...figures, ids: all.messages });
				const [mislinked] = await db.query<{ replies: number }>(
					`SELECT count(*)::INTEGER AS replies FROM messages c JOIN messages p ON p.message_id = c.reply_to WHERE c.import_id <> p.import_id`
				);
				expect(mislinked.replies).toBe(0);
			});
		});
	}

	test.skipIf(!existsSync(resolve(REAL, 'discord')))(
		'discord/: the group chat reuses two message ids of the DM (100 and 530805779645595660, its one reply), so its ids get the prefix "2:"',
		async () => {
			const names = Object.keys(FOLDERS.discord.files).sort();
			await loadDataset(db, names.map((name) => ({ source: pathImportSource(resolve(REAL, 'discord', name)) })), { time_zone: 'UTC' });
			const rows = await db.query<{ import_id: number; renamed: number; total: number }>(
				`SELECT import_id, count(*) FILTER (WHERE starts_with(message_id, import_id || ':'))::INTEGER AS renamed, count(*)::INTEGER AS total
				FROM messages GROUP BY import_id ORDER BY import_id`
			);
			expect(rows).toEqual([
				{ import_id: 1, renamed: 0, total: 3 },
				{ import_id: 2, renamed: 6, total: 6 },
				{ import_id: 3, renamed: 0, total: 4 }
			]);
			expect(await db.query(`SELECT message_id, reply_to FROM messages WHERE reply_to IS NOT NULL`)).toEqual([
				{ message_id: '2:530805779645595660', reply_to: '2:1064990824305274930' }
			]);
		}
	);

	test.skipIf(!existsSync(resolve(REAL, 'telegram/tgif__software-testing__exported.json')))(
		'resonance analyze on the Telegram software-testing group: 197 rows, 12 members, one month of 187 counted messages',
		async () => {
			const { stdout } = await resonance('analyze', resolve(REAL, 'telegram/tgif__software-testing__exported.json'), '--tz', 'Asia/Jakarta');
			const output = JSON.parse(stdout);
			expect(output.import).toMatchObject({
				format: 'telegram-json',
				rows: 197,
				rejected: 0,
				members: 12,
				capabilities: { reply_ids: true, likes: false, stable_ids: true, timezone_aware: true },
				first_message_at: '2023-01-20 19:05:09',
				last_message_at: '2023-01-20 21:04:53'
			});
			expect(output.monthly).toMatchObject([{ month: '2023-01', messages: 187, likes: null, active_members: 12, new_members: 12 }]);
		},
		CLI_TIMEOUT_MS
	);
});

describe('resonance analyze reads every format (one fixture each, all in one run of the CLI)', () => {
	const formats = resolve(ROOT, 'tests/fixtures/formats');
	const fromExpected = (name: string) => {
		const expected = JSON.parse(readFileSync(resolve(formats, `${name}.expected.json`), 'utf8'));
		return { format: expected.format as string, rows: expected.messages.length as number, rejected: expected.rejected.length as number, counted: expected.kinds.text as number };
	};
	const ADAPTER_FIXTURES = [
		'qq-txt__2-blocks_8-messages_multiline_system_placeholders.txt',
		'wechat-csv__bom_crlf_group_quote-reply_rejects.csv',
		'whatsapp-android__24h_day-first_3-authors_12-messages.txt',
		'whatsapp-android__zip_crlf_chat-with-name_4-messages.zip',
		'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json',
		'discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json',
		'discord-csv__iso-offset_crlf_multiline_reactions_system_4-rejects.csv'
	];
	const SLACK = 'slack-zip__2-channels_thread_reactions_subtypes_4-rejects';
	const cases = [
		{ file: 'resonance__bom_crlf_multiline-commas_chinese_empty-likes_empty-october.csv', expected: { format: 'resonance-csv', rows: 5, rejected: 0, counted: 5 } },
		{ file: 'mapped__date-sender-message_offsets_epochs.csv', expected: { format: 'mapped-csv', rows: 4, rejected: 0, counted: 4 } },
		...ADAPTER_FIXTURES.map((file) => ({ file, expected: fromExpected(file.replace(/\.[a-z]+$/, '')) })),
		{ file: `${SLACK}.zip`, expected: fromExpected(SLACK) }
	];
	let output: { import: { files: { source: string; format: string; rows: number; rejected: number }[] }; monthly: { messages: number }[] };

	beforeAll(async () => {
		// the Slack fixture lists the files of the export; zip them the way Slack does
		const files = JSON.parse(readFileSync(resolve(formats, `${SLACK}.files.json`), 'utf8')) as Record<string, unknown>;
		const zippable: Zippable = {};
		for (const [path, content] of Object.entries(files)) zippable[path] = strToU8(typeof content === 'string' ? content : JSON.stringify(content, null, 4));
		const slack_zip = resolve(mkdtempSync(resolve(tmpdir(), 'resonance-formats-')), `${SLACK}.zip`);
		writeFileSync(slack_zip, zipSync(zippable));
		const paths = [
			...cases.slice(0, 2).map((entry) => `tests/fixtures/csv/${entry.file}`),
			...ADAPTER_FIXTURES.map((file) => `tests/fixtures/formats/${file}`),
			slack_zip
		];
		output = JSON.parse((await resonance('analyze', ...paths)).stdout);
	}, CLI_TIMEOUT_MS);

	test.each(cases.map((entry) => [entry.file, entry.expected] as const))('%s', (file, expected) => {
		const { counted: _counted, ...report } = expected;
		expect(output.import.files.find((entry) => entry.source === file)).toEqual({ source: file, ...report });
	});

	test('the monthly series counts every text message of all of them', () => {
		expect(output.monthly.reduce((sum, month) => sum + month.messages, 0)).toBe(cases.reduce((sum, entry) => sum + entry.expected.counted, 0));
	});
});
