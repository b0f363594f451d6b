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
		expect(rejectionReason('message 7013: no sender uin or uid')).toBe('message 7013: no sender uin or uid');
	});
});
