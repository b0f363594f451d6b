import { listAnd } from '../i18n/list-and';
import { m } from '../i18n/messages';
import { roleName } from '../i18n/role-name';
import { isFiltered, type DataFilter } from '../metrics/filter/data-filter';
import type { FilterOptions } from '../metrics/filter/filter-options';

const MEMBERS_NAMED = 3;

/**
 * The filter in words, for captions, exports and the filter bar: "Filtered: 2021-01-01 – 2021-06-30 · students
 * only · 2 of 3 sources." Members are named up to three, then counted. Empty without a filter. In the interface language.
 */
export function filterSentence(filter: DataFilter, options: Pick<FilterOptions, 'members' | 'sources'>): string {
	if (!isFiltered(filter)) return '';
	const parts: string[] = [];
	if (filter.from !== null && filter.to !== null) parts.push(filter.from === filter.to ? filter.from : m.filter_days({ from: filter.from, to: filter.to }));
	else if (filter.from !== null) parts.push(m.filter_from({ day: filter.from }));
	else if (filter.to !== null) parts.push(m.filter_until({ day: filter.to }));
	const roles = filter.roles.map((role) => roleName(role, { plural: true }));
	if (roles.length === 1) parts.push(m.filter_role_only({ role: roles[0] }));
	else if (roles.length > 1) parts.push(listAnd(roles));
	if (filter.members.length > MEMBERS_NAMED) parts.push(m.filter_members({ count: filter.members.length }));
	else if (filter.members.length > 0) {
		const names = new Map(options.members.map((member) => [member.author_id, member.author_name]));
		parts.push(listAnd(filter.members.map((id) => names.get(id) ?? id)));
	}
	if (filter.sources.length > 0) parts.push(m.filter_sources({ selected: filter.sources.length, total: options.sources.length }));
	if (filter.kinds.length > 0) parts.push(m.filter_kinds_only({ kinds: listAnd(filter.kinds) }));
	return m.filter_sentence({ parts: parts.join(' · ') });
}
