import { expect, test } from 'vitest';
import { reciprocity } from './reciprocity';

const edges = (pairs: string[]) => pairs.map((pair) => ({ source: pair[0], target: pair[1] }));

test('reciprocity is the share of directed pairs whose reverse also exists', () => {
	// a→b and b→a are reciprocated, a→c is not: 2/3, as networkx.reciprocity gives
	expect(reciprocity(edges(['ab', 'ba', 'ac']))).toBe(2 / 3);
});

test('reciprocity counts a repeated pair once and ignores self-replies', () => {
	expect(reciprocity(edges(['ab', 'ab', 'ab', 'ba', 'aa', 'cc']))).toBe(1);
	expect(reciprocity(edges(['ab', 'bc', 'ca']))).toBe(0);
});

test('reciprocity keeps ids apart even when they contain separators', () => {
	const tricky = [
		{ source: 'a,b', target: 'c' },
		{ source: 'a', target: 'b,c' }
	];
	expect(reciprocity(tricky)).toBe(0);
});

test('reciprocity is null without an edge between two members', () => {
	expect(reciprocity([])).toBeNull();
	expect(reciprocity(edges(['aa']))).toBeNull();
});
