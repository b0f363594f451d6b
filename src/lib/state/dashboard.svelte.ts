import { tick } from 'svelte';
import type { Db } from '../db/db';
import type { ColumnMapping } from '../ingest/csv/column-mapping';
import { fillWordCounts } from '../ingest/fill-word-counts';
import type { ImportReport } from '../ingest/import-report';
import type { ImportSource } from '../ingest/import-source';
import { inspectExport, type ExportInspection } from '../ingest/inspect-export';
import { loadDataset, type DatasetFile } from '../ingest/load-dataset';
import type { RosterEntry } from '../ingest/parse-roster';
import { analyzeDataset, type DatasetAnalysis } from '../metrics/analyze-dataset';
import type { Grain } from '../metrics/series/activity-series';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { SettingsStore } from './settings-store.svelte';

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
}

/**
 * The dashboard's one store: the dataset, its settings, what loading it did, and every metric drawn from
 * it. A load replaces the dataset; a failed load says why and keeps what was on screen.
 */
export class Dashboard {
	status = $state<'starting' | 'loading' | 'ready' | 'error'>('starting');
	stage = $state('Starting the in-browser database');
	load_started_at = $state(0);
	loading_bytes = $state(0);
	error = $state<string | null>(null);
	dataset = $state<DatasetDescription | null>(null);
	reports = $state<ImportReport[]>([]);
	analysis = $state<DatasetAnalysis | null>(null);
	pending = $state<PendingMapping | null>(null);
	/** True while metrics are recomputed after a settings or grain change. */
	recomputing = $state(false);
	/** Share of messages whose words are counted (Chinese text is counted after the first chart is drawn). */
	words_progress = $state(1);
	readonly settings = new SettingsStore();

	#db: Promise<Db>;
	#files: DatasetFile[] = [];
	#roster: RosterEntry[] | undefined;
	#grain: Grain = 'month';
	#computation = 0;
	/** Bumped by every load only: word counting stops for a newer dataset, not for a settings change. */
	#generation = 0;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(db: Promise<Db>) {
		this.#db = db;
	}

	get grain(): Grain {
		return this.#grain;
	}

	/** Loads the embedded sample community with its roster and settings. */
	async loadSample(files: { source: ImportSource; roster: RosterEntry[]; settings: AnalysisSettings }) {
		performance.mark('resonance:load-start');
		await this.#load([{ source: files.source }], { is_sample: true, label: 'the sample community', key: 'sample' }, files.settings, files.roster);
	}

	/** Opens files the user chose or dropped; a CSV that is not a Resonance CSV asks for a column mapping first. */
	async openFiles(sources: ImportSource[]) {
		if (sources.length === 0) return;
		performance.mark('resonance:load-start');
		this.error = null;
		try {
			const files: DatasetFile[] = [];
			for (const source of sources) {
				const inspection = await inspectExport(source);
				if (inspection.kind === 'csv' && inspection.format === 'mapped-csv') {
					if (sources.length > 1) throw new Error(`${source.name} needs its columns mapped: open it on its own.`);
					this.pending = { source, inspection };
					return;
				}
				files.push({ source, inspection });
			}
			await this.#load(files, describe(sources), defaultAnalysisSettings(), undefined);
		} catch (error) {
			this.#fail(error);
		}
	}

	async confirmMapping(mapping: ColumnMapping) {
		const pending = this.pending;
		if (!pending) return;
		this.pending = null;
		await this.#load([{ source: pending.source, inspection: pending.inspection, mapping }], describe([pending.source]), defaultAnalysisSettings(), undefined);
	}

	cancelMapping() {
		this.pending = null;
	}

	dismissError() {
		this.error = null;
		if (this.status === 'error' && this.dataset) this.status = 'ready';
	}

	/** New settings: everything recomputes; a new time zone reads the files again (naive times depend on it). */
	async updateSettings(settings: AnalysisSettings) {
		const zone_changed = settings.time_zone !== this.settings.settings.time_zone;
		this.settings.update(settings);
		if (zone_changed && this.dataset) await this.#load(this.#files, this.dataset, settings, this.#roster);
		else await this.#recompute();
	}

	async setGrain(grain: Grain) {
		if (grain === this.#grain) return;
		this.#grain = grain;
		await this.#recompute();
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

	async #load(files: DatasetFile[], dataset: DatasetDescription, initial_settings: AnalysisSettings, roster: RosterEntry[] | undefined) {
		const computation = ++this.#computation;
		const generation = ++this.#generation;
		const loaded = await this.#exclusive(() => this.#loadNow(files, dataset, initial_settings, roster, computation));
		if (loaded) await this.#countWords(await this.#db, generation);
	}

	async #loadNow(
		files: DatasetFile[],
		dataset: DatasetDescription,
		initial_settings: AnalysisSettings,
		roster: RosterEntry[] | undefined,
		computation: number
	): Promise<boolean> {
		this.status = 'loading';
		this.error = null;
		this.load_started_at = performance.now();
		this.loading_bytes = files.reduce((sum, file) => sum + file.source.size_bytes, 0);
		const previous = this.dataset ? { key: this.dataset.key, settings: $state.snapshot(this.settings.settings) as AnalysisSettings } : null;
		try {
			this.stage = 'Starting the in-browser database';
			const db = await this.#db;
			if (dataset.key !== this.dataset?.key) this.settings.open(dataset.key, initial_settings);
			const reports = await loadDataset(db, files, {
				time_zone: this.settings.settings.time_zone,
				roster,
				word_counts: 'later',
				onStage: (stage) => (this.stage = stage)
			});
			performance.mark('resonance:imported');
			this.stage = 'Computing the metrics';
			const analysis = await analyzeDataset(db, this.settings.settings, this.#grain);
			this.#files = files;
			this.#roster = roster;
			this.reports = reports;
			this.analysis = analysis;
			this.dataset = dataset;
			this.status = 'ready';
			await tick();
			// Measured by `npm run bench`: drop-to-chart time and its import part.
			performance.measure('resonance:import', 'resonance:load-start', 'resonance:imported');
			performance.measure('resonance:drop-to-chart', 'resonance:load-start');
			// Word counting follows at once; showing it now leaves no moment that looks finished but is not.
			const current = computation === this.#computation;
			if (current) this.words_progress = 0;
			return current;
		} catch (error) {
			this.#fail(error);
			if (previous) this.settings.open(previous.key, previous.settings);
			await this.#restorePrevious(files);
			return false;
		}
	}

	/** A failed load has already dropped the tables; read the previous files again so what is on screen stays true. */
	async #restorePrevious(failed: DatasetFile[]) {
		if (!this.dataset || this.#files.length === 0 || this.#files === failed) return;
		try {
			const db = await this.#db;
			await loadDataset(db, this.#files, { time_zone: this.settings.settings.time_zone, roster: this.#roster });
			this.analysis = await analyzeDataset(db, this.settings.settings, this.#grain);
		} catch {
			this.analysis = null;
		}
		this.status = 'ready';
	}

	async #recompute() {
		if (!this.dataset) return;
		const computation = ++this.#computation;
		this.recomputing = true;
		try {
			const analysis = await this.#exclusive(async () =>
				computation === this.#computation ? analyzeDataset(await this.#db, this.settings.settings, this.#grain) : null
			);
			if (analysis && computation === this.#computation) this.analysis = analysis;
		} catch (error) {
			this.#fail(error);
		} finally {
			if (computation === this.#computation) this.recomputing = false;
		}
	}

	async #countWords(db: Db, generation: number) {
		this.words_progress = 0;
		try {
			await this.#exclusive(() =>
				fillWordCounts(db, (done, total) => (this.words_progress = done / total), () => generation !== this.#generation)
			);
		} finally {
			this.words_progress = 1;
		}
		if (generation === this.#generation) await this.#recompute();
	}

	#fail(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		this.error = message.split('\n')[0];
		this.status = this.dataset ? 'ready' : 'error';
	}
}

function describe(sources: ImportSource[]): DatasetDescription {
	return {
		is_sample: false,
		label: sources.map((source) => source.name).join(', '),
		key: sources.map((source) => `${source.name}:${source.size_bytes}`).join('|')
	};
}
