import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { messengerJson } from './messenger-json';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const FIXTURE = 'messenger-json__mojibake_reactions_photo-sticker-share-call-unsent-subscribe_9-messages_2-rejects.json';
// A public export written by others (../shared/fixtures/real/README.md); its licence keeps it out of this repository.
const REAL = [resolve(process.cwd(), '../shared/fixtures/real/messenger'), '/work/shared/fixtures/real/messenger'].find((folder) =>
	existsSync(resolve(folder, 'chat-analytics__messenger_2A_7M.json'))
);
const thread = (messages: unknown[]) => ({
	name: 'message_1.json',
	bytes: encoder.encode(JSON.stringify({ participants: [{ name: 'A' }], messages, title: 'T', thread_path: 'inbox/t_1' }, null, 2))
});

describe('messengerJson.parse', () => {
	test(`${FIXTURE} gives exactly the expected rows (oldest first), rejects, kinds and authors`, () => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, FIXTURE.replace(/\.json$/, '.expected.json')), 'utf8'));
		expect(exportSummary(messengerJson.parse(read(FIXTURE), options))).toEqual(expected);
	});

	test('text Meta wrote as escaped UTF-8 bytes is decoded; text that is already right is left alone', () => {
		const parsed = messengerJson.parse(
			thread([
				{ sender_name: 'Ren\u00c3\u00a9e', timestamp_ms: 1700000002000, content: '\u00e4\u00bd\u00a0\u00e5\u00a5\u00bd \u00f0\u009f\u0091\u008d' },
				{ sender_name: 'Renée', timestamp_ms: 1700000001000, content: 'café costs £3 — ½ price' },
				{ sender_name: 'Ann', timestamp_ms: 1700000000000, content: 'na\u00efve \u00a3' }
			]),
			{ time_zone: 'UTC' }
		);
		expect(parsed.messages.map((message) => [message.author_name, message.text])).toEqual([
			['Ann', 'na\u00efve \u00a3'],
			['Renée', 'café costs £3 — ½ price'],
			['Renée', '你好 👍']
		]);
	});

	test('likes are null when no message in the file has reactions', () => {
		const parsed = messengerJson.parse(thread([{ sender_name: 'A', timestamp_ms: 1700000000000, content: 'hi' }]), options);
		expect(parsed.capabilities.likes).toBe(false);
		expect(parsed.messages[0].likes).toBeNull();
	});

	test('a file that is not JSON, or has no messages list, is refused with a one-line reason', () => {
		expect(() => messengerJson.parse({ name: 'message_1.json', bytes: encoder.encode('{"participants": [') }, options)).toThrow(/^message_1\.json is not valid JSON \([^\n]*\)/);
		expect(() => messengerJson.parse({ name: 'message_1.json', bytes: encoder.encode('{"participants": []}') }, options)).toThrow(
			'message_1.json is not a Messenger or Instagram JSON export: it has no "messages" list.'
		);
	});
});

describe('messengerJson.detect', () => {
	test('recognises the thread file by its participants, sender_name and timestamp_ms, and leaves other JSON alone', () => {
		expect(messengerJson.detect(read(FIXTURE))).toBe(true);
		expect(messengerJson.detect(read('telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json'))).toBe(false);
		expect(messengerJson.detect(read('qce-json__group_reply-mention-recalled-system-stickers_10-messages_4-rejects.json'))).toBe(false);
	});
});

describe.skipIf(!REAL)('the real Messenger export in ../shared/fixtures/real/messenger (skipped when absent)', () => {
	test('chat-analytics__messenger_2A_7M.json (with a BOM): 2 authors, 7 messages oldest first, files, audio, sticker and photo', () => {
		const file = { name: 'chat-analytics__messenger_2A_7M.json', bytes: new Uint8Array(readFileSync(resolve(REAL!, 'chat-analytics__messenger_2A_7M.json'))) };
		expect(messengerJson.detect(file)).toBe(true);
		const parsed = messengerJson.parse(file, { time_zone: 'UTC' });
		expect({ rows: parsed.rows_in_file, rejected: parsed.rejected, likes: parsed.capabilities.likes }).toEqual({ rows: 7, rejected: [], likes: false });
		expect(parsed.messages.map((message) => [message.author_id, message.kind, message.text])).toEqual([
			['Bob', 'media', ''],
			['Bob', 'sticker', ''],
			['Alice', 'media', ''],
			['Bob', 'media', ''],
			['Bob', 'text', 'you what'],
			['Bob', 'text', 'Whats up!'],
			['Alice', 'text', 'Hello']
		]);
		expect([parsed.messages[0].sent_at, parsed.messages[6].sent_at]).toEqual(['2014-11-05 00:27:20.411', '2014-11-05 00:35:32.056']);
	});
});
