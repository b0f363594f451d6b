import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
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
	/**
	 * members (not mentors) who went silent in the stage: silent by silentMembersAt's rule on the messages before
	 * the day after the stage (measured then, or at the dataset's last message if earlier), last message in the stage
	 */
	silent_members: number;
}

/** Every series metric cut by stage, in stage order; (re)defines `stages` and `stage_messages` on the way. */
export async function stageComparison(db: Db, stages: readonly StageSetting[], options: { min_silent_days?: number } = {}): Promise<StageRow[]> {
	await defineStageMessages(db, stages);
	if (stages.length === 0) return [];
	return db.query<StageRow>(sql, [options.min_silent_days ?? 14]);
}
