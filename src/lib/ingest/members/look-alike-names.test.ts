import { describe, expect, it } from 'vitest';
import { lookAlikeNames } from './look-alike-names';

describe('lookAlikeNames', () => {
	it('groups different members whose names look the same: zero-width, full-width, Cyrillic, reversed, decomposed, lone surrogates', () => {
		const authors = [
			{ author_id: 'u1', author_name: 'Budi Santoso' },
			{ author_id: 'u2', author_name: 'Budi\u200b Santoso' },
			{ author_id: 'u3', author_name: 'Вudi Santoso' },
			{ author_id: 'u4', author_name: '\u202eosotnaS iduB' },
			{ author_id: 'u5', author_name: 'José' },
			{ author_id: 'u6', author_name: 'Jose\u0301' },
			{ author_id: 'u7', author_name: 'Ann\ud800' },
			{ author_id: 'u8', author_name: 'Ann\udc00' },
			{ author_id: 'u9', author_name: 'Ann' },
			// one member who writes their name two ways is not a collision
			{ author_id: 'u10', author_name: '小明' },
			{ author_id: 'u10', author_name: '小\u200b明' }
		];
		expect(lookAlikeNames(authors)).toEqual([
			{ name: 'Budi Santoso', members: authors.slice(0, 4) },
			{ name: 'José', members: authors.slice(4, 6) },
			{ name: 'Ann\ud800', members: authors.slice(6, 8) }
		]);
	});
});
