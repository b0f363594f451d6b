import type { CanonicalMessage } from '../canonical-message';

/**
 * IRC colour codes (0x03 with the digits that follow it) and the other C0 control characters but tab, LF, VT, FF
 * and CR, as a regular expression source that JavaScript and DuckDB (RE2) read alike.
 */
export const CONTROL_CHARACTERS = '\\x03(?:\\d{1,2}(?:,\\d{1,2})?)?|[\\x00-\\x08\\x0e-\\x1f]';

const pattern = new RegExp(CONTROL_CHARACTERS, 'g');
const present = new RegExp(CONTROL_CHARACTERS);

/**
 * Removes control characters (IRC bold and colour codes, a stray NUL) from each message's text and author, in
 * place, so they are neither counted as words nor shown; returns how many messages had any.
 */
export function stripControlCharacters(messages: CanonicalMessage[]): number {
	let stripped = 0;
	for (const message of messages) {
		if (!present.test(message.text) && !present.test(message.author_name) && !present.test(message.author_id)) continue;
		message.text = message.text.replace(pattern, '');
		// An author made only of control characters keeps them: an empty author would be no author at all.
		message.author_name = message.author_name.replace(pattern, '') || message.author_name;
		message.author_id = message.author_id.replace(pattern, '') || message.author_id;
		stripped++;
	}
	return stripped;
}
