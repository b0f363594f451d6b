import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { qceJson } from './qce-json';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const CURRENT = 'qce-json__group_reply-mention-recalled-system-stickers_10-messages_4-rejects.json';
const V4 = 'qce-json__v4_iso-and-string-timestamps_content-reply_raw-names_7-messages_1-reject.json';
const exported = (messages: unknown[]) => ({
	name: 'group.json',
	bytes: encoder.encode(JSON.stringify({ metadata: { name: 'QQChatExporter', version: '6.0.0' }, chatInfo: { name: 'G', type: 'group' }, messages }, null, 2))
});

describe('qceJson.parse', () => {
	test.each([CURRENT, V4])('%s gives exactly the expected rows, rejects, kinds and authors', (name) => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.json$/, '.expected.json')), 'utf8'));
		expect(exportSummary(qceJson.parse(read(name), options))).toEqual(expected);
	});

	test('group roles (V4) and group titles (群头衔) become member hints, never roles', () => {
		expect(qceJson.parse(read(CURRENT), options).member_hints).toEqual([{ author_id: '10001', hint: 'QQ group title: 班主任' }]);
		const parsed = qceJson.parse(
			exported([
				{ messageId: '1', timestamp: '2022-03-01T01:00:00.000Z', sender: { uid: 'u_1', uin: '1', name: 'Owner', role: 'owner' }, content: { text: 'hi' } },
				{ messageId: '2', timestamp: '2022-03-01T01:01:00.000Z', sender: { uid: 'u_2', uin: '2', name: 'M', role: 'member', title: '学委' }, content: { text: 'ok' } }
			]),
			options
		);
		expect(parsed.member_hints).toEqual([
			{ author_id: '1', hint: 'QQ group owner' },
			{ author_id: '2', hint: 'QQ group title: 学委' }
		]);
		expect(parsed.messages.map((message) => message.role)).toEqual([null, null]);
	});

	test('epoch-ms timestamps are converted into the dataset zone, DST included', () => {
		const sender = { uid: 'u_1', uin: '1', name: 'A' };
		const file = exported([
			{ id: '1', timestamp: 1677672000000, sender, content: { text: 'winter' } },
			{ id: '2', timestamp: 1688212800000, sender, content: { text: 'summer' } }
		]);
		const sent_at = (time_zone: string) => qceJson.parse(file, { time_zone }).messages.map((message) => message.sent_at);
		expect(sent_at('Asia/Shanghai')).toEqual(['2023-03-01 20:00:00', '2023-07-01 20:00:00']);
		expect(sent_at('Europe/London')).toEqual(['2023-03-01 12:00:00', '2023-07-01 13:00:00']);
	});

	test('a file that is not JSON, or has no messages list, is refused with a one-line reason', () => {
		expect(() => qceJson.parse({ name: 'g.json', bytes: encoder.encode('{"metadata": {') }, options)).toThrow(/^g\.json is not valid JSON \([^\n]*\)/);
		expect(() => qceJson.parse({ name: 'g.json', bytes: encoder.encode('{"metadata": {}, "chatInfo": {}}') }, options)).toThrow(
			'g.json is not a QQ Chat Exporter JSON export: it has no "messages" list.'
		);
	});

	test('one unreadable message never refuses the file: imported + rejected = messages in the file', () => {
		const parsed = qceJson.parse(exported([null, 7, { id: '1' }, { id: '2', timestamp: 1677672000000, sender: { uin: '5' }, content: { text: 'ok' } }]), options);
		expect(parsed.messages.map((message) => message.text)).toEqual(['ok']);
		expect(parsed.rows_in_file).toBe(4);
		expect(parsed.rejected.map((row) => row.line)).toEqual([11, 12, 13]);
	});
});

describe('qceJson.detect', () => {
	test('recognises current and V4 exports by their metadata, and leaves the chunked manifest and other JSON alone', () => {
		expect(qceJson.detect(read(CURRENT))).toBe(true);
		expect(qceJson.detect(read(V4))).toBe(true);
		expect(qceJson.detect(read('discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json'))).toBe(false);
		expect(qceJson.detect(read('telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json'))).toBe(false);
		const manifest = { metadata: { name: 'QQChatExporter' }, chatInfo: { name: 'G' }, chunked: { format: 'chunked-jsonl', chunks: [] } };
		expect(qceJson.detect({ name: 'manifest.json', bytes: encoder.encode(JSON.stringify(manifest)) })).toBe(false);
	});
});
