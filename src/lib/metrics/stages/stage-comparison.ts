import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import { linkRatios, type LinkRatioRow } from '../links/link-ratios';
import sql from './stage-comparison.sql?raw';
import { readingTables } from '../derived-tables';

/** The stage's mentor-versus-peer ratios (DESIGN "Mentor-versus-peer ratios"); all null unless asked for with `links`. */
type StageLinkRatios = {
	[Key in (typeof LINK_FIELDS)[number]]: LinkRatioRow[Key] | null;
};

const LINK_FIELDS = [
	'basis',
	'links',
	'mentor_to_student',
	'student_to_mentor',
	'student_to_student',
	'peer_share',
	'peer_share_inferred',
	'peer_share_min',
	'peer_share_max',
	'n_links',
	'peer_share_ci',
	'peer_share_bootstrap_ci',
	'reciprocity',
	'density',
	'reciprocity_normalized',
	'degree_centralization',
	'degree_centralization_min',
	'degree_centralization_max',
	'gini_student_messages'
] as const;

/** One stage's activity. `likes` is null when the source has no likes; shares and rates are null when undefined. */
export interface StageRow extends StageLinkRatios {
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

export interface StageComparisonOptions {
	/** Shortest silence that counts, in days (DESIGN: 14). */
	min_silent_days?: number;
	/** Add the link ratios of each stage; reads the `links` table (linkRatios builds it when missing). */
	links?: boolean;
}

/** Every series metric cut by stage, in stage order (reads `stage_messages` of these stages). */
export const stageComparison = readingTables(['stage_messages', 'kept_messages'], async function stageComparison(db: Db, stages: readonly StageSetting[], options: StageComparisonOptions = {}): Promise<StageRow[]> {
	if (stages.length === 0) return [];
	const rows = await db.query<Omit<StageRow, keyof StageLinkRatios>>(sql, [options.min_silent_days ?? 14]);
	const ratios = options.links ? await linkRatios(db, { grain: 'stage', stages }) : null;
	return rows.map((row, index) => ({
		...row,
		...(Object.fromEntries(LINK_FIELDS.map((field) => [field, ratios ? ratios[index][field] : null])) as StageLinkRatios)
	}));
}, { may_read: ['links'], settingsOf: ([stages]) => ({ stages }) });
