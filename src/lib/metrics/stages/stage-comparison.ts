import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import silent_member_rule from '../drops/silent-member-rule.sql?raw';
import { periodActivity } from '../periods/period-activity';
import sql from './stage-comparison.sql?raw';
import { readingTables } from '../derived-tables';

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
	 * members (not mentors) who went silent in the stage: silent by the silent-member rule (silent-member-rule.sql) on the
	 * messages before the day after the stage (measured then, or at the dataset's last message if earlier), last message in the stage
	 */
	silent_members: number;
}

export interface StageComparisonOptions {
	/** Shortest silence that counts, in days (DESIGN: 14). */
	min_silent_days?: number;
}

/** Every series metric cut by stage, in stage order (reads `stage_messages` of these stages); the stages' link ratios are linkRatios'. */
export const stageComparison = readingTables(['stage_messages', 'kept_messages'], async function stageComparison(db: Db, stages: readonly StageSetting[], options: StageComparisonOptions = {}): Promise<StageRow[]> {
	if (stages.length === 0) return [];
	const activity = periodActivity('stage');
	const query = sql.replace('/* period_activity */', activity.sql).replace('/* silent-member rule */', silent_member_rule);
	return db.query<StageRow>(query, [...activity.params, options.min_silent_days ?? 14]);
}, { settingsOf: ([stages]) => ({ stages }) });
