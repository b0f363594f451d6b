import type { Db } from '../db/db';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { applyAnalysisSettings } from '../settings/apply-analysis-settings';
import { monthlyDrops, type MonthlyChangePoint, type MonthlyDrop } from './drops/monthly-drops';
import { retentionCurves, type RetentionCurve } from './drops/retention-curves';
import { silentMembersAt, type SilentMemberRow } from './drops/silent-members-at';
import { buildInteractionLinks } from './links/build-interaction-links';
import { linkRatios, type LinkRatioRow } from './links/link-ratios';
import { linkRuleCounts, type LinkRuleCounts } from './links/link-rule-counts';
import { replyNetwork, type ReplyNetwork } from './links/reply-network';
import { memberActivity, type MemberActivityRow } from './members/member-activity';
import { monthlySeries, type MonthlyRow } from './monthly-series';
import { peakReport, type PeakReport } from './peaks/peak-report';
import { activitySeries, type ActivityRow, type Grain } from './series/activity-series';
import { stageComparison, type StageRow } from './stages/stage-comparison';

/** Everything the dashboard draws and the CLI prints, for one dataset under one set of settings. */
export interface DatasetAnalysis {
	grain: Grain;
	/** The activity series at `grain`. */
	series: ActivityRow[];
	monthly: MonthlyRow[];
	/** Peaks of messages at `grain`, with every period explained. */
	peaks: PeakReport;
	drops: { changepoints: MonthlyChangePoint[]; month_over_month: MonthlyDrop[] };
	silent_members: SilentMemberRow[];
	retention: RetentionCurve[];
	stages: StageRow[];
	members: MemberActivityRow[];
	links: {
		monthly: LinkRatioRow[];
		stages: LinkRatioRow[];
		by_rule: LinkRuleCounts['by_rule'];
		/** Whole dataset first, then one per stage. */
		networks: ReplyNetwork[];
	};
}

/**
 * Applies the settings to the loaded dataset and computes every metric. The browser and the CLI both call
 * this, so a figure on screen and the CLI's JSON come from the same code.
 */
export async function analyzeDataset(db: Db, settings: AnalysisSettings, grain: Grain = 'month'): Promise<DatasetAnalysis> {
	await applyAnalysisSettings(db, settings);
	await buildInteractionLinks(db);
	const monthly = await monthlySeries(db);
	const series = await activitySeries(db, grain);
	return {
		grain,
		series,
		monthly,
		peaks: peakReport(series, { grain, sensitivity: settings.peak_sensitivity, events: settings.events }),
		drops: monthlyDrops(monthly),
		silent_members: await silentMembersAt(db),
		retention: await retentionCurves(db),
		stages: await stageComparison(db, settings.stages),
		members: await memberActivity(db),
		links: {
			monthly: await linkRatios(db, { grain: 'month' }),
			stages: settings.stages.length > 0 ? await linkRatios(db, { grain: 'stage', stages: settings.stages }) : [],
			by_rule: (await linkRuleCounts(db)).by_rule,
			networks: await replyNetwork(db, settings.stages)
		}
	};
}
