import { tick } from 'svelte';
import { DatabaseStoppedError } from '../db/database-stopped-error';
import type { Db } from '../db/db';
import type { ColumnMapping } from '../ingest/csv/column-mapping';
import { cancellableImportSource } from '../ingest/sources/cancellable-import-source';
import { fillWordCounts } from '../ingest/words/fill-word-counts';
import { parseExportInWorker } from '../ingest/worker/parse-export-in-worker';
import { startWordCountWorkers } from '../ingest/words/word-count-workers';
import type { ImportReport } from '../ingest/import-report';
import type { ImportSource } from '../ingest/sources/import-source';
import { inspectExport, type ExportInspection } from '../ingest/inspect-export';
import { loadDataset, type DatasetFile } from '../ingest/load-dataset';
import type { RosterEntry } from '../ingest/members/parse-roster';
import { readRoster } from '../ingest/members/read-roster';
import type { DatasetAnalysis } from '../metrics/analyze-dataset';
import { DatasetAnalyzer } from '../metrics/dataset-analyzer';
import { NO_FILTER, type DataFilter } from '../metrics/filter/data-filter';
import type { Grain } from '../metrics/series/activity-series';
import { defaultGrain } from '../metrics/series/default-grain';
import { memberProfile, type MemberProfile } from '../metrics/members/member-profile';
import { KeptMatches } from '../metrics/search/kept-matches';
import type { MatchingMessage, MessagePage } from '../metrics/search/matching-messages';
import type { MessageFilters } from '../metrics/search/message-filters';
import { queryTrend, type QueryTrendRow } from '../metrics/search/query-trend';
import type { SharedItems } from '../metrics/shared/shared-items';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { copyAnalysisSettings } from '../settings/copy-analysis-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { localTimeZone } from '../settings/local-time-zone';
import { periodTerms } from '../metrics/terms/period-terms';
import { KeptDatasetStore, type DatasetToKeep } from './kept-dataset-store.svelte';
import { loadFailureMessage } from './load-failure-message';
import { PeriodTermsStore, type PeriodTermsInputs } from './period-terms-store.svelte';
import { knownFilter } from './filter-params';
import { SettingsStore } from './settings-store.svelte';
import { m } from '../i18n/messages';
import { listAnd } from '../i18n/list-and';

/** A CSV waiting for the user to say which columns hold what. */
export interface PendingMapping {
	source: ImportSource;
	inspection: Extract<ExportInspection, { kind: 'csv' }>;
}

export interface DatasetDescription {
	is_sample: boolean;
	label: string;
	/** Identifies the dataset for its stored settings: file names and sizes. */
	key: string;
	/** Loaded without message text (DatasetOptions.without_text): words are 0 and no @mention links are found. */
	without_text: boolean;
}

/** Messages the person asked to see, and how the panel names them ("Mar 2021", "Member Amy", "“考试”"). */
export interface MessagesRequest {
	filters: MessageFilters;
	title: string;
}

/** The member a profile is shown for, and the name the panel gives them. */
export interface ProfileRequest {
	author_id: string;
	name: string;
}

/** One view of the side panel: messages behind a number, or a member's profile. */
export type SidePanelView = { kind: 'messages'; request: MessagesRequest } | { kind: 'profile'; request: ProfileRequest };

/** One page of the messages behind a number. */
export interface MessagesPage {
	rows: MatchingMessage[];
	/** How many messages pass the filters in all; counted with the first page only (null on later pages). */
	total: number | null;
	/** False while the interaction links are still being found (or could not be): parents are then unknown. */
	links_found: boolean;
}

interface LoadInProgress {
	label: string;
	previous: { key: string; settings: AnalysisSettings } | null;
}

/**
 * The dashboard's one store: the dataset, its settings, what loading it did, and every metric drawn from
 * it. A load replaces the dataset; a failed load says why and keeps what was on screen.
 */
export class Dashboard {
	status = $state<'starting' | 'loading' | 'ready' | 'error'>('starting');
	stage = $state('Starting the in-browser database');
	load_started_at = $state(0);
	/** When the links began, so the page can say how long a large dataset has been at them. */
	links_started_at = $state(0);
	loading_bytes = $state(0);
	error = $state<string | null>(null);
	dataset = $state<DatasetDescription | null>(null);
	reports = $state<ImportReport[]>([]);
	/** What the roster loaded with the dataset gave (rows = members it names, rejected rows with line and reason). */
	roster_report = $state<ImportReport | null>(null);
	analysis = $state<DatasetAnalysis | null>(null);
	pending = $state<PendingMapping | null>(null);
	/** True while metrics are recomputed after a settings or grain change. */
	recomputing = $state(false);
	/** Share of messages whose words are counted (Chinese text is counted after the first chart is drawn). */
	words_progress = $state(1);
	/** Why the interaction links of the open dataset could not be computed (memory, mostly); the rest stands. */
	links_error = $state<string | null>(null);
	/** The files loading now, while the person can cancel (a new dataset, not a re-read of the one on screen). */
	cancellable_label = $state<string | null>(null);
	/** Something that went as asked (a load was cancelled), said once; not an error. */
	notice = $state<string | null>(null);
	/** The person (or the page's address) chose the grain; until then it follows the data's span (defaultGrain). */
	grain_chosen = $state(false);
	/** Load the next files without message text (much less memory). */
	without_text = $state(false);
	/** The dataset on screen was reopened from the copy kept in this browser. */
	reopened = $state(false);
	/** What the side panel shows, the current view last; Back returns to the one before. Empty when closed. */
	panel_trail = $state<SidePanelView[]>([]);
	/** What every view, figure, export and message list is narrowed to (the filter bar; kept in the page address). */
	filter = $state<DataFilter>(NO_FILTER);
	readonly settings = new SettingsStore();
	readonly kept = new KeptDatasetStore();
	/** The words that set each peak month and stage apart, found on demand (`terms.find()`) between the other database work. */
	readonly terms = new PeriodTermsStore(
		() => this.#termsInputs(),
		(peak_months, onProgress) => this.#exclusive(() => this.#findTerms(peak_months, onProgress))
	);

	#createDb: () => Promise<Db>;
	#db: Promise<Db>;
	/** Bumped when the database is replaced (a load cancelled, memory ran out): work begun on the old one is void. */
	#epoch = 0;
	/** Aborted with the epoch: ends the parse worker of a load that was cancelled. */
	#epoch_ended = new AbortController();
	#loading: LoadInProgress | null = null;
	#files: DatasetFile[] = [];
	#roster: RosterEntry[] | undefined;
	#grain = $state<Grain>('month');
	#computation = 0;
	/** Bumped by every load only: word counting stops for a newer dataset, not for a settings change. */
	#generation = 0;
	#queue: Promise<unknown> = Promise.resolve();
	/** Analyses the loaded tables; replaced with them, so a settings change redoes only what it touches. */
	#analyzer: DatasetAnalyzer | null = null;
	// The matches of the messages panel's request, kept while it pages through them.
	#kept_matches: { key: string; db: Db; matches: KeptMatches } | null = null;
	/** Bumped whenever the tables are read again: terms found in the tables before are void. */
	#tables_version = $state(0);

	constructor(createDb: () => Promise<Db>) {
		this.#createDb = createDb;
		this.#db = createDb();
	}

	get grain(): Grain {
		return this.#grain;
	}

	/** The messages shown beside the charts (MessagesPanel); null when the panel is closed or shows a profile. Set: opens afresh (no Back). */
	get shown_messages(): MessagesRequest | null {
		const view = this.panel_trail.at(-1);
		return view?.kind === 'messages' ? view.request : null;
	}
	set shown_messages(request: MessagesRequest | null) {
		this.panel_trail = request ? [{ kind: 'messages', request }] : [];
	}

	/** The member whose profile the side panel shows; null otherwise. Set: opens afresh (no Back). */
	get shown_profile(): ProfileRequest | null {
		const view = this.panel_trail.at(-1);
		return view?.kind === 'profile' ? view.request : null;
	}
	set shown_profile(request: ProfileRequest | null) {
		this.panel_trail = request ? [{ kind: 'profile', request }] : [];
	}

	/** Opens messages or a profile from inside the side panel, keeping what it showed for Back. */
	followInPanel(view: SidePanelView) {
		this.panel_trail = [...this.panel_trail, view];
	}

	/** Back to what the side panel showed before. */
	backInPanel() {
		this.panel_trail = this.panel_trail.slice(0, -1);
	}

	/** Loads the embedded sample community with its roster and settings. */
	async loadSample(files: { source: ImportSource; roster: RosterEntry[]; settings: AnalysisSettings }) {
		// On a slow connection the sample arrives after the person has opened a file: theirs stays.
		if (this.#loading || (this.dataset && !this.dataset.is_sample)) return;
		performance.mark('resonance:load-start');
		await this.#load([{ source: files.source }], { is_sample: true, label: 'the sample community', key: 'sample', without_text: false }, files.settings, files.roster);
	}

	/** Reopens the dataset kept in this browser (KeptDatasetStore.open); false when it did not load. */
	async openKept(kept: DatasetToKeep): Promise<boolean> {
		performance.mark('resonance:load-start');
		await this.#load(kept.files, { is_sample: false, label: kept.label, key: kept.key, without_text: kept.without_text }, defaultAnalysisSettings(localTimeZone()), kept.roster, true);
		return this.dataset?.key === kept.key;
	}

	/**
	 * Opens files the user chose or dropped; a CSV that is not a Resonance CSV asks for a column mapping first.
	 * A roster (`author,role[,cohort]`, known by its header) dropped with them gives their roles; dropped alone,
	 * it is applied to the dataset on screen.
	 */
	async openFiles(sources: ImportSource[]) {
		if (sources.length === 0) return;
		performance.mark('resonance:load-start');
		this.error = null;
		this.notice = null;
		try {
			const inspected: { source: ImportSource; inspection: ExportInspection }[] = [];
			for (const source of sources) inspected.push({ source, inspection: await inspectExport(source) });
			const rosters = inspected.filter(({ inspection }) => inspection.kind === 'roster').map(({ source }) => source);
			const files: DatasetFile[] = inspected.filter(({ inspection }) => inspection.kind !== 'roster');
			for (const { source, inspection } of files) {
				if (inspection?.kind === 'csv' && inspection.format === 'mapped-csv') {
					if (files.length > 1) throw new Error(m.dashboard_needs_mapping({ name: source.name }));
					if (rosters.length > 0) throw new Error(m.dashboard_needs_mapping_then_roster({ name: source.name, roster: rosters[0].name }));
					this.pending = { source, inspection };
					return;
				}
			}
			if (rosters.length > 1) throw new Error(m.dashboard_all_rosters({ names: listAnd(rosters.map((source) => source.name)) }));
			const roster = rosters.length === 1 ? await readRoster(rosters[0], this.settings.settings.time_zone) : null;
			if (files.length === 0 && roster) return await this.#applyRoster(roster);
			const exports = files.map((file) => file.source);
			await this.#load(files, describe(exports, this.without_text), defaultAnalysisSettings(localTimeZone()), roster?.entries, false, roster?.report ?? null);
		} catch (error) {
			this.#fail(loadFailureMessage(error, sources, { without_text: this.without_text }).message);
		}
	}

	/** Loads a roster (Settings → Roles) for the dataset on screen: its roles and cohorts replace the previous roster's. */
	async loadRoster(source: ImportSource) {
		this.error = null;
		this.notice = null;
		try {
			const inspection = await inspectExport(source);
			if (inspection.kind !== 'roster') throw new Error(m.dashboard_not_a_roster({ name: source.name }));
			await this.#applyRoster(await readRoster(source, this.settings.settings.time_zone));
		} catch (error) {
			this.#fail(loadFailureMessage(error, [source], { without_text: this.without_text }).message);
		}
	}

	async #applyRoster(roster: { entries: RosterEntry[]; report: ImportReport }) {
		if (!this.dataset) throw new Error(m.dashboard_roster_without_export({ name: roster.report.source }));
		if (roster.entries.length === 0) {
			this.roster_report = roster.report;
			throw new Error(m.dashboard_roster_names_no_role({ name: roster.report.source, rejected: roster.report.rejected }));
		}
		performance.mark('resonance:load-start');
		await this.#load(this.#files, this.dataset, this.settings.settings, roster.entries, this.reopened, roster.report);
	}

	async confirmMapping(mapping: ColumnMapping) {
		const pending = this.pending;
		if (!pending) return;
		this.pending = null;
		this.notice = null;
		await this.#load([{ source: pending.source, inspection: pending.inspection, mapping }], describe([pending.source], this.without_text), defaultAnalysisSettings(localTimeZone()), undefined);
	}

	cancelMapping() {
		this.pending = null;
	}

	/**
	 * Stops the load in progress and reopens the dataset that was on screen. The database worker is replaced,
	 * which stops even a long DuckDB read at once, and so is the worker parsing a JS-format export; the rest of the JS-side work checks between stages. Returns false when
	 * no dataset was on screen before (the caller opens the sample).
	 */
	async cancelLoad(): Promise<boolean> {
		const loading = this.#loading;
		if (!loading || this.status !== 'loading') return true;
		this.#loading = null;
		this.cancellable_label = null;
		++this.#computation;
		++this.#generation;
		this.#replaceDb();
		this.notice = m.dashboard_load_cancelled({ label: loading.label });
		if (loading.previous) this.settings.open(loading.previous.key, loading.previous.settings);
		if (!this.dataset) return false;
		await this.#load(this.#files, this.dataset, this.settings.settings, this.#roster, this.reopened);
		return true;
	}

	/** Opts in to (or out of) keeping the loaded files in this browser; opting out wipes what is kept. */
	async setKeep(on: boolean) {
		if (!on) return this.forgetKept(false);
		const current = this.dataset && !this.dataset.is_sample ? this.#toKeep(this.dataset, this.#files, this.#roster) : null;
		await this.kept.enable(current);
	}

	/** Wipes everything kept in this browser; with `with_settings`, the kept dataset's saved settings too. */
	async forgetKept(with_settings: boolean) {
		const key = this.kept.kept?.key;
		await this.kept.wipe();
		this.reopened = false;
		if (!with_settings || !key) return;
		if (key === this.dataset?.key) await this.updateSettings(defaultAnalysisSettings(localTimeZone()));
		this.settings.forget(key);
		this.kept.message += ' Its saved settings (stages, events, roles) are forgotten too.';
	}

	dismissNotice() {
		this.notice = null;
	}

	dismissError() {
		this.error = null;
		if (this.status === 'error' && this.dataset) this.status = 'ready';
	}

	/** New settings: everything recomputes; a new time zone reads the files again (naive times depend on it). */
	async updateSettings(settings: AnalysisSettings) {
		const zone_changed = settings.time_zone !== this.settings.settings.time_zone;
		this.settings.update(settings);
		if (zone_changed && this.dataset) await this.#load(this.#files, this.dataset, settings, this.#roster, this.reopened);
		else await this.#recompute();
	}

	/** A new filter: every metric is counted again under it (the interaction links stay: they are found on the whole chat). */
	async setFilter(filter: DataFilter) {
		this.filter = filter;
		await this.#recompute();
	}

	async setGrain(grain: Grain) {
		this.grain_chosen = true;
		if (grain === this.#grain) return;
		this.#grain = grain;
		await this.#recompute();
	}

	/**
	 * One page of the counted messages that pass `filters` (the first with their total), read between the other database
	 * work. Parents come with them once the links of the current settings are found. Throws MessageQueryError
	 * for a query or date that cannot be read.
	 */
	messages(filters: MessageFilters, page: MessagePage): Promise<MessagesPage> {
		return this.#exclusive(async () => {
			const db = await this.#db;
			// The links table of a previous dataset or of other roles may still be there: only the analyzer knows it is current.
			const links_found = this.#analyzer?.linksFound(this.settings.settings) ?? false;
			// The tables follow the latest analysis, which may lag the filter the messages are asked under.
			await this.#analyzer?.span(this.settings.settings, this.filter);
			const first = (page.offset ?? 0) === 0;
			const key = JSON.stringify(filters);
			// The first page finds the matches again: the panel asks for it whenever the request, the data or the links change.
			if (first || this.#kept_matches?.key !== key || this.#kept_matches.db !== db) {
				await this.#forgetKeptMatches();
				this.#kept_matches = { key, db, matches: await KeptMatches.keep(db, filters) };
			}
			const { matches } = this.#kept_matches;
			return { rows: await matches.page(page, { links: links_found }), total: first ? matches.total : null, links_found };
		});
	}

	/** Lets go of the matches kept for the messages panel, once it no longer shows them. */
	forgetMessages(): Promise<void> {
		return this.#kept_matches ? this.#exclusive(() => this.#forgetKeptMatches()) : Promise.resolve();
	}

	async #forgetKeptMatches() {
		const kept = this.#kept_matches;
		this.#kept_matches = null;
		// The database they were kept in may have been replaced (a new load) or stopped: nothing is left to drop there.
		await kept?.matches.drop().catch(() => undefined);
	}

	/** For bench/messages-panel-scroll.ts (`?bench`): the milliseconds `sql` (`?` bound to `params`) takes on this page's database, between the other work. */
	timeQuery(sql: string, params: unknown[] = []): Promise<number> {
		return this.#exclusive(async () => {
			const db = await this.#db;
			const started = performance.now();
			await db.query(sql, params);
			return performance.now() - started;
		});
	}

	/** The profile of one member, read between the other database work; whom they answer only once the links are found. */
	memberProfile(author_id: string): Promise<{ profile: MemberProfile | null; links_found: boolean }> {
		return this.#exclusive(async () => {
			const db = await this.#db;
			const links_found = this.#analyzer?.linksFound(this.settings.settings) ?? false;
			const silent_members = this.analysis?.silent_members;
			return { profile: await memberProfile(db, author_id, { links: links_found, silent_members }), links_found };
		});
	}

	/** What was shared (links, media, emoji, likes) under the current settings, the first `top` of each list, read between the other database work. */
	sharedItems(top: number): Promise<SharedItems> {
		return this.#exclusive(async () => {
			if (!this.#analyzer) throw new Error(m.dashboard_being_read_again());
			return this.#analyzer.sharedItems(this.settings.settings, top, this.filter);
		});
	}

	/** Peak months are months: at a weekly or daily grain only the stages have terms. */
	#termsInputs(): PeriodTermsInputs | null {
		const { dataset, analysis } = this;
		if (!dataset || dataset.without_text || !analysis) return null;
		const { excluded_kinds, stages } = this.settings.settings;
		const peak_months = analysis.grain === 'month' ? analysis.peaks.peaks.map((peak) => peak.label) : [];
		// The terms are counted under the analysis's filter, so it is part of what they were found in.
		return { dataset: `${dataset.key}#${this.#tables_version}#${JSON.stringify(analysis.filter.applied)}`, excluded_kinds, stages, peak_months };
	}

	async #findTerms(peak_months: readonly string[], onProgress: (share: number) => void) {
		onProgress(0);
		const db = await this.#db;
		if (!this.#analyzer) throw new Error(m.dashboard_being_read_again());
		// The tables follow the latest analysis, which may lag the settings the terms are asked for.
		await this.#analyzer.span(this.settings.settings, this.filter);
		// Tokenizing runs on this thread: smaller reads let the page redraw between them.
		return periodTerms(db, { peak_months, messages_per_read: 10_000, onProgress: (done, reads) => onProgress(done / reads) });
	}

	/**
	 * How often the counted messages match `query` per period at the dashboard's grain (per role when asked),
	 * read between the other database work; the grain it was read at comes with the rows. Throws
	 * MessageQueryError for a query that cannot run.
	 */
	queryTrend(query: string, options: { regex?: boolean; by_role?: boolean }): Promise<{ grain: Grain; rows: QueryTrendRow[] }> {
		return this.#exclusive(async () => {
			const db = await this.#db;
			const grain = this.#grain;
			await this.#analyzer?.span(this.settings.settings, this.filter);
			return { grain, rows: await queryTrend(db, query, { grain, ...options }) };
		});
	}

	/**
	 * Runs database work one piece at a time: the worker has one connection, and a load drops the tables a
	 * recomputation is reading. Newer work bumps #computation, so older work stops or discards its result.
	 */
	#exclusive<T>(work: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(work, work);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	async #load(
		files: DatasetFile[],
		dataset: DatasetDescription,
		initial_settings: AnalysisSettings,
		roster: RosterEntry[] | undefined,
		reopened = false,
		roster_report: ImportReport | null = roster === this.#roster ? this.roster_report : null
	) {
		const computation = ++this.#computation;
		const generation = ++this.#generation;
		const loaded = await this.#exclusive(() => this.#loadNow(files, dataset, initial_settings, roster, computation, reopened, roster_report));
		if (loaded) {
			await this.#findLinks(generation, computation);
			await this.#countWords(generation, !dataset.without_text);
		}
	}

	/** The interaction links, the slowest part of an analysis, follow the first charts and join them when ready. */
	async #findLinks(generation: number, computation: number) {
		const current = () => generation === this.#generation && computation === this.#computation;
		this.links_started_at = performance.now();
		try {
			const analysis = await this.#exclusive(async () => (current() && this.#analyzer ? this.#analyzer.analyze(this.settings.settings, this.#grain, this.filter) : null));
			if (analysis && current()) {
				this.analysis = analysis;
				await tick();
				// Measured by `npm run bench`: every metric computed and the open view drawn with it.
				performance.measure('resonance:drop-to-all-metrics', 'resonance:load-start');
			}
		} catch (error) {
			if (current()) this.links_error = (error instanceof Error ? error.message : String(error)).split('\n')[0];
		}
	}

	/** Stops the database worker (and whatever it was doing) and starts a fresh one. */
	#replaceDb() {
		this.#epoch++;
		this.#epoch_ended.abort(new DatabaseStoppedError(m.dashboard_load_was_cancelled()));
		this.#epoch_ended = new AbortController();
		this.#analyzer = null;
		const old = this.#db;
		this.#db = this.#createDb();
		old.then((db) => db.close()).catch(() => undefined);
	}

	async #loadNow(
		files: DatasetFile[],
		dataset: DatasetDescription,
		initial_settings: AnalysisSettings,
		roster: RosterEntry[] | undefined,
		computation: number,
		reopened: boolean,
		roster_report: ImportReport | null
	): Promise<boolean> {
		this.status = 'loading';
		this.error = null;
		this.load_started_at = performance.now();
		this.loading_bytes = files.reduce((sum, file) => sum + file.source.size_bytes, 0);
		const epoch = this.#epoch;
		const epoch_ended = this.#epoch_ended.signal;
		const previous = this.dataset ? { key: this.dataset.key, settings: copyAnalysisSettings(this.settings.settings) } : null;
		const is_new = dataset.key !== this.dataset?.key;
		this.#loading = is_new && !dataset.is_sample ? { label: dataset.label, previous } : null;
		this.cancellable_label = this.#loading?.label ?? null;
		const stop = () => (epoch === this.#epoch ? null : new DatabaseStoppedError(m.dashboard_load_cancelled({ label: dataset.label })));
		const throwIfCancelled = () => {
			const cancelled = stop();
			if (cancelled) throw cancelled;
		};
		// Cancelling replaces the database, which stops DuckDB at once; JS-side reads stop at their next chunk.
		const reading = files.map((file) => ({ ...file, source: cancellableImportSource(file.source, stop) }));
		try {
			this.stage = m.dashboard_starting_database();
			const db = await this.#db;
			throwIfCancelled();
			if (is_new) this.settings.open(dataset.key, initial_settings);
			const reports = await loadDataset(db, reading, {
				time_zone: this.settings.settings.time_zone,
				roster,
				word_counts: 'later',
				without_text: dataset.without_text,
				parse: (adapter_id, file, options) => parseExportInWorker(adapter_id, file, { ...options, signal: epoch_ended }),
				onStage: (stage) => {
					throwIfCancelled();
					this.stage = stage;
				}
			});
			performance.mark('resonance:imported');
			this.stage = m.dashboard_computing_metrics();
			this.#analyzer = null;
			const analyzer = new DatasetAnalyzer(db);
			// A dataset that replaces another is first drawn at its own span's grain; the first one keeps the address's.
			if (is_new && this.dataset) this.grain_chosen = false;
			// The default grain follows the whole chat's span, so a reload with a filter draws what was on screen.
			if (!this.grain_chosen) this.#grain = defaultGrain((await analyzer.span(this.settings.settings)).days);
			// A filter from the page address (or the dataset before) keeps only what this dataset has; the rest is said.
			const known = knownFilter(this.filter, await analyzer.filterOptions(this.settings.settings));
			if (known.ignored.length > 0) this.notice = [this.notice, m.page_filter_left_out({ parts: known.ignored.join('; ') })].filter(Boolean).join(' ');
			this.filter = known.filter;
			const analysis = await analyzer.analyzeActivity(this.settings.settings, this.#grain, this.filter);
			throwIfCancelled();
			this.#analyzer = analyzer;
			this.#tables_version++;
			this.links_error = null;
			this.#loading = null;
			this.cancellable_label = null;
			this.#files = files;
			this.#roster = roster;
			this.roster_report = roster_report;
			this.reports = reports;
			this.analysis = analysis;
			this.dataset = dataset;
			this.reopened = reopened;
			this.status = 'ready';
			if (!dataset.is_sample) void this.kept.keep(this.#toKeep(dataset, files, roster));
			await tick();
			// Measured by `npm run bench`: drop-to-chart time and its import part.
			performance.measure('resonance:import', 'resonance:load-start', 'resonance:imported');
			performance.measure('resonance:drop-to-chart', 'resonance:load-start');
			// Word counting follows the links; showing it now leaves no moment that looks finished but is not.
			// Without text there is nothing to count: the empty texts' zeros are written silently.
			const current = computation === this.#computation;
			if (current && !dataset.without_text) this.words_progress = 0;
			return current;
		} catch (error) {
			// A cancelled load: cancelLoad has already restored the settings and reopens the previous dataset.
			if (epoch !== this.#epoch) return false;
			this.#loading = null;
			this.cancellable_label = null;
			const failure = loadFailureMessage(error, files.map((file) => file.source), { without_text: dataset.without_text });
			this.#fail(failure.message);
			if (failure.out_of_memory) this.#replaceDb();
			if (previous) this.settings.open(previous.key, previous.settings);
			await this.#restorePrevious(files);
			return false;
		}
	}

	#toKeep(dataset: DatasetDescription, files: DatasetFile[], roster: RosterEntry[] | undefined): DatasetToKeep {
		return {
			label: dataset.label,
			key: dataset.key,
			without_text: dataset.without_text,
			files: files.map((file) => ({ source: file.source, mapping: file.mapping })),
			roster
		};
	}

	/** A failed load has already dropped the tables; read the previous files again so what is on screen stays true. */
	async #restorePrevious(failed: DatasetFile[]) {
		if (!this.dataset || this.#files.length === 0 || this.#files === failed) return;
		try {
			const db = await this.#db;
			await loadDataset(db, this.#files, { time_zone: this.settings.settings.time_zone, roster: this.#roster, without_text: this.dataset.without_text });
			this.#analyzer = new DatasetAnalyzer(db);
			this.#tables_version++;
			this.analysis = await this.#analyzer.analyze(this.settings.settings, this.#grain, this.filter);
			this.links_error = null;
		} catch {
			this.#analyzer = null;
			this.analysis = null;
		}
		// Read again with its words counted at once; a count the failed load interrupted is over.
		this.words_progress = 1;
		this.status = 'ready';
	}

	async #recompute() {
		if (!this.dataset) return;
		const computation = ++this.#computation;
		const started = performance.now();
		this.recomputing = true;
		try {
			const analysis = await this.#exclusive(async () =>
				computation === this.#computation && this.#analyzer
					? this.links_error
						? this.#analyzer.analyzeActivity(this.settings.settings, this.#grain, this.filter)
						: this.#analyzer.analyze(this.settings.settings, this.#grain, this.filter)
					: null
			);
			if (analysis && computation === this.#computation) {
				this.analysis = analysis;
				this.recomputing = false;
				await tick();
				// Measured by `npm run bench`: from a setting changed to its charts drawn again.
				performance.measure('resonance:recompute', { start: started });
			}
		} catch (error) {
			this.#fail(error);
		} finally {
			if (computation === this.#computation) this.recomputing = false;
		}
	}

	async #countWords(generation: number, shown: boolean) {
		if (shown) this.words_progress = 0;
		const current = () => generation === this.#generation;
		const counter = startWordCountWorkers();
		try {
			await fillWordCounts(await this.#db, {
				// 1 only once the counts are written back and the charts redrawn with them.
				onProgress: (done, total) => {
					if (shown) this.words_progress = Math.min(0.99, done / total);
				},
				shouldStop: () => !current(),
				step: (work) => this.#exclusive(work),
				countTexts: counter.countTexts
			});
			if (current()) {
				this.#analyzer?.wordsChanged();
				await this.#recompute();
			}
		} catch (error) {
			// A newer load (or a cancel that replaced the database) made this count moot.
			if (current()) this.#fail(error);
		} finally {
			counter.close();
			// A newer load shows its own count.
			if (current()) this.words_progress = 1;
		}
	}

	#fail(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		this.error = message.split('\n')[0];
		this.status = this.dataset ? 'ready' : 'error';
	}
}

function describe(sources: ImportSource[], without_text: boolean): DatasetDescription {
	return {
		is_sample: false,
		without_text,
		label: sources.map((source) => source.name).join(', '),
		key: sources.map((source) => `${source.name}:${source.size_bytes}`).join('|')
	};
}
