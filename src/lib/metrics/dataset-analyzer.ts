import type { Db } from '../db/db';
import type { AnalysisSettings } from '../settings/analysis-settings';
import type { CompleteAnalysis, DatasetAnalysis } from './analyze-dataset';
import { derivedTablesKey, ensureTables, tableSettings, type DerivedTableName, type TableSettings } from './derived-tables';
import { monthlyDrops } from './drops/monthly-drops';
import { retentionCurves } from './drops/retention-curves';
import { silentMembersAt } from './drops/silent-members-at';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import { filterOptions, type FilterOptions } from './filter/filter-options';
import { weeklyHours } from './hours/weekly-hours';
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
 * Each part is keyed by the derived tables its metric declares (readingTables) under these settings (derivedTablesKey),
 * so a cached part is never stale; ensureTables rebuilds what a part reads before it runs. One analyzer per loaded
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
		const tables = tableSettings(settings, filter);
		await this.#part('links table', ['kept_links'], tables, null, async () => undefined);
		const monthly = await this.#part('link ratios by month', linkRatios.reads, tables, null, () => linkRatios(db, { grain: 'month' }));
		return {
			...activity,
			links: {
				monthly,
				stages: await this.#part('link ratios by stage', [...linkRatios.reads, 'stage_messages'], tables, null, async () =>
					settings.stages.length > 0 ? linkRatios(db, { grain: 'stage', stages: settings.stages }) : []
				),
				by_rule: await this.#part('links by rule', linkRuleCounts.reads, tables, null, async () => (await linkRuleCounts(db)).by_rule),
				networks: [
					...(await this.#part('reply network of all', ['links'], tables, null, () => replyNetwork(db, 'all'))),
					...(await this.#part('reply networks of stages', replyNetwork.reads, tables, null, async () =>
						settings.stages.length > 0 ? replyNetwork(db, settings.stages) : []
					))
				],
				stage_medians: stageMonthlyMedians(settings.stages, monthly),
				response: await this.#part('response times', responseTimes.reads, tables, null, () => responseTimes(db))
			}
		};
	}

	/** Whether the `links` table holds the links of the messages kept under these settings (analyze built it); any filter. */
	linksFound(settings: AnalysisSettings): boolean {
		return this.#parts.get('links table')?.key === partKey(['kept_links'], tableSettings(settings), null);
	}

	/** The span of the messages counted under these settings: known before the first chart, it picks the default grain. */
	async span(settings: AnalysisSettings, filter: DataFilter = NO_FILTER): Promise<DataSpan> {
		const tables = tableSettings(settings, filter);
		// The tables follow the settings asked for last, whatever part of them was cached.
		await this.#part('settings applied', ['stage_messages'], tables, null, async () => undefined);
		return this.#part('span', dataSpan.reads, tables, null, () => dataSpan(this.#db));
	}

	/** What the filter can choose from under these settings: the kept messages' days, members, roles, sources and kinds. */
	async filterOptions(settings: AnalysisSettings, filter: DataFilter = NO_FILTER): Promise<FilterOptions> {
		await this.span(settings, filter);
		return this.#part('filter options', filterOptions.reads, tableSettings(settings, filter), null, () => filterOptions(this.#db));
	}

	/** Every metric but the interaction links (`links` null): what the first charts need, in a fraction of the time. */
	async analyzeActivity(settings: AnalysisSettings, grain: Grain = 'month', filter: DataFilter = NO_FILTER): Promise<DatasetAnalysis> {
		const db = this.#db;
		const tables = tableSettings(settings, filter);
		const words = { words: this.#words_version };
		const span = await this.span(settings, filter);
		const monthly = await this.#part('monthly', activitySeries.reads, tables, words, () => monthlySeries(db));
		const series =
			grain === 'month'
				? monthly.map(({ month, ...row }) => ({ period_start: `${month}-01`, ...row }))
				: await this.#part('series', activitySeries.reads, tables, { ...words, grain }, () => activitySeries(db, grain));
		return {
			grain,
			filter: { applied: filter, options: await this.filterOptions(settings, filter) },
			span,
			series,
			monthly,
			peaks: peakReport(series, { grain, sensitivity: settings.peak_sensitivity, events: settings.events }),
			drops: monthlyDrops(monthly),
			silent_members: await this.#part('silent members', silentMembersAt.reads, tables, null, () => silentMembersAt(db)),
			retention: await this.#part('retention', retentionCurves.reads, tables, null, () => retentionCurves(db)),
			stages: await this.#part('stage comparison', stageComparison.reads, tables, words, () => stageComparison(db, settings.stages)),
			members: await this.#part('member activity', memberActivity.reads, tables, null, () => memberActivity(db)),
			merge_suggestions: await this.#part('merge suggestions', memberMergeSuggestions.reads, tables, null, () => memberMergeSuggestions(db)),
			links: null,
			hours: await this.#part('weekly hours', weeklyHours.reads, tables, null, () => weeklyHours(db, settings.stages))
		};
	}

	/** What was shared under these settings and filter (sharedItems, the first `top` domains, emoji and members); not part of analyze. */
	async sharedItems(settings: AnalysisSettings, top = 10, filter: DataFilter = NO_FILTER): Promise<SharedItems> {
		await this.span(settings, filter);
		return this.#part('shared items', sharedItems.reads, tableSettings(settings, filter), { top }, () => sharedItems(this.#db, { top }));
	}

	/** A part computed from `tables` under `settings` (and `extra`, what else it depends on), kept until their key changes. */
	async #part<Value>(name: string, tables: readonly DerivedTableName[], settings: TableSettings, extra: unknown, compute: () => Promise<Value>): Promise<Value> {
		const key = partKey(tables, settings, extra);
		const cached = this.#parts.get(name);
		if (cached?.key === key) return cached.value as Value;
		// Forget first: a part that fails must not leave an older value under the new key.
		this.#parts.delete(name);
		await ensureTables(this.#db, tables, settings);
		const value = await compute();
		this.#parts.set(name, { key, value });
		return value;
	}
}

const partKey = (tables: readonly DerivedTableName[], settings: TableSettings, extra: unknown) => `${derivedTablesKey(tables, settings)}#${JSON.stringify(extra)}`;
