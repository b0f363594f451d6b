import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import { silentMembersAt } from '../drops/silent-members-at';
import { defineStageMessages } from './define-stage-messages';
import sql from './stage-comparison.sql?raw';

/** One stage's activity. `likes` is null when the source has no likes; shares and rates are null when undefined. */
export interface StageRow {
	stage: string;
	/** `YYYY-MM-DD`, first day */
	start: string;
	/** `YYYY-MM-DD`, last day (inclusive) */
	end: string;
	/** calendar months the stage shares with the data (first to last message month) */
	months: number;
	messages: number;
	messages_per_month: number | null;
	words: number;
	likes: number | null;
	active_members: number;
	active_students: number;
	/** members whose first counted message falls in the stage */
	new_members: number;
	mentor_messages: number;
	/** mentor messages / messages, 0–1 */
	mentor_share: number | null;
	/** members (not mentors) silent at the stage's end (DESIGN's rule on messages up to then) whose last message is in the stage */
	silent_members: number;
}

/**
 * Every series metric cut by stage, in stage order; (re)defines `stages` and `stage_messages` on the way.
 * Silence is measured at the day after the stage's last day, or at the dataset's last message if that is earlier.
 */
export async function stageComparison(db: Db, stages: readonly StageSetting[]): Promise<StageRow[]> {
	await defineStageMessages(db, stages);
	if (stages.length === 0) return [];
	const rows = await db.query<Omit<StageRow, 'silent_members'>>(sql);
	const result: StageRow[] = [];
	for (const row of rows) {
		const silent = await silentMembersAt(db, { until_exclusive: `${nextDay(row.end)} 00:00:00`, since: `${row.start} 00:00:00` });
		result.push({ ...row, silent_members: silent.length });
	}
	return result;
}

function nextDay(date: string): string {
	const day = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + 1));
	return day.toISOString().slice(0, 10);
}
