import { describe, expect, it } from 'vitest';
import { periodScale } from './period-scale';

describe('periodScale', () => {
	it('places dates inside their month in proportion to the day, and stage ends at the end of their day', () => {
		const scale = periodScale(['2021-01', '2021-02', '2021-03'], 'month', [0, 300]);
		expect(scale.step).toBe(100);
		expect(scale.date('2021-02-01')).toBe(100);
		expect(scale.date('2021-02-15')).toBe(150);
		expect(scale.date('2021-03-31', 'end')).toBe(300);
		expect(scale.date('2020-12-01')).toBeLessThan(0);
		expect(scale.index('2021-03')).toBe(2);
		expect(scale.index('2021-04')).toBe(-1);
	});

	it('gives weeks seven days and days one', () => {
		const weeks = periodScale(['2021-03-01', '2021-03-08'], 'week', [0, 140]);
		expect(weeks.date('2021-03-04')).toBe(30);
		expect(weeks.date('2021-03-15')).toBe(140);
		const days = periodScale(['2021-03-01', '2021-03-02'], 'day', [0, 20]);
		expect(days.date('2021-03-02')).toBe(10);
	});
});
