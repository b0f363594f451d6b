import { readMessageQuery } from '../metrics/search/read-message-query';
import { wholeWordEdges } from '../metrics/search/whole-word-edges';

/** A run of a message's text, `marked` when the search matched it. */
export interface TextSegment {
	text: string;
	marked: boolean;
}

/**
 * Splits `text` into runs, marking what `query` (read as readMessageQuery reads it) matched: plain words
 * ignoring case and "phrases" as written, both only where whole (Chinese as substrings), and a regular expression
 * only when JavaScript compiles it (RE2 and JavaScript syntax differ), else nothing marked. Overlapping and touching
 * matches join.
 */
export function highlightSegments(text: string, query: string, options: { regex?: boolean } = {}): TextSegment[] {
	const ranges: [number, number][] = [];
	for (const pattern of jsPatterns(query, options)) {
		for (const match of text.matchAll(pattern)) {
			if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const segments: TextSegment[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (end <= at) continue;
		if (start > at) segments.push({ text: text.slice(at, start), marked: false });
		const last = segments[segments.length - 1];
		if (start <= at && last?.marked) last.text += text.slice(at, end);
		else segments.push({ text: text.slice(Math.max(start, at), end), marked: true });
		at = end;
	}
	if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
	return segments;
}

function jsPatterns(query: string, options: { regex?: boolean }): RegExp[] {
	const { words, phrases, pattern } = readMessageQuery(query, options);
	if (pattern !== null) {
		const ignore_case = pattern.startsWith('(?i)');
		const source = ignore_case ? pattern.slice(4) : pattern;
		if (source === '') return [];
		for (const flags of ['gu', 'g']) {
			try {
				return [new RegExp(source, flags + (ignore_case ? 'i' : ''))];
			} catch {
				// RE2 syntax JavaScript does not read: try without Unicode mode, then mark nothing.
			}
		}
		return [];
	}
	// Whole words, as the search finds them (message-query.ts): no letter, mark or digit may touch an end that is one.
	const wholeWord = (literal: string) => {
		const edges = wholeWordEdges(literal);
		const source = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return `${edges.start ? '(?<![\\p{L}\\p{M}\\p{N}])' : ''}${source}${edges.end ? '(?![\\p{L}\\p{M}\\p{N}])' : ''}`;
	};
	return [...words.map((word) => new RegExp(wholeWord(word), 'giu')), ...phrases.map((phrase) => new RegExp(wholeWord(phrase), 'gu'))];
}
