import { expect, test } from 'vitest';
import { degreeCentralization } from './degree-centralization';

const edges = (pairs: string[]) =>
	pairs.map((pair) => ({ source: pair[0], target: pair[1], weight: 1 }));

test('degreeCentralization of a star is 1', () => {
	// hub degree 4, leaves 1: Σ(4 − 1) × 4 = 12 = (5 − 1)(5 − 2)
	expect(degreeCentralization(edges(['ab', 'ac', 'ad', 'ae']))).toBe(1);
	expect(degreeCentralization(edges(['ba', 'ca', 'da', 'ea']))).toBe(1);
});

test('degreeCentralization of a ring is 0', () => {
	expect(degreeCentralization(edges(['ab', 'bc', 'cd', 'de', 'ea']))).toBe(0);
});

test('degreeCentralization of a path a–b–c–d is 1/3', () => {
	// degrees 1, 2, 2, 1: Σ(2 − d) = 2; (4 − 1)(4 − 2) = 6
	expect(degreeCentralization(edges(['ab', 'bc', 'cd']))).toBe(1 / 3);
});

test('degreeCentralization counts each pair of partners once, ignoring direction, weight and self-replies', () => {
	const star = [...edges(['ab', 'ba', 'ac', 'ca', 'bb']), { source: 'a', target: 'c', weight: 40 }];
	expect(degreeCentralization(star)).toBe(1);
});

test('degreeCentralization counts members from `nodes` who never reply as degree 0', () => {
	// degrees a 2, b 1, c 1, d 0: Σ = 0 + 1 + 1 + 2 = 4; (4 − 1)(4 − 2) = 6
	expect(degreeCentralization(edges(['ab', 'ac']), ['a', 'b', 'c', 'd'])).toBe(4 / 6);
});

test('degreeCentralization is null below three members', () => {
	expect(degreeCentralization(edges(['ab']))).toBeNull();
	expect(degreeCentralization([])).toBeNull();
});
