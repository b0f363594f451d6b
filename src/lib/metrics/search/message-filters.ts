import { dayProblem } from '../../settings/day-problem';

/** Which counted messages to show; every filter given must hold. Days are the dataset's wall clock. */
export interface MessageFilters {
	/** `YYYY-MM-DD`, first day included */
	from?: string;
	/** `YYYY-MM-DD`, last day included */
	to?: string;
	/** `YYYY-MM` */
	month?: string;
	/** an author id, or an author name (every author of that name) */
	member?: string;
	/** words, "quoted phrases" or a /regular expression/ (message-query.ts) */
	query?: string;
	/** read `query` as a regular expression even without slashes */
	regex?: boolean;
	/** 0 = Monday … 6 = Sunday, in the dataset's zone (as the hour × weekday heatmap) */
	weekday?: number;
	/** 0–23, wall clock in the dataset's zone */
	hour?: number;
	/** two different author ids: the messages of either whose interaction link points to a message of the other */
	pair?: [string, string];
}

/** Why the dates of `filters` cannot be used, as `field: reason` (the field named as in MessageFilters), or null. */
export function messageFiltersProblem(filters: MessageFilters): string | null {
	for (const field of ['from', 'to'] as const) {
		const value = filters[field];
		const problem = value === undefined ? null : dayProblem(value, `${field} day`);
		if (problem) return `${field}: ${problem}`;
	}
	if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
		return `from: the first day, ${filters.from}, is after the last day, ${filters.to}`;
	}
	if (filters.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(filters.month)) return `month: “${filters.month}” is not a month (YYYY-MM)`;
	if (filters.weekday !== undefined && !(Number.isInteger(filters.weekday) && filters.weekday >= 0 && filters.weekday <= 6)) return `weekday: ${filters.weekday} is not a weekday (0 = Monday … 6 = Sunday)`;
	if (filters.hour !== undefined && !(Number.isInteger(filters.hour) && filters.hour >= 0 && filters.hour <= 23)) return `hour: ${filters.hour} is not an hour (0–23)`;
	if (filters.pair !== undefined && (filters.pair.length !== 2 || filters.pair[0] === filters.pair[1])) return `pair: give two different members, not ${JSON.stringify(filters.pair)}`;
	return null;
}
