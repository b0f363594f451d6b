import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import sql from './weekly-hours.sql?raw';
import { readingTables } from '../derived-tables';

/** Counted messages by weekday (7 rows, Monday first) and hour of the dataset's wall clock (24 columns, 0–23). */
export type WeekHourMatrix = number[][];

/** When people talk: the week's hours over the whole dataset and in each stage. */
export interface WeeklyHours {
	all: WeekHourMatrix;
	/** in stage order, one per stage, empty stages as zeros */
	stages: { stage: string; messages: WeekHourMatrix }[];
}

/** Counted messages per weekday and hour, overall and per stage (reads `stage_messages` of these stages). */
export const weeklyHours = readingTables(['stage_messages'], async function weeklyHours(db: Db, stages: readonly StageSetting[]): Promise<WeeklyHours> {
	const all = emptyWeek();
	const by_stage = stages.map(() => emptyWeek());
	for (const row of await db.query<{ stage_index: number | null; weekday: number; hour: number; messages: number }>(sql)) {
		(row.stage_index === null ? all : by_stage[row.stage_index])[row.weekday][row.hour] = row.messages;
	}
	return { all, stages: stages.map((stage, index) => ({ stage: stage.name, messages: by_stage[index] })) };
}, { settingsOf: ([stages]) => ({ stages }) });

const emptyWeek = (): WeekHourMatrix => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
