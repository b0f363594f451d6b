import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from './format-number';
import { locale } from './locale';
import { m } from './messages';

afterEach(() => locale.set('en'));

describe('locale', () => {
	it('starts in English in Node, whatever the machine’s language', () => {
		expect(locale.current).toBe('en');
		expect(m.page_cancel()).toBe('Cancel');
	});

	it('switches every compiled message to the language set', () => {
		locale.set('zh-CN');
		expect(locale.current).toBe('zh-CN');
		expect(m.page_cancel()).toBe('取消');
		expect(m.page_exploring({ label: 'cohort-2024.csv' })).toBe('正在浏览 cohort-2024.csv');
		locale.set('en');
		expect(m.page_cancel()).toBe('Cancel');
	});

	it('formats numbers in the language set', () => {
		expect(formatNumber(1234567.5)).toBe('1,234,567.5');
		locale.set('zh-CN');
		expect(formatNumber(0.25, { style: 'percent' })).toBe('25%');
		expect(formatNumber(1234567)).toBe('1,234,567');
	});

	it('remembers the language chosen, also when it is the one already shown', () => {
		const stored = new Map<string, string>();
		(globalThis as { localStorage?: unknown }).localStorage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) };
		try {
			locale.set('en');
			expect([...stored.values()]).toEqual(['en']);
			locale.set('zh-CN');
			expect([...stored.values()]).toEqual(['zh-CN']);
		} finally {
			delete (globalThis as { localStorage?: unknown }).localStorage;
		}
	});
});
