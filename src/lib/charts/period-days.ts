import type { TimeGrain } from './time-grain';

/** How many days a period has: the calendar month's length (`YYYY-MM` label), 7 for a week, 1 for a day. */
export function periodDays(label: string, grain: TimeGrain): number {
	if (grain === 'day') return 1;
	if (grain === 'week') return 7;
	const [year, month] = label.split('-').map(Number);
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
