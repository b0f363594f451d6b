import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../i18n/locale';
import { memberAlsoLabel } from './member-also-label';

afterEach(() => locale.set('en'));

describe('memberAlsoLabel', () => {
	it('names a member alone when they have no other name', () => {
		expect(memberAlsoLabel('布迪', [])).toBe('布迪');
	});

	it('adds the other names in the interface language', () => {
		expect(memberAlsoLabel('布迪', ['Budi', 'Budi S.'])).toBe('布迪 (also: Budi, Budi S.)');
		locale.set('zh-CN');
		expect(memberAlsoLabel('布迪', ['Budi', 'Budi S.'])).toBe('布迪（又名：Budi、Budi S.）');
	});
});
