import { describe, expect, it } from 'vitest';
import { preferredLocale } from './preferred-locale';

describe('preferredLocale(remembered, languages)', () => {
	it.each([
		[['zh-CN'], 'zh-CN'],
		[['zh'], 'zh-CN'],
		[['zh-TW'], 'zh-CN'],
		[['en-US'], 'en'],
		[['zh-CN', 'zh', 'zh-TW', 'en-US'], 'zh-CN'],
		[['en-US', 'zh-CN'], 'en'],
		[['fr-FR', 'zh-TW', 'en-US'], 'zh-CN'],
		[['fr-FR', 'de'], 'en'],
		[[], 'en']
	])('follows the first language it speaks among %j: %s', (languages, expected) => {
		expect(preferredLocale(null, languages)).toBe(expected);
	});

	it('keeps a remembered choice over the browser’s languages', () => {
		expect(preferredLocale('en', ['zh-CN', 'zh'])).toBe('en');
		expect(preferredLocale('zh-CN', ['en-US'])).toBe('zh-CN');
	});

	it('ignores a remembered value that is no language it speaks', () => {
		expect(preferredLocale('fr', ['zh-TW'])).toBe('zh-CN');
	});
});
