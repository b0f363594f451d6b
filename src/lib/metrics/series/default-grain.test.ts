import { expect, test } from 'vitest';
import { defaultGrain } from './default-grain';

test('defaultGrain(days) is daily up to 14 days, weekly up to 120, monthly beyond', () => {
	expect([1, 14, 15, 120, 121, 730].map(defaultGrain)).toEqual(['day', 'day', 'week', 'week', 'month', 'month']);
});
