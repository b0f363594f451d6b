import { locale } from './locale';

// Chinese sentences end in a full-width 。 and follow each other without a space.
const SEPARATOR = { en: ' ', 'zh-CN': '' } as const;

/** Sentences (each with its own full stop) as one paragraph in the interface language. */
export function joinSentences(sentences: readonly string[]): string {
	return sentences.join(SEPARATOR[locale.current]);
}
