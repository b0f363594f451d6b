import { describe, expect, it } from 'vitest';
import { peakMessageFilters } from './peak-message-filters';

describe('peakMessageFilters', () => {
	it('asks for the month, the seven days of the week across a month end, or the day', () => {
		expect(peakMessageFilters('2021-03-01', 'month')).toEqual({ month: '2021-03' });
		expect(peakMessageFilters('2021-02-22', 'week')).toEqual({ from: '2021-02-22', to: '2021-02-28' });
		expect(peakMessageFilters('2020-12-28', 'week')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
		expect(peakMessageFilters('2021-03-07', 'day')).toEqual({ from: '2021-03-07', to: '2021-03-07' });
	});
});
