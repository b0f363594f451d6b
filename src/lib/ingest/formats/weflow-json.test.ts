import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { weflowJson } from './weflow-json';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const FIXTURE = 'weflow-json__group_quote-reply-ids_sticker_system_8-messages_3-rejects.json';
const exported = (root: Record<string, unknown>) => ({
	name: 'chat.json',
	bytes: encoder.encode(JSON.stringify({ weflow: { version: '1.0.0' }, session: { wxid: 'a@chatroom', type: '群聊' }, ...root }, null, 2))
});

describe('weflowJson.parse', () => {
	test(`${FIXTURE} gives exactly the expected rows, rejects, kinds and authors`, () => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, FIXTURE.replace(/\.json$/, '.expected.json')), 'utf8'));
		expect(exportSummary(weflowJson.parse(read(FIXTURE), options))).toEqual(expected);
	});

	test('createTime is converted into the dataset time zone, DST included', () => {
		const message = { type: '文本消息', localType: 1, content: 'hi', isSend: 0, senderUsername: 'wxid_a', senderDisplayName: 'A' };
		const file = exported({ messages: [{ ...message, createTime: 1677672000 }, { ...message, createTime: 1688212800 }] });
		const sent_at = (time_zone: string) => weflowJson.parse(file, { time_zone }).messages.map((row) => row.sent_at);
		expect(sent_at('+08:00')).toEqual(['2023-03-01 20:00:00', '2023-07-01 20:00:00']);
		expect(sent_at('Europe/London')).toEqual(['2023-03-01 12:00:00', '2023-07-01 13:00:00']);
	});

	test('the arkme variant names senders through senders[senderID]; a file without server ids has no reply ids', () => {
		const parsed = weflowJson.parse(
			exported({
				senders: [{ senderID: 1, wxid: 'wxid_li', displayName: '李老师' }],
				messages: [{ localId: 1, createTime: 1677672000, type: '文本消息', localType: 1, content: '好', isSend: 0, senderID: 1 }]
			}),
			options
		);
		expect(parsed.messages.map(({ author_id, author_name, message_id }) => ({ author_id, author_name, message_id }))).toEqual([
			{ author_id: 'wxid_li', author_name: '李老师', message_id: null }
		]);
		expect(parsed.capabilities.reply_ids).toBe(false);
	});

	test('a file that is not JSON, or has no messages list, is refused with a one-line reason', () => {
		expect(() => weflowJson.parse({ name: 'c.json', bytes: encoder.encode('{"weflow": {') }, options)).toThrow(/^c\.json is not valid JSON \([^\n]*\)/);
		expect(() => weflowJson.parse(exported({}), options)).toThrow('chat.json is not a WeFlow JSON export: it has no "messages" list.');
	});
});

describe('weflowJson.detect', () => {
	test('recognises the weflow header and leaves other JSON alone', () => {
		expect(weflowJson.detect(read(FIXTURE))).toBe(true);
		expect(weflowJson.detect(read('qce-json__group_reply-mention-recalled-system-stickers_10-messages_4-rejects.json'))).toBe(false);
		expect(weflowJson.detect(read('telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json'))).toBe(false);
	});
});
