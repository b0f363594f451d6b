import type { Db } from '../src/lib/db/db';
import { NO_FILTER, type DataFilter } from '../src/lib/metrics/filter/data-filter';
import { filterOptions } from '../src/lib/metrics/filter/filter-options';
import { messageFiltersProblem } from '../src/lib/metrics/search/message-filters';
import { UsageError } from './usage-error';
import { m } from '../src/lib/i18n/messages';

/** parseArgs options of the filter every metric command takes (the dashboard's filter bar). */
export const FILTER_OPTIONS = {
	from: { type: 'string' },
	to: { type: 'string' },
	member: { type: 'string', multiple: true },
	role: { type: 'string', multiple: true },
	source: { type: 'string', multiple: true },
	kind: { type: 'string', multiple: true }
} as const;

/** What the filter flags gave, as parseArgs returns them. */
export interface FilterArgs {
	from?: string;
	to?: string;
	member?: string[];
	role?: string[];
	source?: string[];
	kind?: string[];
}

/** Why the filter's days cannot be used, as a usage line, before the files are read; null when they can. */
export function filterDaysProblem(args: FilterArgs): string | null {
	const problem = messageFiltersProblem({ from: args.from, to: args.to });
	return problem && `--${problem}`;
}

/**
 * The filter the flags ask for, checked against the loaded dataset (settings applied): a member by id or name
 * (every author of that name, as `resonance messages --member`), roles, sources and kinds it has. Throws
 * UsageError naming what it lacks.
 */
export async function readFilterArgs(db: Db, args: FilterArgs): Promise<DataFilter> {
	const problem = filterDaysProblem(args);
	if (problem) throw new UsageError(problem);
	const options = await filterOptions(db);
	const members = (args.member ?? []).flatMap((wanted) => {
		const ids = options.members.filter((member) => member.author_id === wanted || member.author_name === wanted).map((member) => member.author_id);
		if (ids.length === 0) throw new UsageError(m.cli_filter_no_member({ member: wanted }));
		return ids;
	});
	const known = (flag: string, values: string[] | undefined, have: string[]) => {
		for (const value of values ?? []) if (!have.includes(value)) throw new UsageError(m.cli_filter_not_in_dataset({ flag, value, have: have.join(', ') || m.cli_none() }));
		return [...new Set(values ?? [])];
	};
	return {
		...NO_FILTER,
		from: args.from ?? null,
		to: args.to ?? null,
		members: [...new Set(members)],
		roles: known('role', args.role, options.roles),
		sources: known('source', args.source, options.sources),
		kinds: known('kind', args.kind, options.kinds)
	};
}
