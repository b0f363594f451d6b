import { afterEach, describe, expect, it } from 'vitest';
import { locale } from './locale';
import { memberHint } from './member-hint';

afterEach(() => locale.set('en'));

describe('memberHint', () => {
	it('keeps the export’s hints as written in English', () => {
		expect(memberHint('QQ group owner; QQ group title: 班长')).toBe('QQ group owner; QQ group title: 班长');
	});

	it('shows each of a member’s hints in Chinese, a title or role names as the export wrote them', () => {
		locale.set('zh-CN');
		expect(memberHint('QQ group owner; QQ group title: 班长')).toBe('QQ 群主；QQ 群头衔：班长');
		expect(memberHint('Discord roles: Mentor, TA')).toBe('Discord 身份组：Mentor, TA');
		expect(memberHint('QQ group admin')).toBe('QQ 群管理员');
	});
});
