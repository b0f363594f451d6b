import { describe, expect, it } from 'vitest';
import { labelRows } from './label-rows';

describe('labelRows', () => {
	it('puts each span in the first row where it keeps the gap from every other', () => {
		expect(labelRows([{ start: 0, end: 50 }, { start: 40, end: 90 }, { start: 55, end: 70 }, { start: 95, end: 120 }], 4)).toEqual([0, 1, 0, 0]);
	});

	it('reuses the least overlapped row once max_rows are open', () => {
		expect(labelRows([{ start: 0, end: 100 }, { start: 10, end: 20 }, { start: 60, end: 70 }], 0, 2)).toEqual([0, 1, 1]);
	});
});
