import type { Db } from '../../db/db';
import { quantile } from '../algorithms/quantile';
import { wilsonInterval } from '../algorithms/wilson-interval';
import first_replies_sql from './first-replies.sql?raw';
import newcomer_sql from './newcomer-replies.sql?raw';
import months_sql from './question-months.sql?raw';
import unanswered_sql from './unanswered-questions.sql?raw';
import { readingTables } from '../derived-tables';

/** How questions were answered in one calendar month. */
export interface QuestionResponseRow {
	/** `YYYY-MM` */
	month: string;
	questions: number;
	/** questions with no first reply within the reply window (24 h): never answered, or answered later */
	unanswered_questions: number;
	/** questions with a first reply within the reply window */
	replied: number;
	/** over every question of the month with a first reply, however late; null when none */
	median_minutes_to_first_reply: number | null;
	p90_minutes_to_first_reply: number | null;
	/** replied / questions, 0–1; null when no question */
	replied_share: number | null;
	/** Wilson 95% interval of replied_share; null when no question */
	replied_share_ci: [number, number] | null;
}

/** The same for the questions of one asker role (null: members of unknown role). */
export type QuestionResponseByRoleRow = { role: string | null } & QuestionResponseRow;

/** A counted question with no first reply within the reply window, for a mentor to go back to. */
export interface UnansweredQuestion {
	message_id: string;
	/** wall clock, `YYYY-MM-DD HH:MM:SS` */
	sent_at: string;
	author_id: string;
	author_name: string;
	role: string | null;
	text: string;
	/** when it was answered after the window; null when never */
	minutes_to_first_reply: number | null;
}

/** A member's first counted message and how soon another member answered it. */
export interface NewcomerReply {
	message_id: string;
	/** wall clock, `YYYY-MM-DD HH:MM:SS` */
	sent_at: string;
	author_id: string;
	author_name: string;
	role: string | null;
	/** null when nobody answered it */
	minutes_to_first_reply: number | null;
}

/** How members' first messages were answered: one per member who wrote, summarised. */
export interface NewcomerReplies {
	count: number;
	/** first messages with a first reply within the reply window */
	replied: number;
	/** over the first messages with a first reply, however late; null when none */
	median_minutes_to_first_reply: number | null;
	replied_share: number | null;
	replied_share_ci: [number, number] | null;
	members: NewcomerReply[];
}

/** Whether and how fast questions and newcomers get an answer. */
export interface ResponseTimes {
	/** every month from the first to the last counted message, empty ones included */
	monthly: QuestionResponseRow[];
	/** every month × every role that asked a question, month first, roles in name order (unknown last) */
	by_role: QuestionResponseByRoleRow[];
	/** newest first, at most `unanswered_limit` */
	unanswered: UnansweredQuestion[];
	newcomers: NewcomerReplies;
}

export interface ResponseTimeOptions {
	/** A first reply later than this many minutes leaves the message unanswered; default 24 h. */
	window_minutes?: number;
	/** How many unanswered questions to list; default 500. */
	unanswered_limit?: number;
}

type MonthRoleRow = { month: string; all_roles: boolean; role: string | null; questions: number; replied: number; minutes_to_first_reply: number[] };

/**
 * Questions per month and asker role (asked, answered within 24 h or not, minutes to the first reply), the
 * questions left unanswered, and how members' first messages were answered. A first reply is the earliest
 * later message by another member whose link (the `links` table) points to
 * the message, by any rule but `continuation`.
 */
export const responseTimes = readingTables(['links', 'kept_links', 'counted_messages'], async function responseTimes(db: Db, options: ResponseTimeOptions = {}): Promise<ResponseTimes> {
	const { window_minutes = 24 * 60, unanswered_limit = 500 } = options;
	await db.exec(first_replies_sql);
	try {
		const months = await db.query<MonthRoleRow>(months_sql, [window_minutes]);
		const newcomers = await db.query<NewcomerReply>(newcomer_sql);
		const replied = newcomers.filter((row) => row.minutes_to_first_reply !== null && row.minutes_to_first_reply <= window_minutes).length;
		return {
			monthly: months.filter((row) => row.all_roles).map(({ month, ...row }) => ({ month, ...responseSummary(row) })),
			by_role: months.filter((row) => !row.all_roles).map(({ month, role, ...row }) => ({ month, role, ...responseSummary(row) })),
			unanswered: await db.query<UnansweredQuestion>(unanswered_sql, [window_minutes, unanswered_limit]),
			newcomers: {
				count: newcomers.length,
				replied,
				median_minutes_to_first_reply: quantileOrNull(answeredMinutes(newcomers), 0.5),
				replied_share: newcomers.length > 0 ? replied / newcomers.length : null,
				replied_share_ci: wilsonInterval(replied, newcomers.length),
				members: newcomers
			}
		};
	} finally {
		await db.exec('DROP TABLE IF EXISTS first_replies');
	}
});

function responseSummary(row: Pick<MonthRoleRow, 'questions' | 'replied' | 'minutes_to_first_reply'>): Omit<QuestionResponseRow, 'month'> {
	return {
		questions: row.questions,
		unanswered_questions: row.questions - row.replied,
		replied: row.replied,
		median_minutes_to_first_reply: quantileOrNull(row.minutes_to_first_reply, 0.5),
		p90_minutes_to_first_reply: quantileOrNull(row.minutes_to_first_reply, 0.9),
		replied_share: row.questions > 0 ? row.replied / row.questions : null,
		replied_share_ci: wilsonInterval(row.replied, row.questions)
	};
}

const answeredMinutes = (rows: NewcomerReply[]) => rows.flatMap((row) => (row.minutes_to_first_reply === null ? [] : [row.minutes_to_first_reply]));

// Linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7), as quantile() computes it.
const quantileOrNull = (values: readonly number[], p: number) => (values.length > 0 ? quantile(values, p) : null);
