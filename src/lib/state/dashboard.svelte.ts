import { tick } from 'svelte';
import type { Db } from '../db/db';
import type { ColumnMapping } from '../ingest/csv/column-mapping';
import { fillWordCounts } from '../ingest/fill-word-counts';
import type { ImportReport } from '../ingest/import-report';
import type { ImportSource } from '../ingest/import-source';
import { inspectExport, type ExportInspection } from '../ingest/inspect-export';
import { loadDataset, type DatasetFile } from '../ingest/load-dataset';
import type { RosterEntry } from '../ingest/parse-roster';
import { monthlySeries, type MonthlyRow } from '../metrics/monthly-series';

/** A CSV waiting for the user to say which columns hold what. */
export interface PendingMapping {
	source: ImportSource;
	inspection: Extract<ExportInspection, { kind: 'csv' }>;
}

export interface DatasetDescription {
	is_sample: boolean;
	label: string;
}

/**
 * The dashboard's one store: the dataset, what loading it did, and the metrics drawn from it.
 * Every load replaces the dataset; a failed load keeps the previous one on screen.
 */
export class Dashboard {
	status = $state<'starting' | 'loading' | 'ready' | 'error'>('starting');
	stage = $state('Starting the in-browser database');
	load_started_at = $state(0);
	loading_bytes = $state(0);
	error = $state<string | null>(null);
	dataset = $state<DatasetDescription | null>(null);
	reports = $state<ImportReport[]>([]);
	monthly = $state<MonthlyRow[]>([]);
	pending = $state<PendingMapping | null>(null);
	time_zone = $state('UTC');
	/** Share of messages whose words are counted (Chinese text is counted after the first chart is drawn). */
	words_progress = $state(1);

	#db: Promise<Db>;
	#roster: RosterEntry[] | undefined;

	constructor(db: Promise<Db>) {
		this.#db = db;
	}

	/** Loads the embedded sample community with its roster and settings. */
	async loadSample(files: { source: ImportSource; roster: RosterEntry[]; time_zone: string }) {
		performance.mark('resonance:load-start');
		this.time_zone = files.time_zone;
		this.#roster = files.roster;
		await this.#load([{ source: files.source }], { is_sample: true, label: 'the sample community' });
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
			this.#roster = undefined;
			await this.#load(files, { is_sample: false, label: sources.map((source) => source.name).join(', ') });
		} catch (error) {
			this.#fail(error);
		}
	}

	async confirmMapping(mapping: ColumnMapping) {
		const pending = this.pending;
		if (!pending) return;
		this.pending = null;
		this.#roster = undefined;
		await this.#load([{ source: pending.source, inspection: pending.inspection, mapping }], {
			is_sample: false,
			label: pending.source.name
		});
	}

	cancelMapping() {
		this.pending = null;
	}

	dismissError() {
		this.error = null;
		if (this.status === 'error' && this.dataset) this.status = 'ready';
	}

	async #load(files: DatasetFile[], dataset: DatasetDescription) {
		const previous = { status: this.status };
		this.status = 'loading';
		this.error = null;
		this.load_started_at = performance.now();
		this.loading_bytes = files.reduce((sum, file) => sum + file.source.size_bytes, 0);
		try {
			this.stage = 'Starting the in-browser database';
			const db = await this.#db;
			const reports = await loadDataset(db, files, {
				time_zone: this.time_zone,
				roster: this.#roster,
				word_counts: 'later',
				onStage: (stage) => (this.stage = stage)
			});
			performance.mark('resonance:imported');
			this.stage = 'Computing the monthly series';
			const monthly = await monthlySeries(db);
			this.reports = reports;
			this.monthly = monthly;
			this.dataset = dataset;
			this.status = 'ready';
			await tick();
			// Measured by `npm run bench`: drop-to-chart time and its import part.
			performance.measure('resonance:import', 'resonance:load-start', 'resonance:imported');
			performance.measure('resonance:drop-to-chart', 'resonance:load-start');
			await this.#countWords(db);
		} catch (error) {
			this.#fail(error);
			if (previous.status === 'ready') this.status = 'ready';
		}
	}

	async #countWords(db: Db) {
		this.words_progress = 0;
		await fillWordCounts(db, (done, total) => (this.words_progress = done / total));
		this.monthly = await monthlySeries(db);
		this.words_progress = 1;
	}

	#fail(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		this.error = message.split('\n')[0];
		this.status = this.dataset ? 'ready' : 'error';
	}
}
