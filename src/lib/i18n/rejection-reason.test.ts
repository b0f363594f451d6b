import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { locale } from './locale';
import { rejectionReason } from './rejection-reason';

afterEach(() => locale.set('en'));

describe('rejectionReason', () => {
	it('keeps the importer’s English reason in English', () => {
		expect(rejectionReason('timestamp "yesterday" is not a date and time')).toBe('timestamp "yesterday" is not a date and time');
	});

	it('translates the common reasons into Chinese and leaves any other as written', () => {
		locale.set('zh-CN');
		expect(rejectionReason('timestamp "yesterday" is not a date and time')).toBe('timestamp“yesterday”不是有效的日期和时间');
		expect(rejectionReason('row has 5 columns, the header has 4')).toBe('此行有 5 列，而表头有 4 列');
		expect(rejectionReason('not valid UTF-8 (byte 0xD5 at line 3, column 1)')).toBe('不是有效的 UTF-8（第 3 行第 1 列的字节 0xD5）');
		expect(rejectionReason('message 3 is already loaded from anatomy.json / anatomy')).toBe('消息 3 已从 anatomy.json / anatomy 加载');
		expect(rejectionReason('Could not convert string "x" to INT32')).toBe('Could not convert string "x" to INT32');
	});

	it('translates what a reason names first (file, message) and the reason after it', () => {
		locale.set('zh-CN');
		expect(rejectionReason('chunks/c000002.jsonl: message 7013: no sender uin or uid')).toBe('chunks/c000002.jsonl：消息 7013：没有发送者 uin 或 uid');
		expect(rejectionReason('general/2024-03-01.json, message 9: no "user" or "bot_id"')).toBe('general/2024-03-01.json 第 9 条消息：没有 "user" 或 "bot_id"');
		expect(rejectionReason('unreadable header: hour 13 with PM')).toBe('无法读取的消息头：小时 13 与 PM 不符');
		expect(rejectionReason('"31/02/2021, 08:03" is not a valid date and time (read as day-month-year)')).toBe('“31/02/2021, 08:03”不是有效的日期和时间（按日-月-年读取）');
	});

	it('translates every reason an importer fixture expects', () => {
		locale.set('zh-CN');
		const reasons = new Set(expectedReasons(new URL('../../../tests/fixtures/', import.meta.url)));
		expect(reasons.size).toBeGreaterThan(50);
		expect([...reasons].filter((reason) => rejectionReason(reason) === reason)).toEqual([]);
	});
});

/** Every `reason` written in the fixtures' expected results (JSON files under `folder`). */
function expectedReasons(folder: URL): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('.json'))
		.flatMap((path) => [...readFileSync(new URL(path, folder), 'utf8').matchAll(/"reason": ("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]) as string));
}
