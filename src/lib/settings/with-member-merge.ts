import type { MemberMergeSetting } from './analysis-settings';

/**
 * The merges with `from` members merged into `into` (author ids of members as they are now): a member that
 * already has merges brings them along, so the result has one entry per person and never chains.
 */
export function withMemberMerge(merges: readonly MemberMergeSetting[], into: string, from: readonly string[]): MemberMergeSetting[] {
	const joined = new Set([into, ...from]);
	const absorbed = merges.filter((merge) => joined.has(merge.into));
	const kept = merges.filter((merge) => !joined.has(merge.into));
	const keys = [...absorbed.flatMap((merge) => [merge.into, ...merge.from]), ...from].filter((key) => key !== into);
	return [...kept, { into, from: [...new Set(keys)] }];
}
