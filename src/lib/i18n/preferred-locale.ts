import { baseLocale, isLocale, type Locale } from '../paraglide/runtime.js';

/**
 * The interface language: the one the person chose before (`remembered`), else the first of their languages
 * (as navigator.languages lists them) that Resonance speaks, else English. Every Chinese variant (zh, zh-TW,
 * zh-Hant-HK) gets the simplified catalogue, the only Chinese one there is.
 */
export function preferredLocale(remembered: string | null, languages: readonly string[]): Locale {
	if (remembered !== null && isLocale(remembered)) return remembered;
	for (const language of languages) {
		const primary = language.toLowerCase().split(/[-_]/)[0];
		if (primary === 'zh') return 'zh-CN';
		if (primary === 'en') return 'en';
	}
	return baseLocale;
}
