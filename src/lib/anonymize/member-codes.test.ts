import { describe, expect, it } from 'vitest';
import { memberCodes } from './member-codes';

describe('memberCodes', () => {
	it('numbers mentors, students and everyone else apart, by first message, then author id; lurkers last', () => {
		const codes = memberCodes([
			{ author_id: 'u9', role: 'student', first_seen: '2021-01-02 10:00:00' },
			{ author_id: 'lurker', role: 'student', first_seen: null },
			{ author_id: 'u3', role: 'student', first_seen: '2021-01-01 10:00:00' },
			{ author_id: 'u1', role: 'student', first_seen: '2021-01-01 10:00:00' },
			{ author_id: 'teacher', role: 'mentor', first_seen: '2021-02-01 10:00:00' },
			{ author_id: 'ta', role: 'assistant', first_seen: '2020-12-01 10:00:00' },
			{ author_id: 'bot', role: null, first_seen: '2021-03-01 10:00:00' }
		]);
		expect([...codes]).toEqual([
			['teacher', 'M01'],
			['u1', 'S01'],
			['u3', 'S02'],
			['u9', 'S03'],
			['lurker', 'S04'],
			['ta', 'P01'],
			['bot', 'P02']
		]);
	});

	it('gives a member listed twice one code', () => {
		const member = { author_id: 'u1', role: 'student', first_seen: '2021-01-01 10:00:00' };
		expect([...memberCodes([member, member, { ...member, author_id: 'u2' }])]).toEqual([
			['u1', 'S01'],
			['u2', 'S02']
		]);
	});

	it('gives members whose role is constructor or __proto__ P codes like any other role', () => {
		const codes = memberCodes([
			{ author_id: 'u1', role: 'constructor', first_seen: '2021-01-01 10:00:00' },
			{ author_id: 'u2', role: '__proto__', first_seen: '2021-01-02 10:00:00' },
			{ author_id: 'u3', role: 'toString', first_seen: '2021-01-03 10:00:00' }
		]);
		expect([...codes]).toEqual([
			['u1', 'P01'],
			['u2', 'P02'],
			['u3', 'P03']
		]);
	});
});
