import type { MessageFilters } from '../metrics/search/message-filters';
import type { Grain } from '../metrics/series/activity-series';

const DAY_MS = 86_400_000;

/** The message filters of one period of the series (a peak's): its month, its Monday-to-Sunday week, or its day. */
export function peakMessageFilters(period_start: string, grain: Grain): MessageFilters {
	if (grain === 'month') return { month: period_start.slice(0, 7) };
	if (grain === 'day') return { from: period_start, to: period_start };
	const sunday = new Date(Date.parse(`${period_start}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
	return { from: period_start, to: sunday };
}
