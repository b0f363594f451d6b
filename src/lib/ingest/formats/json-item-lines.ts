interface Frame {
	is_array: boolean;
	path: string;
	key: string;
	index: number;
	wanted: boolean;
}

/**
 * The 1-based line where each element of the JSON arrays whose dotted path matches `array_path` starts,
 * keyed by the element's path (`messages.4`, `chats.list.2.messages.17`). `text` must be valid JSON.
 * It rescans the whole text, so adapters call it only when they have a row to reject.
 */
export function jsonItemLines(text: string, array_path: RegExp): Map<string, number> {
	const lines = new Map<string, number>();
	const frames: Frame[] = [];
	let expecting_key = false;
	let line = 1;
	let index = 0;

	const stringEnd = (start: number): number => {
		let at = start + 1;
		while (at < text.length && text[at] !== '"') {
			if (text[at] === '\\') at++;
			else if (text[at] === '\n') line++;
			at++;
		}
		return at + 1;
	};

	while (index < text.length) {
		const char = text[index];
		if (char === '\n') {
			line++;
			index++;
			continue;
		}
		if (char === ' ' || char === '\t' || char === '\r' || char === ':' || char === '\uFEFF') {
			index++;
			continue;
		}
		const top = frames[frames.length - 1];
		if (char === ',') {
			if (top && !top.is_array) expecting_key = true;
			index++;
			continue;
		}
		if (char === '}' || char === ']') {
			frames.pop();
			expecting_key = false;
			index++;
			continue;
		}
		if (char === '"' && expecting_key && top) {
			const end = stringEnd(index);
			top.key = JSON.parse(text.slice(index, end)) as string;
			expecting_key = false;
			index = end;
			continue;
		}

		let path = '';
		if (top?.is_array) {
			path = `${top.path}.${top.index}`;
			if (top.wanted) lines.set(path, line);
			top.index++;
		} else if (top) {
			path = top.path === '' ? top.key : `${top.path}.${top.key}`;
		}
		if (char === '{' || char === '[') {
			const is_array = char === '[';
			frames.push({ is_array, path, key: '', index: 0, wanted: is_array && array_path.test(path) });
			expecting_key = !is_array;
			index++;
		} else if (char === '"') {
			index = stringEnd(index);
		} else {
			while (index < text.length && !/[\s,\]}]/.test(text[index])) index++;
		}
	}
	return lines;
}
