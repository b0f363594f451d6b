import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { ParsedExport } from '../canonical-message';
import { discordJson } from './discord-json';
import type { FormatAdapter } from './format-adapter';
import { slackZip } from './slack-zip';
import { telegramJson } from './telegram-json';

// Public exports written by others (see ../shared/fixtures/real/README.md); their licences keep them out of this repository.
const REAL = resolve(process.cwd(), '../shared/fixtures/real');
const read = (folder: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(REAL, folder, name))) });

function counts(parsed: ParsedExport) {
	const kinds: Record<string, number> = {};
	for (const message of parsed.messages) kinds[message.kind] = (kinds[message.kind] ?? 0) + 1;
	const people = parsed.messages.filter((message) => message.kind !== 'system');
	return {
		rows_in_file: parsed.rows_in_file,
		messages: parsed.messages.length,
		rejected: parsed.rejected.length,
		authors: new Set(people.map((message) => message.author_id)).size,
		replies: parsed.messages.filter((message) => message.reply_to !== null).length,
		likes: parsed.messages.reduce((total, message) => total + (message.likes ?? 0), 0),
		kinds
	};
}

function parseDetected(adapter: FormatAdapter, file: { name: string; bytes: Uint8Array }, time_zone: string): ParsedExport {
	expect(adapter.detect(file)).toBe(true);
	return adapter.parse(file, { time_zone });
}

describe.skipIf(!existsSync(REAL))(`real exports in ${REAL} (skipped when the folder is absent)`, () => {
	describe('Telegram Desktop result.json', () => {
		test.each([
			// authors = distinct from_id of type "message"; replies = messages with reply_to_message_id (86 of the 94 point inside the file)
			['tgif__software-testing__exported.json', { rows_in_file: 197, messages: 197, rejected: 0, authors: 12, replies: 94, likes: 0, kinds: { sticker: 10, text: 187 } }],
			['tgif__pujangga-kode-2__exported.json', { rows_in_file: 135, messages: 135, rejected: 0, authors: 20, replies: 103, likes: 0, kinds: { text: 135 } }],
			['tgif__ssl-tidak-hanya-untuk-website__exported.json', { rows_in_file: 14, messages: 14, rejected: 0, authors: 2, replies: 1, likes: 0, kinds: { text: 14 } }],
			['chat-analytics__telegram_DM_2A_7M.json', { rows_in_file: 8, messages: 8, rejected: 0, authors: 2, replies: 0, likes: 0, kinds: { media: 2, system: 2, text: 4 } }]
		])('%s', (name, expected) => {
			const parsed = parseDetected(telegramJson, read('telegram', name), 'Asia/Jakarta');
			expect(counts(parsed)).toEqual(expected);
			expect(parsed.capabilities.likes).toBe(false);
			expect(parsed.messages.every((message) => message.likes === null)).toBe(true);
		});

		test('date_unixtime in the exporter\u2019s own zone gives back its naive date, message by message', () => {
			const cases = [
				['tgif__software-testing__exported.json', 'Asia/Jakarta'],
				['tgif__pujangga-kode-2__exported.json', 'Asia/Jakarta'],
				['tgif__ssl-tidak-hanya-untuk-website__exported.json', 'Asia/Jakarta'],
				// this sample's PC ran at UTC−3; its date-only messages are taken as they are
				['chat-analytics__telegram_DM_2A_7M.json', 'America/Argentina/Buenos_Aires']
			];
			for (const [name, zone] of cases) {
				const file = read('telegram', name);
				const raw = JSON.parse(new TextDecoder().decode(file.bytes)).messages as { id: number; date?: string }[];
				const dated = new Map(raw.filter((message) => message.date).map((message) => [String(message.id), message.date!.replace('T', ' ')]));
				const parsed = telegramJson.parse(file, { time_zone: zone });
				const compared = parsed.messages.filter((message) => dated.has(message.message_id!));
				expect(compared.length).toBeGreaterThan(0);
				for (const message of compared) expect([message.message_id, message.sent_at]).toEqual([message.message_id, dated.get(message.message_id!)]);
			}
		});

		test('the 2024 build: a poll is a message with its question as text; array text joins its parts', () => {
			const parsed = telegramJson.parse(read('telegram', 'tgif__ssl-tidak-hanya-untuk-website__exported.json'), { time_zone: 'Asia/Jakarta' });
			expect(parsed.messages.find((message) => message.message_id === '632576')!.text).toMatch(/^Apakah Anda tahu kalau SSL certificate/);
			expect(parsed.messages.find((message) => message.message_id === '632849')!.text).toContain(
				'baca: https://www.cloudflare.com/en-gb/learning/network-layer/what-is-a-protocol/) agar'
			);
			expect(parsed.capabilities.timezone_aware).toBe(true);
		});
	});

	describe('DiscordChatExporter JSON', () => {
		test.each([
			['chat-analytics__discord_DM_2A_2M.json', { rows_in_file: 3, messages: 3, rejected: 0, authors: 1, replies: 0, likes: 42, kinds: { system: 2, text: 1 } }],
			// the file says messageCount 5 but lists 6 messages
			['chat-analytics__discord_GC_3A_5M.json', { rows_in_file: 6, messages: 6, rejected: 0, authors: 3, replies: 1, likes: 0, kinds: { system: 3, text: 3 } }],
			// its first message appears twice with the same id; the copy is rejected
			['chat-analytics__discord_SV_5A_5M.json', { rows_in_file: 5, messages: 4, rejected: 1, authors: 2, replies: 0, likes: 5, kinds: { text: 4 } }]
		])('%s', (name, expected) => {
			const parsed = parseDetected(discordJson, read('discord', name), 'UTC');
			expect(counts(parsed)).toEqual(expected);
		});

		test('names prefer the nickname, a reply points at a message of the same file, the duplicate is reported by line', () => {
			const group = discordJson.parse(read('discord', 'chat-analytics__discord_GC_3A_5M.json'), { time_zone: 'UTC' });
			const reply = group.messages.find((message) => message.reply_to !== null)!;
			expect(group.messages.some((message) => message.message_id === reply.reply_to)).toBe(true);
			expect(group.messages.find((message) => message.author_id === '333333333333333333')!.author_name).toBe('theplant');
			const server = discordJson.parse(read('discord', 'chat-analytics__discord_SV_5A_5M.json'), { time_zone: 'UTC' });
			expect(server.rejected).toEqual([{ line: 42, reason: 'message 459136077417021488: the same id appears earlier in this file' }]);
			expect(server.messages[0].sent_at).toBe('2018-05-20 16:09:44.209');
		});
	});

	describe('Slack workspace export', () => {
		const name = 'slack-export-viewer__testarchive.zip';

		test(`${name}: every one of the 158 day-file entries in 2 channels is a row; 52 are people talking`, () => {
			const parsed = parseDetected(slackZip, read('slack', name), 'America/Los_Angeles');
			// 158 entries = 49 plain + 3 file_share (people) + 94 bot_message + 8 channel_join + 3 bot_add + 1 file_comment
			expect(counts(parsed)).toEqual({
				rows_in_file: 158,
				messages: 158,
				rejected: 0,
				authors: 4,
				replies: 0,
				likes: 1,
				kinds: { media: 3, system: 106, text: 49 }
			});
			const per_channel: Record<string, number> = {};
			for (const message of parsed.messages) per_channel[message.source] = (per_channel[message.source] ?? 0) + 1;
			expect(per_channel).toEqual({ [`${name} / #enrique`]: 102, [`${name} / #traveling-sailor`]: 56 });
			// 2016, before Slack threads: no reply structure to offer
			expect(parsed.capabilities).toEqual({ reply_ids: false, likes: true, stable_ids: true, timezone_aware: true });
		});

		test('day files follow the workspace\u2019s Pacific date: ts read in Los Angeles lands on its file\u2019s day', () => {
			const file = read('slack', name);
			const day_of = new Map<string, string>();
			for (const [path, bytes] of Object.entries(unzipSync(file.bytes))) {
				const match = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/.exec(path);
				if (!match) continue;
				for (const message of JSON.parse(new TextDecoder().decode(bytes)) as { ts: string }[]) day_of.set(`${match[1]}:${message.ts}`, match[2]);
			}
			const parsed = slackZip.parse(file, { time_zone: 'America/Los_Angeles' });
			expect(day_of.size).toBe(158);
			for (const message of parsed.messages) expect([message.message_id, message.sent_at.slice(0, 10)]).toEqual([message.message_id, day_of.get(message.message_id!)]);
		});
	});
});
