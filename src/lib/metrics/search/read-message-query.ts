/** What a typed search asks for, before any database checks it. */
export interface MessageQueryParts {
	/** Plain words: each must occur in the text as a whole word, ignoring case ("the" is not in "them"; Chinese, written without spaces, as a substring). */
	words: string[];
	/** "Quoted phrases": each must occur exactly as written, spaces and case included, and whole as words are. */
	phrases: string[];
	/** An RE2 regular expression, `(?i)` first for `/…/i`; null unless asked for. Empty when nothing was typed between the slashes. */
	pattern: string | null;
}

/**
 * Splits `input` into plain words and "quoted phrases", or reads it as a regular expression when written
 * `/…/`, `/…/i`, or given with `regex: true`. The same reading drives the SQL filter and what the page highlights.
 */
export function readMessageQuery(input: string, options: { regex?: boolean } = {}): MessageQueryParts {
	const slashed = /^\s*\/(.*)\/(i?)\s*$/s.exec(input);
	if (options.regex || slashed) {
		const pattern = slashed ? (slashed[2] ? '(?i)' : '') + slashed[1] : input;
		return { words: [], phrases: [], pattern: pattern === '(?i)' ? '' : pattern };
	}
	const words: string[] = [];
	const phrases: string[] = [];
	// An unclosed quote runs to the end, so a query being typed still means something.
	for (const [, phrase, word] of input.matchAll(/"([^"]*)(?:"|$)|([^\s"]+)/g)) {
		if (phrase !== undefined && phrase.trim() !== '') phrases.push(phrase);
		if (word !== undefined) words.push(word);
	}
	return { words, phrases, pattern: null };
}
