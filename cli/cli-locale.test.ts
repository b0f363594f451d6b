import { describe, expect, it } from 'vitest';
import { cliLocale } from './cli-locale';

describe('cliLocale(argv, env)', () => {
	it('takes --lang from anywhere on the line and leaves the rest', () => {
		expect(cliLocale(['analyze', 'a.csv', '--lang', 'zh-CN', '--tz', 'UTC'], {})).toEqual({ locale: 'zh-CN', argv: ['analyze', 'a.csv', '--tz', 'UTC'] });
		expect(cliLocale(['--lang=en', 'analyze', 'a.csv'], { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'en', argv: ['analyze', 'a.csv'] });
	});

	it('follows LC_ALL, then LC_MESSAGES, then LANG, else English', () => {
		expect(cliLocale(['analyze'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).locale).toBe('zh-CN');
		expect(cliLocale(['analyze'], { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_TW.UTF-8' }).locale).toBe('en');
		expect(cliLocale(['analyze'], { LANG: 'zh_TW.UTF-8' }).locale).toBe('zh-CN');
		expect(cliLocale(['analyze'], { LANG: 'C.UTF-8' }).locale).toBe('en');
		expect(cliLocale(['analyze'], {}).locale).toBe('en');
	});

	it('refuses a language it does not speak', () => {
		expect(() => cliLocale(['--lang', 'fr', 'analyze'], {})).toThrow('--lang "fr": use en or zh-CN');
		expect(() => cliLocale(['analyze', '--lang'], {})).toThrow('--lang "": use en or zh-CN');
	});
});
