import { LATIN_LOOK_ALIKES } from './latin-look-alikes';
import { matchingText } from '../text/matching-text';

const RIGHT_TO_LEFT_OVERRIDE = /\u202e([^\u202c]*)\u202c?/gu;

/**
 * What a name looks like on screen, as a key: two members whose keys are equal cannot be told apart by
 * reading (`Budi\u200b Santoso`, `Ｂudi Santoso` in a narrow font, `Вudi Santoso` with a Cyrillic В, a
 * name spelt backwards after U+202E, names that differ only by a lone surrogate, drawn as U+FFFD).
 */
export function lookAlikeKey(name: string): string {
	const visual = name.toWellFormed().replace(RIGHT_TO_LEFT_OVERRIDE, (_, reversed: string) => [...reversed].reverse().join(''));
	return [...matchingText(visual).text]
		.map((char) => LATIN_LOOK_ALIKES.get(char) ?? char)
		.join('')
		.replace(/\s+/gu, ' ')
		.trim();
}
