import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';

/**
 * (Re)defines table `stages(stage_index, name, start_day, end_day)` and view `stage_messages`: the counted
 * messages that fall inside a stage (both end days inclusive, wall clock), with `stage_index` and `stage`.
 * Any metric reads `stage_messages` instead of `counted_messages` to be cut by stage; messages outside
 * every stage are in no stage. Stages must not overlap (parseAnalysisSettings ensures it).
 */
export async function defineStageMessages(db: Db, stages: readonly StageSetting[]): Promise<void> {
	await db.exec('CREATE OR REPLACE TABLE stages (stage_index INTEGER, name VARCHAR, start_day DATE, end_day DATE)');
	for (const [index, stage] of stages.entries()) {
		await db.query('INSERT INTO stages VALUES (?, ?, ?::DATE, ?::DATE)', [index, stage.name, stage.start, stage.end]);
	}
	await db.exec(`CREATE OR REPLACE VIEW stage_messages AS
		SELECT s.stage_index, s.name AS stage, m.*
		FROM counted_messages m
		JOIN stages s ON m.sent_at >= s.start_day AND m.sent_at < s.end_day + INTERVAL 1 DAY`);
}
