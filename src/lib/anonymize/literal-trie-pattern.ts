interface TrieNode {
	children: Map<string, TrieNode>;
	terminal: boolean;
}

/** Scripts written without spaces: a name there has no word boundary to look for (小明你好). */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const WORD = String.raw`\p{L}\p{M}\p{N}_`;
const SPACED_LETTER = new RegExp(String.raw`^(?![${UNSPACED}])[\p{L}\p{M}_]$`, 'u');
const DIGIT = /^\p{N}$/u;
const SPACED_LETTER_BEFORE = String.raw`(?![${UNSPACED}])[\p{L}\p{M}_]`;
/**
 * The word-end rule of edgeKind, chosen by the character just matched: checked once after the whole trie rather
 * than at each of its words, which made the pattern of a few hundred names ten times longer and as much slower.
 */
const WORD_END = String.raw`(?:(?<=${SPACED_LETTER_BEFORE})(?:(?![${WORD}])|(?=[${UNSPACED}]))|(?<=\p{N})(?!\p{N})|(?<!${SPACED_LETTER_BEFORE}|\p{N}))`;

/**
 * A regex source (for the `u` flag) matching any of `words` as a whole word, longest first, built as a
 * trie so that thousands of names cost one pass per text. Where a word starts or ends with a letter of
 * a spaced script it must not touch another such letter or digit; with a digit, no other digit; with a
 * Chinese/Japanese/Korean/Thai character, anything may follow (names there run into the next word).
 */
export function literalTriePattern(words: Iterable<string>): string {
	const by_start = { letter: newNode(), digit: newNode(), other: newNode() };
	let any = false;
	for (const word of words) {
		const chars = [...word];
		if (chars.length === 0) continue;
		any = true;
		let node = by_start[edgeKind(chars[0])];
		for (const char of chars) {
			let child = node.children.get(char);
			if (!child) node.children.set(char, (child = newNode()));
			node = child;
		}
		node.terminal = true;
	}
	if (!any) return '(?!)';
	const parts: string[] = [];
	if (by_start.letter.children.size > 0) parts.push(`(?:(?<![${WORD}])|(?<=[${UNSPACED}]))${emit(by_start.letter)}`);
	if (by_start.digit.children.size > 0) parts.push(`(?<!\\p{N})${emit(by_start.digit)}`);
	if (by_start.other.children.size > 0) parts.push(emit(by_start.other));
	return `(?:${parts.join('|')})${WORD_END}`;
}

function newNode(): TrieNode {
	return { children: new Map(), terminal: false };
}

function edgeKind(char: string): 'letter' | 'digit' | 'other' {
	return SPACED_LETTER.test(char) ? 'letter' : DIGIT.test(char) ? 'digit' : 'other';
}

/** Post-order without recursion: a 5,000-character name is a 5,000-deep branch of the trie. */
function emit(root: TrieNode): string {
	const order: TrieNode[] = [];
	const pending = [root];
	while (pending.length > 0) {
		const node = pending.pop()!;
		order.push(node);
		for (const child of node.children.values()) pending.push(child);
	}
	const sources = new Map<TrieNode, string>();
	for (let index = order.length - 1; index >= 0; index--) {
		const node = order[index];
		const alternatives = [...node.children].map(([char, child]) => escapeChar(char) + sources.get(child)!);
		// Longer words first; an empty alternative ends a word here (WORD_END follows the trie).
		if (node.terminal) alternatives.push('');
		for (const child of node.children.values()) sources.delete(child);
		sources.set(node, alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`);
	}
	return sources.get(root)!;
}

function escapeChar(char: string): string {
	return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
