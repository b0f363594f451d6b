import { NO_FILTER, type DataFilter } from '../metrics/filter/data-filter';
import type { FilterOptions } from '../metrics/filter/filter-options';
import { dayProblem } from '../settings/day-problem';

/** The page-address parameter of each list of the filter (repeated once per value). */
const LIST_PARAMS = { members: 'author', roles: 'role', sources: 'source', kinds: 'kind' } as const;
type ListField = keyof typeof LIST_PARAMS;
const LIST_FIELDS = Object.keys(LIST_PARAMS) as ListField[];

/** The filter a page address holds (`from`, `to`, then `author`, `role`, `source`, `kind` repeated); what cannot be read is left out and said in `ignored`. */
export function readFilterParams(params: URLSearchParams): { filter: DataFilter; ignored: string[] } {
	const ignored: string[] = [];
	const day = (name: 'from' | 'to') => {
		const value = params.get(name);
		if (value === null) return null;
		const problem = dayProblem(value, `${name} day`);
		if (problem === null) return value;
		ignored.push(`${name}: ${problem}`);
		return null;
	};
	let from = day('from');
	let to = day('to');
	if (from !== null && to !== null && from > to) {
		ignored.push(`from ${from} is after to ${to}`);
		from = to = null;
	}
	const lists = Object.fromEntries(LIST_FIELDS.map((field) => [field, [...new Set(params.getAll(LIST_PARAMS[field]).filter((value) => value !== ''))]]));
	return { filter: { ...NO_FILTER, from, to, ...lists }, ignored };
}

/** `params` with the filter's parameters replaced by `filter`'s (none for an empty part); the other parameters kept in order. */
export function withFilterParams(params: URLSearchParams, filter: DataFilter): URLSearchParams {
	const next = new URLSearchParams(params);
	for (const name of ['from', 'to', ...Object.values(LIST_PARAMS)]) next.delete(name);
	if (filter.from !== null) next.set('from', filter.from);
	if (filter.to !== null) next.set('to', filter.to);
	for (const field of LIST_FIELDS) for (const value of filter[field]) next.append(LIST_PARAMS[field], value);
	return next;
}

/** `filter` without the values the dataset does not have (a member, role, source or kind from another dataset's address), said in `ignored`. */
export function knownFilter(filter: DataFilter, options: FilterOptions): { filter: DataFilter; ignored: string[] } {
	const known: Record<ListField, readonly string[]> = {
		members: options.members.map((member) => member.author_id),
		roles: options.roles,
		sources: options.sources,
		kinds: options.kinds
	};
	const ignored: string[] = [];
	const lists = Object.fromEntries(
		LIST_FIELDS.map((field) => {
			const [kept, unknown] = [filter[field].filter((value) => known[field].includes(value)), filter[field].filter((value) => !known[field].includes(value))];
			if (unknown.length > 0) ignored.push(`${LIST_PARAMS[field]} ${unknown.map((value) => `“${value}”`).join(', ')} is not in this dataset`);
			return [field, kept];
		})
	);
	return { filter: { ...filter, ...lists }, ignored };
}
