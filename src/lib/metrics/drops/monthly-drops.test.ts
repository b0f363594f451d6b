import { describe, expect, test } from 'vitest';
import type { MonthlyRow } from '../monthly-series';
import { monthlyDrops } from './monthly-drops';

const months = (messages: number[]): MonthlyRow[] =>
	messages.map((count, index) => ({
		month: `2021-${String(index + 1).padStart(2, '0')}`,
		messages: count,
		words: 0,
		likes: null,
		active_members: 0,
		active_students: 0,
		new_members: 0,
		mentor_messages: 0,
		mentor_share: null
	}));

describe('monthlyDrops(monthly)', () => {
	test('a fall from 100 to 40 messages a month is one change point and two halvings of the 3-month median', () => {
		const drops = monthlyDrops(months([100, 100, 100, 100, 40, 40, 40, 40]));
		expect(drops.changepoints).toHaveLength(1);
		expect(drops.changepoints[0].month).toBe('2021-05');
		expect(drops.changepoints[0].direction).toBe('down');
		expect(drops.changepoints[0].mean_before).toBeCloseTo(100, 10);
		expect(drops.changepoints[0].mean_after).toBeCloseTo(40, 10);
		// 2021-07: the median of 100, 40, 40 is 40, and 40 is not below 20.
		expect(drops.month_over_month).toEqual([
			{ month: '2021-05', messages: 40, previous_median: 100 },
			{ month: '2021-06', messages: 40, previous_median: 100 }
		]);
	});

	test('a steady series has neither', () => {
		expect(monthlyDrops(months([50, 52, 49, 51, 50, 48, 50]))).toEqual({ changepoints: [], month_over_month: [] });
	});
});
