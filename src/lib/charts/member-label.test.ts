import { describe, expect, it } from 'vitest';
import { memberLabel } from './member-label';

describe('memberLabel', () => {
	it.each([
		['Budi Santoso', 'Budi Santoso'],
		['张伟', '张伟'],
		['Budi\u200b Santoso', 'Budi⟨U+200B⟩ Santoso'],
		['张\u200d伟', '张⟨U+200D⟩伟'],
		['\u202eosotnaS iduB', '⟨U+202E⟩osotnaS iduB'],
		['Jose\u0301', 'Jose\u0301 ⟨decomposed⟩'],
		['Вudi Santoso', 'Вudi Santoso ⟨Cyrillic⟩'],
		['Ανν', 'Ανν ⟨Greek⟩'],
		['Ксения', 'Ксения'],
		['Budi\ud800', 'Budi⟨U+D800⟩'],
		['Budi\udc00', 'Budi⟨U+DC00⟩'],
		['Ana 👩‍💻', 'Ana 👩‍💻'],
		['Ana ❤️', 'Ana ❤️']
	])('%j is shown as %j', (name, shown) => {
		expect(memberLabel(name)).toBe(shown);
	});
});
