import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Entry = string | Record<string, string>;

const catalogue = (locale: string): Record<string, Entry> =>
	JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8'));

const keys = (entries: Record<string, Entry>) => Object.keys(entries).filter((key) => !key.startsWith('$')).sort();

/** The placeholders a message uses, in any of its plural forms; a plural message also has `count`. */
function placeholders(entry: Entry): string[] {
	const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
	const names = new Set(texts.flatMap((text) => [...text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1])));
	if (typeof entry !== 'string') names.add('count');
	return [...names].sort();
}

describe('the catalogues messages/en.json and messages/zh-CN.json', () => {
	const en = catalogue('en');
	const zh = catalogue('zh-CN');

	it('have the same keys', () => {
		expect(keys(zh).filter((key) => !(key in en))).toEqual([]);
		expect(keys(en).filter((key) => !(key in zh))).toEqual([]);
	});

	it('use the same placeholders in every message', () => {
		const differing = keys(en)
			.filter((key) => key in zh && placeholders(en[key]).join() !== placeholders(zh[key]).join())
			.map((key) => `${key}: en {${placeholders(en[key])}} zh-CN {${placeholders(zh[key])}}`);
		expect(differing).toEqual([]);
	});

	it('give every plural message its "other" form and no empty text', () => {
		const faulty = [...keys(en).map((key) => ['en', key, en[key]] as const), ...keys(zh).map((key) => ['zh-CN', key, zh[key]] as const)]
			.filter(([, , entry]) => (typeof entry === 'string' ? entry.trim() === '' : !('other' in entry) || Object.values(entry).some((text) => text.trim() === '')))
			.map(([locale, key]) => `${locale} ${key}`);
		expect(faulty).toEqual([]);
	});
});
