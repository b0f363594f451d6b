import { textWidth } from './text-width';

/**
 * Breaks `text` into lines no wider than `max_width` px at `font_size` (estimated with textWidth): at
 * spaces, or between any two characters of a word that alone is too wide (so CJK text wraps too). With
 * `max_lines`, the last line kept ends in an ellipsis when text was left out.
 */
export function wrapLines(text: string, max_width: number, font_size: number, max_lines = Infinity): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate, font_size) <= max_width) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = '';
		for (const char of word) {
			if (line && textWidth(line + char, font_size) > max_width) {
				lines.push(line);
				line = '';
			}
			line += char;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= max_lines) return lines;
	const kept = lines.slice(0, max_lines);
	let last = kept[max_lines - 1];
	while (last && textWidth(last + '…', font_size) > max_width) last = [...last].slice(0, -1).join('');
	kept[max_lines - 1] = last.trimEnd() + '…';
	return kept;
}
