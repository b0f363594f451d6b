import { isFiltered, type DataFilter } from '../metrics/filter/data-filter';
import type { FilterOptions } from '../metrics/filter/filter-options';

const MEMBERS_NAMED = 3;

/**
 * The filter in words, for captions, exports and the filter bar: "Filtered: 2021-01-01 – 2021-06-30 · students
 * only · 2 of 3 sources." Members are named up to three, then counted. Empty without a filter.
 */
export function filterSentence(filter: DataFilter, options: Pick<FilterOptions, 'members' | 'sources'>): string {
	if (!isFiltered(filter)) return '';
	const parts: string[] = [];
	if (filter.from !== null && filter.to !== null) parts.push(filter.from === filter.to ? filter.from : `${filter.from} – ${filter.to}`);
	else if (filter.from !== null) parts.push(`from ${filter.from}`);
	else if (filter.to !== null) parts.push(`until ${filter.to}`);
	if (filter.roles.length === 1) parts.push(`${plural(filter.roles[0])} only`);
	else if (filter.roles.length > 1) parts.push(`${list(filter.roles.map(plural))}`);
	if (filter.members.length > MEMBERS_NAMED) parts.push(`${filter.members.length} members`);
	else if (filter.members.length > 0) {
		const names = new Map(options.members.map((member) => [member.author_id, member.author_name]));
		parts.push(list(filter.members.map((id) => names.get(id) ?? id)));
	}
	if (filter.sources.length > 0) parts.push(`${filter.sources.length} of ${options.sources.length} sources`);
	if (filter.kinds.length > 0) parts.push(`${list(filter.kinds)} messages only`);
	return `Filtered: ${parts.join(' · ')}.`;
}

function plural(role: string): string {
	return role.endsWith('s') ? role : `${role}s`;
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
