import type { Db } from '../../db/db';
import sql from './member-activity.sql?raw';
import { readingTables } from '../derived-tables';

/** One member's counted messages per month (aligned with the monthly series); lurkers have all zeros. */
export interface MemberActivityRow {
	author_id: string;
	author_name: string;
	/** The member's other names: earlier nicknames under the same id, and the names of members merged into this one. */
	other_names: string[];
	role: string | null;
	/** `student` only because a mentor was named and nothing else gave this member a role (resolveRoles). */
	role_assumed: boolean;
	/** What the export says that may suggest a role (`QQ group owner`), offered as a suggestion only. */
	hint: string | null;
	cohort: string | null;
	monthly_messages: number[];
	messages: number;
}

/** Member × month counts, mentors first, then members by first message, lurkers last. */
export const memberActivity = readingTables(['counted_messages'], async function memberActivity(db: Db): Promise<MemberActivityRow[]> {
	return db.query<MemberActivityRow>(sql);
});
