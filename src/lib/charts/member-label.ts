import { LATIN_LOOK_ALIKES } from '../ingest/members/latin-look-alikes';

/** Characters nobody sees, and lone surrogates (drawn as U+FFFD): shown by their code point instead. */
const HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|[#*0-9]/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * A member's name as charts, tables and figures show it: as written, except that what would make two
 * names look the same is made visible. Invisible characters and lone surrogates become `⟨U+200B⟩`;
 * a decomposed accent adds `⟨decomposed⟩`, Cyrillic or Greek letters passing for Latin ones `⟨Cyrillic⟩`.
 * Emoji sequences (ZWJ, variation selectors) are left whole.
 */
export function memberLabel(name: string): string {
	const chars = [...name];
	const shown = chars
		.map((char, index) => {
			if (!HIDDEN.test(char)) return char;
			const joins_emoji = (char === '\u200d' && PICTOGRAPH.test(chars[index + 1] ?? '')) || /[\ufe0e\ufe0f]/u.test(char);
			if (joins_emoji && PICTOGRAPH.test(chars[index - 1] ?? '')) return char;
			return `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
		})
		.join('');
	const marks: string[] = [];
	if (name.toWellFormed().normalize('NFC') !== name.toWellFormed()) marks.push('decomposed');
	const letters = chars.filter((char) => LETTER.test(char));
	const passing = letters.filter((char) => LATIN_LOOK_ALIKES.has(char));
	if (passing.length > 0 && (letters.some((char) => LATIN.test(char)) || passing.length === letters.length)) {
		marks.push(...new Set(passing.map((char) => (/\p{Script=Greek}/u.test(char) ? 'Greek' : 'Cyrillic'))));
	}
	return marks.length === 0 ? shown : `${shown} ⟨${marks.join(', ')}⟩`;
}
