import { locale } from './locale';

// British English writes no comma before the last "and" ("a, b and c"), as Resonance's captions always have.
const LIST_LOCALE = { en: 'en-GB', 'zh-CN': 'zh-CN' } as const;
const formats = new Map<string, Intl.ListFormat>();

/** `items` joined as the interface language lists them: "a, b and c", "a、b和c". */
export function listAnd(items: readonly string[]): string {
	const tag = LIST_LOCALE[locale.current];
	let format = formats.get(tag);
	if (!format) {
		format = new Intl.ListFormat(tag, { type: 'conjunction' });
		formats.set(tag, format);
	}
	return format.format(items);
}
