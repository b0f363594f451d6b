/**
 * Literals one of which every match of the case-sensitive RE2 `pattern` contains (one per top-level
 * alternative), or null when there are none to be sure of. A `contains` on them runs before the regular
 * expression. The reading is conservative: whatever it does not know (groups, classes, escapes of letters)
 * ends a literal; an alternative without any literal, syntax it does not follow, or any case-insensitive part
 * gives null. (Caseless patterns get none: ILIKE, the one caseless substring test, was slower than RE2's (?i)
 * in duckdb-wasm, and RE2 folds the long s and the Kelvin sign where lowercasing does not.)
 */
export function regexRequiredLiterals(pattern: string): string[] | null {
	const flags = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
	if (flags && /[^msU]/.test(flags[1])) return null;
	if (/\(\?[a-zA-Z]*i/.test(pattern)) return null;
	const body = flags ? pattern.slice(flags[0].length) : pattern;
	const literals: string[] = [];
	for (const branch of topLevelBranches(body)) {
		if (branch === null) return null;
		const longest = longestLiteral(branch);
		if (longest === null || longest === '') return null;
		literals.push(longest);
	}
	return literals.length > 0 ? [...new Set(literals)] : null;
}

function topLevelBranches(body: string): (string | null)[] {
	const branches: string[] = [];
	let start = 0;
	for (let index = 0; index < body.length; ) {
		const char = body[index];
		if (char === '|') {
			branches.push(body.slice(start, index));
			start = ++index;
		} else if (char === '\\') index += 2;
		else if (char === '[' || char === '(') {
			const end = char === '[' ? classEnd(body, index) : groupEnd(body, index);
			if (end < 0) return [null];
			index = end + 1;
		} else index++;
	}
	branches.push(body.slice(start));
	return branches;
}

/** The longest run of literal characters that every match of `branch` contains; null for syntax not followed. */
function longestLiteral(branch: string): string | null {
	let longest = '';
	let run = '';
	const close = () => {
		if (run.length > longest.length) longest = run;
		run = '';
	};
	for (let index = 0; index < branch.length; ) {
		const char = branch[index];
		let literal: string | null = null;
		if (char === '\\') {
			const next = branch[index + 1];
			if (next === undefined || next === 'Q') return null;
			if (/[A-Za-z0-9]/.test(next)) {
				// \d, \b, \pL, \p{Han}, \x41, \x{4E2D}: not followed, ends the literal
				index += 2;
				if ((next === 'p' || next === 'P' || next === 'x') && branch[index] === '{') {
					const end = branch.indexOf('}', index);
					if (end < 0) return null;
					index = end + 1;
				} else if (next === 'p' || next === 'P') index++;
				else if (next === 'x') index += 2;
			} else {
				literal = next;
				index += 2;
			}
		} else if (char === '[' || char === '(') {
			const end = char === '[' ? classEnd(branch, index) : groupEnd(branch, index);
			if (end < 0) return null;
			index = end + 1;
		} else if ('.^$'.includes(char)) index++;
		else if ('?*+{'.includes(char)) return null; // a quantifier with nothing before it
		else {
			literal = char;
			index++;
		}
		const quantifier = readQuantifier(branch, index);
		if (quantifier === null) return null;
		index += quantifier.length;
		if (literal === null || quantifier.optional) {
			close();
			continue;
		}
		run += literal;
		if (quantifier.length > 0) close();
	}
	close();
	return longest;
}

/** The quantifier at `index` (length 0 for none), or null for a `{` that RE2 would not read as one. */
function readQuantifier(text: string, index: number): { length: number; optional: boolean } | null {
	const char = text[index];
	let length = 0;
	let optional = false;
	if (char === '?' || char === '*') [length, optional] = [1, true];
	else if (char === '+') length = 1;
	else if (char === '{') {
		const repeat = /^\{(\d+)(,\d*)?\}/.exec(text.slice(index));
		if (!repeat) return null;
		[length, optional] = [repeat[0].length, Number(repeat[1]) === 0];
	} else return { length: 0, optional: false };
	if (text[index + length] === '?') length++; // lazy
	if ('*+?{'.includes(text[index + length] ?? '')) return null; // stacked quantifiers: not followed
	return { length, optional };
}

function classEnd(text: string, open: number): number {
	let index = open + 1;
	if (text[index] === '^') index++;
	if (text[index] === ']') index++;
	for (; index < text.length; index++) {
		if (text[index] === '\\') index++;
		else if (text[index] === '[' && text[index + 1] === ':') {
			const end = text.indexOf(':]', index + 2);
			if (end < 0) return -1;
			index = end + 1;
		} else if (text[index] === ']') return index;
	}
	return -1;
}

function groupEnd(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index++) {
		const char = text[index];
		if (char === '\\') index++;
		else if (char === '[') {
			index = classEnd(text, index);
			if (index < 0) return -1;
		} else if (char === '(') depth++;
		else if (char === ')' && --depth === 0) return index;
	}
	return -1;
}
