import type { Db } from '../../db/db';
import { silentMembersAt, type SilentMemberRow } from '../drops/silent-members-at';
import profile_sql from './member-profile.sql?raw';
import replies_sql from './member-replies.sql?raw';
import { ensureTables, readingTables } from '../derived-tables';

/** A member on the other side of someone's replies, and how many replies went between them in that direction. */
export interface ReplyPartner {
	author_id: string;
	author_name: string;
	replies: number;
}

/** Whom a member answers and who answers them, read from the interaction links. */
export interface MemberReplies {
	/** The members they reply to, at most 5, most replies first (ties by name). */
	replies_to: ReplyPartner[];
	/** The members who reply to them, at most 5, most replies first. */
	replied_by: ReplyPartner[];
	/** Their counted messages that got a first reply from another member. */
	answered_messages: number;
	/** Median minutes from their message to its first reply, over answered_messages; null when none. */
	median_minutes_to_first_reply: number | null;
}

/** One member's activity, words, likes, replies and silence: what the profile panel shows. */
export interface MemberProfile {
	author_id: string;
	author_name: string;
	/** earlier nicknames under the same id and names of members merged into this one */
	other_names: string[];
	role: string | null;
	/** Every month from the dataset's first to last counted message, `YYYY-MM`, empty months 0. */
	monthly: { month: string; messages: number }[];
	messages: number;
	/** null until every one of their messages has its words counted */
	words: number | null;
	/** likes on their counted messages; null when none carries a like count */
	likes_received: number | null;
	/** wall clock `YYYY-MM-DD HH:MM:SS`; null for a roster member who never wrote */
	first_message_at: string | null;
	last_message_at: string | null;
	/** null when asked without links (`links: false`) */
	replies: MemberReplies | null;
	/** Their silence at the dataset's last message by the silent-member rule (silentMembersAt); null when not silent, or a mentor. */
	silence: SilentMemberRow | null;
}

/**
 * The profile of the member with `author_id`, null when no member has it. Builds the `links` table when there
 * is none; with `links: false` it neither builds nor reads it (`replies` null), for a caller whose links are
 * still being found. `silent_members`, when the analysis has found them already (silentMembersAt), are not found again.
 */
export const memberProfile = readingTables(['counted_messages'], async function memberProfile(
	db: Db,
	author_id: string,
	options: { links?: boolean; silent_members?: readonly SilentMemberRow[] } = {}
): Promise<MemberProfile | null> {
	const [row] = await db.query<Omit<MemberProfile, 'replies' | 'silence'>>(profile_sql, [author_id]);
	if (!row) return null;
	let replies: MemberReplies | null = null;
	if (options.links ?? true) {
		await ensureTables(db, ['links']);
		[replies] = await db.query<MemberReplies>(replies_sql, [author_id]);
	}
	const silent_members = options.silent_members ?? (await silentMembersAt(db));
	const silence = silent_members.find((member) => member.author_id === author_id) ?? null;
	return { ...row, replies, silence };
}, { may_read: ['links'] });
