import type { Db } from '../../db/db';
import sql from './silent-members-at.sql?raw';
import silent_member_rule from './silent-member-rule.sql?raw';
import { readingTables } from '../derived-tables';

/**
 * Where a silent member stands: quiet for less than `recent_days` and unlikely given the group (`recently_quiet`),
 * longer and unlikely (`long_gone`), or a silence their own pace and the group's activity since make likely
 * (`as_expected`: a group-wide lull, or a single message that shows no pace).
 */
export type SilenceStatus = 'recently_quiet' | 'long_gone' | 'as_expected';

/** A member gone silent (DESIGN "Drops" (c)), with their role, messages before, and how unlikely the silence is given the group. */
export interface SilentMemberRow {
	author_id: string;
	author_name: string;
	/** `YYYY-MM-DD HH:MM:SS`, wall clock */
	last_message_at: string;
	/** Days (fractional) from the last message to the clock. */
	days_silent: number;
	/** 95th percentile of the member's gaps between consecutive messages, in days; null below 3 messages. */
	usual_gap_days: number | null;
	role: string | null;
	messages: number;
	/** Counted messages by everyone else from the member's first to last message, inclusive. */
	others_messages_in_span: number;
	/** Counted messages by everyone else after the member's last message, up to the clock. */
	others_messages_since: number;
	/** (messages − 1) × others_messages_since / max(others_messages_in_span, 1): their pace, scaled by the group's since. */
	expected_messages: number;
	/** exp(−expected_messages): the Poisson chance of writing nothing since, at that expected count. */
	silence_probability: number;
	status: SilenceStatus;
}

export interface SilentMembersOptions {
	/** Only messages before this wall-clock time count, and silence is measured up to it (or to the last message, if earlier). */
	until_exclusive?: string;
	/** Only members whose last counted message is at or after this wall-clock time (went silent within a stage). */
	since?: string;
	/** Shortest silence that counts, in days (DESIGN: 14). */
	min_days?: number;
	/** A silence shorter than this many days is recent; longer, the member is long gone (default 90). */
	recent_days?: number;
	/** A silence is unlikely below this chance (default 0.05). */
	unlikely_below?: number;
}

/**
 * Members (mentors left out) whose days since their last counted message exceed their own 95th-percentile gap
 * and `min_days`, measured at the dataset's last counted message (silent-member-rule.sql, which stageComparison
 * applies once per stage). Each is judged against the group's own activity since (`status`). Longest silence first.
 */
export const silentMembersAt = readingTables(['counted_messages'], async function silentMembersAt(db: Db, options: SilentMembersOptions = {}): Promise<SilentMemberRow[]> {
	const { until_exclusive = null, since = null, min_days = 14, recent_days = 90, unlikely_below = 0.05 } = options;
	const rows = await db.query<Omit<SilentMemberRow, 'silence_probability' | 'status'>>(sql.replace('/* silent-member rule */', silent_member_rule), [until_exclusive, since, min_days]);
	return rows.map((row) => {
		const silence_probability = Math.exp(-row.expected_messages);
		const status: SilenceStatus =
			silence_probability >= unlikely_below ? 'as_expected' : row.days_silent < recent_days ? 'recently_quiet' : 'long_gone';
		return { ...row, silence_probability, status };
	});
});
