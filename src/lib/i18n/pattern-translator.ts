import { locale } from './locale';

/** An English sentence's pattern, and its translation built from what the pattern captured. */
export type TranslatedPattern = [RegExp, (match: RegExpMatchArray) => string];

/**
 * Shows a sentence written in English for machine output (the CLI's JSON, CSVs) in the interface language:
 * translated by the first pattern it matches, as written when none does or the interface is English.
 */
export function patternTranslator(patterns: readonly TranslatedPattern[]): (english: string) => string {
	return (english) => {
		if (locale.current === 'en') return english;
		for (const [pattern, translated] of patterns) {
			const match = english.match(pattern);
			if (match) return translated(match);
		}
		return english;
	};
}
