import type { Db } from '../../db/db';
import type { SilentMember } from '../algorithms/silent-members';
import sql from './silent-members-at.sql?raw';

/** A member gone silent (DESIGN "Drops" (c)), with their role and how many counted messages they wrote before. */
export interface SilentMemberRow extends SilentMember {
	role: string | null;
	messages: number;
}

export interface SilentMembersOptions {
	/** Only messages before this wall-clock time count, and silence is measured up to it (or to the last message, if earlier). */
	until_exclusive?: string;
	/** Only members whose last counted message is at or after this wall-clock time (went silent within a stage). */
	since?: string;
	/** Shortest silence that counts, in days (DESIGN: 14). */
	min_days?: number;
}

/**
 * Members (mentors left out) whose days since their last counted message exceed their own 95th-percentile gap
 * and `min_days`, measured at the dataset's last counted message; the same rule as `silentMembers`, with the
 * gaps computed in SQL so a million messages never cross into JavaScript. Longest silence first.
 */
export async function silentMembersAt(db: Db, options: SilentMembersOptions = {}): Promise<SilentMemberRow[]> {
	const { until_exclusive = null, since = null, min_days = 14 } = options;
	return db.query<SilentMemberRow>(sql, [until_exclusive, since, min_days]);
}
