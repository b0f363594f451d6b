import type { Grain } from './activity-series';

/** The grain a span of `days` calendar days is first drawn at: daily up to 14 days, weekly up to 120, monthly beyond. */
export function defaultGrain(days: number): Grain {
	return days <= 14 ? 'day' : days <= 120 ? 'week' : 'month';
}
