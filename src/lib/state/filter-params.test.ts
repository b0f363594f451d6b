import { describe, expect, it } from 'vitest';
import { NO_FILTER, type DataFilter } from '../metrics/filter/data-filter';
import { knownFilter, readFilterParams, withFilterParams } from './filter-params';

const full: DataFilter = {
	from: '2021-01-01',
	to: '2021-06-30',
	members: ['u1', 'a&b=c'],
	roles: ['student'],
	sources: ['general.csv', 'lab, second.csv'],
	kinds: ['text']
};

describe('withFilterParams and readFilterParams', () => {
	it('write a filter into the address and read the same filter back, keeping the other options', () => {
		const params = withFilterParams(new URLSearchParams('view=timeline&grain=week'), full);
		expect(params.toString()).toBe(
			'view=timeline&grain=week&from=2021-01-01&to=2021-06-30&author=u1&author=a%26b%3Dc&role=student&source=general.csv&source=lab%2C+second.csv&kind=text'
		);
		expect(readFilterParams(new URLSearchParams(params.toString()))).toEqual({ filter: full, ignored: [] });
	});

	it('write no parameter for no filter, and clear a filter written before', () => {
		expect(withFilterParams(new URLSearchParams('view=members&from=2021-01-01&role=mentor'), NO_FILTER).toString()).toBe('view=members');
		expect(readFilterParams(new URLSearchParams('view=members'))).toEqual({ filter: NO_FILTER, ignored: [] });
	});

	it('ignore, and say, days that are not dates or are the wrong way round; repeated and empty values are dropped', () => {
		expect(readFilterParams(new URLSearchParams('from=2021-02-30&to=soon&role=student&role=student&role='))).toEqual({
			filter: { ...NO_FILTER, roles: ['student'] },
			ignored: ['from: “2021-02-30” is not a date (YYYY-MM-DD).', 'to: “soon” is not a date (YYYY-MM-DD).']
		});
		expect(readFilterParams(new URLSearchParams('from=2021-06-30&to=2021-01-01'))).toEqual({ filter: NO_FILTER, ignored: ['from 2021-06-30 is after to 2021-01-01'] });
	});
});

describe('knownFilter(filter, options)', () => {
	it('keeps the values the dataset has and names the others', () => {
		const options = {
			first_day: '2021-01-01',
			last_day: '2021-12-31',
			members: [{ author_id: 'u1', author_name: 'Ann', role: 'student', messages: 3 }],
			roles: ['mentor', 'student'],
			sources: ['general.csv'],
			kinds: ['text']
		};
		expect(knownFilter(full, options)).toEqual({
			filter: { ...full, members: ['u1'], sources: ['general.csv'] },
			ignored: ['author “a&b=c” is not in this dataset', 'source “lab, second.csv” is not in this dataset']
		});
	});
});
