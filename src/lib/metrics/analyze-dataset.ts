import type { Db } from '../db/db';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { DatasetAnalyzer } from './dataset-analyzer';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import type { FilterOptions } from './filter/filter-options';
import type { MonthlyDrops } from './drops/monthly-drops';
import type { RetentionCurve } from './drops/retention-curves';
import type { SilentMemberRow } from './drops/silent-members-at';
import type { WeeklyHours } from './hours/weekly-hours';
import type { LinkRatioRow } from './links/link-ratios';
import type { LinkRuleCounts } from './links/link-rule-counts';
import type { ReplyNetwork } from './links/reply-network';
import type { MemberActivityRow } from './members/member-activity';
import type { MemberMergeSuggestion } from './members/member-merge-suggestions';
import type { MonthlyRow } from './monthly-series';
import type { PeakReport } from './peaks/peak-report';
import type { ResponseTimes } from './response/response-times';
import type { ActivityRow, Grain } from './series/activity-series';
import type { DataSpan } from './series/data-span';
import type { StageRow } from './stages/stage-comparison';
import type { StageMonthlyMedians } from './stages/stage-monthly-medians';

/** Everything the dashboard draws and the CLI prints, for one dataset under one set of settings. */
export interface DatasetAnalysis {
	grain: Grain;
	/** The filter every metric here was counted under, and what it could choose from. */
	filter: { applied: DataFilter; options: FilterOptions };
	/** What time the counted messages cover: short exports get a finer grain and no retention curve. */
	span: DataSpan;
	/** The activity series at `grain`. */
	series: ActivityRow[];
	monthly: MonthlyRow[];
	/** Peaks of messages at `grain`, with every period explained. */
	peaks: PeakReport;
	drops: MonthlyDrops;
	silent_members: SilentMemberRow[];
	retention: RetentionCurve[];
	stages: StageRow[];
	members: MemberActivityRow[];
	/** Members who may be one person (same or look-alike names), for the person to merge or not. */
	merge_suggestions: MemberMergeSuggestion[];
	/** Null until computed: the dashboard draws the activity first and finds who answers whom after. */
	links: DatasetLinks | null;
	/** Counted messages by weekday and hour, overall and per stage. */
	hours: WeeklyHours;
}

/** Who answers whom: the interaction-link metrics, the slowest part of an analysis. */
export interface DatasetLinks {
	monthly: LinkRatioRow[];
	stages: LinkRatioRow[];
	by_rule: LinkRuleCounts['by_rule'];
	/** Whole dataset first, then one per stage. */
	networks: ReplyNetwork[];
	/** Per stage, the median of the monthly network measures, beside the pooled values in `stages`. */
	stage_medians: StageMonthlyMedians[];
	/** Whether and how fast questions and newcomers' first messages are answered, read from the links. */
	response: ResponseTimes;
}

/** An analysis with every part computed, as analyzeDataset and DatasetAnalyzer.analyze return it. */
export type CompleteAnalysis = DatasetAnalysis & { links: DatasetLinks };

/**
 * Applies the settings to the loaded dataset and computes every metric. The browser and the CLI both run
 * this code (the browser through one DatasetAnalyzer per dataset, which keeps what a setting change leaves
 * valid), so a figure on screen and the CLI's JSON come from the same code.
 */
export async function analyzeDataset(db: Db, settings: AnalysisSettings, grain: Grain = 'month', filter: DataFilter = NO_FILTER): Promise<CompleteAnalysis> {
	return new DatasetAnalyzer(db).analyze(settings, grain, filter);
}
