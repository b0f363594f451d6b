import { describe, expect, it } from 'vitest';
import { readPresentationParams, withoutPresentationParams, withPresentationParams } from './presentation-params';

const params = (search: string) => new URLSearchParams(search);

describe('readPresentationParams(params)', () => {
	it('reads presentation mode, the slide number and the dataset to present', () => {
		expect(readPresentationParams(params('present=1&slide=3&dataset=chat.csv%3A2048'))).toEqual({ presenting: true, slide: 3, dataset_key: 'chat.csv:2048' });
	});

	it('presents the sample from slide 1 when the address names neither', () => {
		expect(readPresentationParams(params('present=1'))).toEqual({ presenting: true, slide: 1, dataset_key: null });
		expect(readPresentationParams(params('view=members'))).toEqual({ presenting: false, slide: 1, dataset_key: null });
	});

	it('reads a slide number that is not a whole number ≥ 1 as slide 1', () => {
		for (const slide of ['0', '-2', '2.5', 'two', '']) expect(readPresentationParams(params(`present=1&slide=${slide}`)).slide, slide).toBe(1);
	});
});

describe('withPresentationParams(params, { slide, dataset_key }) and withoutPresentationParams(params)', () => {
	it('enters presentation mode keeping the filter, with the dataset’s key; slide 1 is not written', () => {
		const entered = withPresentationParams(params('view=peers&from=2021-01-01&role=student&slide=4'), { slide: 1, dataset_key: 'a.csv:10|b.json:20' });
		expect(entered.toString()).toBe('view=peers&from=2021-01-01&role=student&present=1&dataset=a.csv%3A10%7Cb.json%3A20');
	});

	it('moves to another slide of the sample', () => {
		expect(withPresentationParams(params('present=1&slide=2&to=2022-01-31'), { slide: 3, dataset_key: null }).toString()).toBe('to=2022-01-31&present=1&slide=3');
	});

	it('leaves presentation mode: present, slide and dataset go, the filter and view stay', () => {
		expect(withoutPresentationParams(params('view=peers&present=1&slide=3&dataset=a.csv%3A10&author=u1&author=u2')).toString()).toBe('view=peers&author=u1&author=u2');
	});
});
