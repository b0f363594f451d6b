/** A member as the code assignment sees it. */
export interface CodableMember {
	author_id: string;
	role: string | null;
	/** `YYYY-MM-DD HH:MM:SS…` of the first message; null for roster members who never posted. */
	first_seen: string | null;
}

const PREFIXES = new Map([
	['mentor', 'M'],
	['student', 'S']
]);

/**
 * Stable codes by role: M01… mentors, S01… students, P01… everyone else (other roles, unknown role),
 * each numbered by first message (then author id); members who never posted come last. Returns
 * author_id → code, in code order.
 */
export function memberCodes(members: readonly CodableMember[]): Map<string, string> {
	const ordered = [...members].sort(
		(a, b) =>
			Number(a.first_seen === null) - Number(b.first_seen === null) ||
			(a.first_seen ?? '').localeCompare(b.first_seen ?? '') ||
			(a.author_id < b.author_id ? -1 : a.author_id > b.author_id ? 1 : 0)
	);
	const counters = new Map<string, number>();
	const codes = new Map<string, string>();
	for (const prefix of ['M', 'S', 'P']) {
		for (const member of ordered) {
			if ((PREFIXES.get(member.role ?? '') ?? 'P') !== prefix || codes.has(member.author_id)) continue;
			const number = (counters.get(prefix) ?? 0) + 1;
			counters.set(prefix, number);
			codes.set(member.author_id, memberCode(prefix, number));
		}
	}
	return codes;
}

function memberCode(prefix: string, number: number): string {
	return `${prefix}${String(number).padStart(2, '0')}`;
}
