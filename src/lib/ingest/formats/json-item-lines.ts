import { parseExportJson } from './parse-export-json';

interface Frame {
	is_array: boolean;
	path: string;
	key: string;
	index: number;
	/** Start lines of this array's elements, when the array is wanted. */
	lines: number[] | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// The deepest array any adapter wants is `chats.list.<n>.messages` (depth 4). A value opening below this depth is
// skipped with a counter, not a frame with a path: a text nested 100,000 levels deep costs one linear pass.
const MAX_PATH_DEPTH = 8;

/**
 * The 1-based line where each element of the JSON arrays whose dotted path matches `array_path` starts, keyed
 * by the array's path (`messages`, `chats.list.2.messages`; '' for a root array), in element order. `text`
 * must be valid JSON (so no string holds a raw line break). One linear pass, run once per file; arrays nested
 * deeper than MAX_PATH_DEPTH are never matched.
 */
export function jsonItemLines(text: string, array_path: RegExp): Map<string, number[]> {
	const arrays = new Map<string, number[]>();
	const frames: Frame[] = [];
	let expecting_key = false;
	let line = 1;
	let index = 0;

	const stringEnd = (start: number): number => {
		let quote = text.indexOf('"', start + 1);
		while (quote !== -1) {
			let backslashes = 0;
			while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
			if (backslashes % 2 === 0) return quote + 1;
			quote = text.indexOf('"', quote + 1);
		}
		return text.length;
	};

	/** The index after the object or array opening at `start`, counting the lines inside it. */
	const valueEnd = (start: number): number => {
		let depth = 0;
		let at = start;
		while (at < text.length) {
			const code = text.charCodeAt(at);
			if (code === QUOTE) {
				at = stringEnd(at);
				continue;
			}
			if (code === NEWLINE) line++;
			else if (code === 0x7b || code === 0x5b) depth++;
			else if ((code === 0x7d || code === 0x5d) && --depth === 0) return at + 1;
			at++;
		}
		return at;
	};

	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code === NEWLINE) {
			line++;
			index++;
			continue;
		}
		// space, tab, CR, ':' and a BOM
		if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3a || code === 0xfeff) {
			index++;
			continue;
		}
		const top = frames[frames.length - 1];
		if (code === 0x2c) {
			if (top && !top.is_array) expecting_key = true;
			index++;
			continue;
		}
		if (code === 0x7d || code === 0x5d) {
			frames.pop();
			expecting_key = false;
			index++;
			continue;
		}
		if (code === QUOTE && expecting_key && top) {
			const end = stringEnd(index);
			top.key = parseExportJson(text.slice(index, end)) as string;
			expecting_key = false;
			index = end;
			continue;
		}

		const opens = code === 0x7b || code === 0x5b;
		let path = '';
		if (top?.is_array) {
			top.lines?.push(line);
			if (opens) path = `${top.path}.${top.index}`;
			top.index++;
		} else if (top && opens) {
			path = top.path === '' ? top.key : `${top.path}.${top.key}`;
		}
		if (opens && frames.length >= MAX_PATH_DEPTH) {
			index = valueEnd(index);
		} else if (opens) {
			const is_array = code === 0x5b;
			const lines = is_array && array_path.test(path) ? [] : null;
			if (lines) arrays.set(path, lines);
			frames.push({ is_array, path, key: '', index: 0, lines });
			expecting_key = !is_array;
			index++;
		} else if (code === QUOTE) {
			index = stringEnd(index);
		} else {
			while (index < text.length && !isDelimiter(text.charCodeAt(index))) index++;
		}
	}
	return arrays;
}

function isDelimiter(code: number): boolean {
	return code === 0x2c || code === 0x5d || code === 0x7d || code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
