import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../metrics/filter/data-filter';
import { filterSentence } from './filter-sentence';

const options = {
	members: [
		{ author_id: 'u1', author_name: 'Ann', role: 'student', messages: 3 },
		{ author_id: 'u2', author_name: 'Bob', role: 'student', messages: 2 },
		{ author_id: 'u3', author_name: 'Cy', role: 'student', messages: 1 },
		{ author_id: 'u4', author_name: 'Dee', role: 'mentor', messages: 1 }
	],
	sources: ['general.csv', 'lab.csv', 'random.csv']
};

describe('filterSentence(filter, options)', () => {
	it('is empty without a filter', () => {
		expect(filterSentence(NO_FILTER, options)).toBe('');
	});

	it('names the days, a role, and how many sources of all', () => {
		expect(filterSentence({ ...NO_FILTER, from: '2021-01-01', to: '2021-06-30', roles: ['student'], sources: ['general.csv', 'lab.csv'] }, options)).toBe(
			'Filtered: 2021-01-01 – 2021-06-30 · students only · 2 of 3 sources.'
		);
	});

	it('says an open end of the range, several roles, and the kinds kept', () => {
		expect(filterSentence({ ...NO_FILTER, from: '2021-03-01', roles: ['mentor', 'student'] }, options)).toBe('Filtered: from 2021-03-01 · mentors and students.');
		expect(filterSentence({ ...NO_FILTER, to: '2021-03-01', kinds: ['text', 'media'] }, options)).toBe('Filtered: until 2021-03-01 · text and media messages only.');
		expect(filterSentence({ ...NO_FILTER, from: '2021-03-01', to: '2021-03-01' }, options)).toBe('Filtered: 2021-03-01.');
	});

	it('names up to three members by name, and counts more', () => {
		expect(filterSentence({ ...NO_FILTER, members: ['u2', 'u1'] }, options)).toBe('Filtered: Bob and Ann.');
		expect(filterSentence({ ...NO_FILTER, members: ['u1', 'u2', 'u3', 'u4'] }, options)).toBe('Filtered: 4 members.');
	});
});
