import type { Db } from '../db/db';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { applyAnalysisSettings } from '../settings/apply-analysis-settings';
import type { CompleteAnalysis, DatasetAnalysis } from './analyze-dataset';
import { monthlyDrops } from './drops/monthly-drops';
import { retentionCurves } from './drops/retention-curves';
import { silentMembersAt } from './drops/silent-members-at';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import { filterOptions, type FilterOptions } from './filter/filter-options';
import { weeklyHours } from './hours/weekly-hours';
import { buildInteractionLinks } from './links/build-interaction-links';
import { linkRatios } from './links/link-ratios';
import { linkRuleCounts } from './links/link-rule-counts';
import { replyNetwork } from './links/reply-network';
import { memberActivity } from './members/member-activity';
import { memberMergeSuggestions } from './members/member-merge-suggestions';
import { monthlySeries } from './monthly-series';
import { peakReport } from './peaks/peak-report';
import { responseTimes } from './response/response-times';
import { sharedItems, type SharedItems } from './shared/shared-items';
import { activitySeries, type Grain } from './series/activity-series';
import { dataSpan, type DataSpan } from './series/data-span';
import { stageComparison } from './stages/stage-comparison';
import { stageMonthlyMedians } from './stages/stage-monthly-medians';

/**
 * Analyses one loaded dataset again and again as the settings change, redoing only the parts whose
 * inputs changed: a new peak sensitivity or event reruns no query, a renamed stage reruns only the stage
 * metrics, and the interaction links are rebuilt only when the kept messages (kinds, roles) change: they are
 * found on the whole chat, so a new filter (dates, members, roles, sources, kinds) recounts them but finds none again.
 * Every part names the settings and tables it reads in its key, so a cached part is never stale. One analyzer per loaded
 * dataset: after the tables are replaced, make a new one.
 */
export class DatasetAnalyzer {
	readonly #db: Db;
	readonly #parts = new Map<string, { key: string; value: unknown }>();
	#words_version = 0;

	constructor(db: Db) {
		this.#db = db;
	}

	/** The word counts in `messages` changed (they are filled after the first chart): the word sums are redone. */
	wordsChanged(): void {
		this.#words_version++;
	}

	/** Every metric, links included. */
	async analyze(settings: AnalysisSettings, grain: Grain = 'month', filter: DataFilter = NO_FILTER): Promise<CompleteAnalysis> {
		const activity = await this.analyzeActivity(settings, grain, filter);
		const db = this.#db;
		const { kept, counted, staged } = this.#inputs(settings, filter);
		await this.#part('links table', kept, () => buildInteractionLinks(db));
		const monthly = await this.#part('link ratios by month', counted, () => linkRatios(db, { grain: 'month' }));
		return {
			...activity,
			links: {
				monthly,
				stages: await this.#part('link ratios by stage', staged, async () =>
					settings.stages.length > 0 ? linkRatios(db, { grain: 'stage', stages: settings.stages }) : []
				),
				by_rule: await this.#part('links by rule', counted, async () => (await linkRuleCounts(db)).by_rule),
				networks: [
					...(await this.#part('reply network of all', counted, () => replyNetwork(db, 'all'))),
					...(await this.#part('reply networks of stages', staged, async () =>
						settings.stages.length > 0 ? replyNetwork(db, settings.stages) : []
					))
				],
				stage_medians: stageMonthlyMedians(settings.stages, monthly),
				response: await this.#part('response times', counted, () => responseTimes(db))
			}
		};
	}

	/** Whether the `links` table holds the links of the messages kept under these settings (analyze built it); any filter. */
	linksFound(settings: AnalysisSettings): boolean {
		return this.#parts.get('links table')?.key === JSON.stringify(this.#inputs(settings, NO_FILTER).kept);
	}

	/** The span of the messages counted under these settings: known before the first chart, it picks the default grain. */
	async span(settings: AnalysisSettings, filter: DataFilter = NO_FILTER): Promise<DataSpan> {
		const db = this.#db;
		const { counted, staged } = this.#inputs(settings, filter);
		await this.#part('settings applied', staged, () => applyAnalysisSettings(db, settings, filter));
		return this.#part('span', counted, () => dataSpan(db));
	}

	/** What the filter can choose from under these settings: the kept messages' days, members, roles, sources and kinds. */
	async filterOptions(settings: AnalysisSettings, filter: DataFilter = NO_FILTER): Promise<FilterOptions> {
		// Any filter leaves kept_messages as these settings make it.
		await this.span(settings, filter);
		return this.#part('filter options', this.#inputs(settings, filter).kept, () => filterOptions(this.#db));
	}

	/** Every metric but the interaction links (`links` null): what the first charts need, in a fraction of the time. */
	async analyzeActivity(settings: AnalysisSettings, grain: Grain = 'month', filter: DataFilter = NO_FILTER): Promise<DatasetAnalysis> {
		const db = this.#db;
		const { kept, counted, worded, staged } = this.#inputs(settings, filter);
		const span = await this.span(settings, filter);
		const monthly = await this.#part('monthly', worded, () => monthlySeries(db));
		const series =
			grain === 'month'
				? monthly.map(({ month, ...row }) => ({ period_start: `${month}-01`, ...row }))
				: await this.#part('series', { ...worded, grain }, () => activitySeries(db, grain));
		return {
			grain,
			filter: { applied: filter, options: await this.filterOptions(settings, filter) },
			span,
			series,
			monthly,
			peaks: peakReport(series, { grain, sensitivity: settings.peak_sensitivity, events: settings.events }),
			drops: monthlyDrops(monthly),
			silent_members: await this.#part('silent members', counted, () => silentMembersAt(db)),
			retention: await this.#part('retention', counted, () => retentionCurves(db)),
			stages: await this.#part('stage comparison', { ...staged, ...worded }, () => stageComparison(db, settings.stages)),
			members: await this.#part('member activity', counted, () => memberActivity(db)),
			merge_suggestions: await this.#part('merge suggestions', kept, () => memberMergeSuggestions(db)),
			links: null,
			hours: await this.#part('weekly hours', staged, () => weeklyHours(db, settings.stages))
		};
	}

	/** What was shared under these settings and filter (sharedItems, the first `top` domains, emoji and members); not part of analyze. */
	async sharedItems(settings: AnalysisSettings, top = 10, filter: DataFilter = NO_FILTER): Promise<SharedItems> {
		const { counted } = this.#inputs(settings, filter);
		await this.span(settings, filter);
		return this.#part('shared items', { ...counted, top }, () => sharedItems(this.#db, { top }));
	}

	/** What the tables hold: kept_messages and links (roles, kinds, merged members), counted_messages (+ filter), stage_messages (+ stages), words (+ their version). */
	#inputs(settings: AnalysisSettings, filter: DataFilter) {
		const kept = { roles: settings.roles, excluded_kinds: settings.excluded_kinds, member_merges: settings.member_merges };
		const counted = { ...kept, filter };
		return { kept, counted, staged: { ...counted, stages: settings.stages }, worded: { ...counted, words: this.#words_version } };
	}

	async #part<Value>(name: string, inputs: unknown, compute: () => Promise<Value>): Promise<Value> {
		const key = JSON.stringify(inputs);
		const cached = this.#parts.get(name);
		if (cached?.key === key) return cached.value as Value;
		// Forget first: a part that fails must not leave an older value under the new key.
		this.#parts.delete(name);
		const value = await compute();
		this.#parts.set(name, { key, value });
		return value;
	}
}
