import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IDENTIFIER_PATTERNS } from './identifier-patterns';

const PIECES = ['QQ', 'qq', 'q号', '扣扣', '微信号', 'WeChat', 'weixin', 'VX', 'wx', 'v信', 'wxid_', 'tel', 'Phone', 'mobile', '电话', '手机号', '联系电话', '号码', 'id', '是', ':', '：', ' ', '-', '.', '(', ')', '+', '00', '@', 'mailto:', 'http://', 'https://', 'www.', 'ftp://', '.com', '.io', '/', 'abc', 'Budi', '1', '2', '5', '9', '0', '123', '20', '13800138000', '2020-09-01', '\u00a0'];

describe('IDENTIFIER_PATTERNS', () => {
	test('every text a pattern matches in passes its candidate test (fuzzed from the pieces identifiers are made of)', () => {
		let matched = 0;
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (pieces) => {
				const text = pieces.join('');
				for (const { pattern, candidate } of IDENTIFIER_PATTERNS) {
					pattern.lastIndex = 0;
					if (!pattern.test(text)) continue;
					matched++;
					expect(candidate.test(text), `${pattern.source.slice(0, 40)}… matches ${JSON.stringify(text)}`).toBe(true);
				}
				// matchAll starts where a global pattern's lastIndex was left
				for (const { pattern } of IDENTIFIER_PATTERNS) pattern.lastIndex = 0;
			}),
			{ seed: 20_261_203, numRuns: 20_000 }
		);
		expect(matched).toBeGreaterThan(1000);
	});
});
