import { describe, expect, test } from 'vitest';
import { densityNormalizedReciprocity } from './density-normalized-reciprocity';
import { networkDensity } from './network-density';

describe('networkDensity(edges, nodes)', () => {
	test('counts distinct directed pairs over n(n − 1), self-loops and repeated edges once or not at all', () => {
		const edges = [
			{ source: 'a', target: 'b' },
			{ source: 'a', target: 'b' },
			{ source: 'b', target: 'a' },
			{ source: 'c', target: 'c' }
		];
		expect(networkDensity(edges)).toBe(2 / 6);
		expect(networkDensity(edges, ['d'])).toBe(2 / 12);
		expect(networkDensity([], ['a'])).toBeNull();
	});
});

describe('densityNormalizedReciprocity(reciprocity, density)', () => {
	test('the issue’s stages: 0.31 at density 0.25, 0.51 at 0.49, 0.63 at 0.58 are all close to chance', () => {
		expect(densityNormalizedReciprocity(0.31, 0.25)).toBeCloseTo(0.08, 12);
		expect(densityNormalizedReciprocity(0.51, 0.49)).toBeCloseTo(0.02 / 0.51, 12);
		expect(densityNormalizedReciprocity(0.63, 0.58)).toBeCloseTo(0.05 / 0.42, 12);
	});

	test('1 when every tie is answered, negative below chance, null for a complete network or unknown input', () => {
		expect(densityNormalizedReciprocity(1, 0.4)).toBe(1);
		expect(densityNormalizedReciprocity(0, 0.2)).toBe(-0.25);
		expect(densityNormalizedReciprocity(1, 1)).toBeNull();
		expect(densityNormalizedReciprocity(null, 0.3)).toBeNull();
		expect(densityNormalizedReciprocity(0.5, null)).toBeNull();
	});
});
