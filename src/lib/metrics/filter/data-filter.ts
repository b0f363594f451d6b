/**
 * What the person chose to look at, applied to every metric, figure and export through `counted_messages`.
 * Each list left empty keeps everyone (or everything); days are the dataset's wall clock, both ends inclusive.
 */
export interface DataFilter {
	/** `YYYY-MM-DD`, first day kept; null from the first message */
	from: string | null;
	/** `YYYY-MM-DD`, last day kept; null to the last message */
	to: string | null;
	/** author ids */
	members: string[];
	/** roles as resolved from the settings and roster (`mentor`, `student`, …) */
	roles: string[];
	/** the `source` column: the file or channel a message came from */
	sources: string[];
	/** message kinds kept among those the settings count (`text`, …) */
	kinds: string[];
}

export const NO_FILTER: DataFilter = { from: null, to: null, members: [], roles: [], sources: [], kinds: [] };

/** Whether `filter` leaves any message out. */
export function isFiltered(filter: DataFilter): boolean {
	return filter.from !== null || filter.to !== null || filter.members.length + filter.roles.length + filter.sources.length + filter.kinds.length > 0;
}
