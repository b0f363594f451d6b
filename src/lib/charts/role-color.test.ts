import { describe, expect, it } from 'vitest';
import { palette } from './palette';
import { roleColor } from './role-color';

describe('roleColor', () => {
	it('colours mentor and student apart, any other role alike, and no role grey', () => {
		expect([roleColor('mentor'), roleColor('student'), roleColor('ta'), roleColor(null), roleColor(''), roleColor('unknown')]).toEqual([
			palette.roles.mentor,
			palette.roles.student,
			palette.roles.other,
			palette.roles.unknown,
			palette.roles.unknown,
			palette.roles.unknown
		]);
	});

	it('gives role names that are Object.prototype members the colour of any other role', () => {
		for (const role of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(roleColor(role)).toBe(palette.roles.other);
	});
});
