import type { PeriodTerms } from '../metrics/terms/period-terms';
import type { StageSetting } from '../settings/analysis-settings';

/** What the distinctive terms of a dataset are computed from: when any of it changes, the terms are stale. */
export interface PeriodTermsInputs {
	/** Identifies the loaded tables: a new load (even of the same files) is another dataset. */
	dataset: string;
	excluded_kinds: readonly string[];
	stages: readonly StageSetting[];
	peak_months: readonly string[];
}

/**
 * Computes the terms of `peak_months` and of the stages; calls `onProgress` with the share done (0 first, when it
 * starts), which throws once the inputs have changed, so a search for stale terms stops at its next read.
 */
export type ComputePeriodTerms = (peak_months: readonly string[], onProgress: (share: number) => void) => Promise<PeriodTerms>;

/** The search for the current inputs' terms while it runs: when it began (performance.now(), ms) and the share done. */
export interface PeriodTermsSearch {
	started_at: number;
	share: number;
}

class InputsChanged extends Error {}

/**
 * The distinctive terms of the peak months and of the stages, found only when asked for (find) and kept while the
 * inputs stay the same; peaks and stages are kept apart, so new peak months leave the stage terms standing.
 */
export class PeriodTermsStore {
	#peaks = $state<{ key: string; terms: PeriodTerms['peaks'] } | null>(null);
	#stages = $state<{ key: string; terms: PeriodTerms['stages'] } | null>(null);
	#search = $state.raw<(PeriodTermsSearch & { key: string; done: Promise<void> }) | null>(null);
	#error = $state<{ key: string; message: string } | null>(null);
	readonly #inputs: () => PeriodTermsInputs | null;
	readonly #compute: ComputePeriodTerms;

	/** `inputs` gives the current inputs (null without a dataset); `compute` runs in the current tables. */
	constructor(inputs: () => PeriodTermsInputs | null, compute: ComputePeriodTerms) {
		this.#inputs = inputs;
		this.#compute = compute;
	}

	/** The terms of each peak month of the current inputs, once found; null before. */
	get peaks(): PeriodTerms['peaks'] | null {
		const keys = this.#keys();
		return keys && this.#peaks?.key === keys.peaks ? this.#peaks.terms : null;
	}

	/** The terms of each stage of the current inputs, once found; null before. */
	get stages(): PeriodTerms['stages'] | null {
		const keys = this.#keys();
		return keys && this.#stages?.key === keys.stages ? this.#stages.terms : null;
	}

	get search(): PeriodTermsSearch | null {
		const search = this.#search;
		return search && search.key === this.#keys()?.all ? { started_at: search.started_at, share: search.share } : null;
	}

	/** Why the terms of the current inputs could not be found; null when they were or may still be. */
	get error(): string | null {
		const error = this.#error;
		return error && error.key === this.#keys()?.all ? error.message : null;
	}

	/** Finds the terms of the current inputs unless they are known or being found; resolves when that search ends. */
	find(): Promise<void> {
		const keys = this.#keys();
		const inputs = this.#inputs();
		if (!keys || !inputs || (this.peaks && this.stages)) return Promise.resolve();
		if (this.#search?.key === keys.all) return this.#search.done;
		const current = () => this.#keys()?.all === keys.all;
		const onProgress = (share: number) => {
			if (!current()) throw new InputsChanged();
			if (this.#search?.key === keys.all) this.#search = { ...this.#search, share };
		};
		const run = async () => {
			try {
				const terms = await this.#compute(inputs.peak_months, onProgress);
				this.#peaks = { key: keys.peaks, terms: terms.peaks };
				this.#stages = { key: keys.stages, terms: terms.stages };
			} catch (error) {
				if (!(error instanceof InputsChanged)) this.#error = { key: keys.all, message: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
			} finally {
				if (this.#search?.key === keys.all) this.#search = null;
			}
		};
		this.#error = null;
		// Started after the search is recorded, so its end always finds it.
		const done = Promise.resolve().then(run);
		this.#search = { key: keys.all, started_at: performance.now(), share: 0, done };
		return done;
	}

	#keys() {
		const inputs = this.#inputs();
		if (!inputs) return null;
		const { dataset, excluded_kinds, stages, peak_months } = inputs;
		return {
			peaks: JSON.stringify([dataset, excluded_kinds, peak_months]),
			stages: JSON.stringify([dataset, excluded_kinds, stages]),
			all: JSON.stringify([dataset, excluded_kinds, stages, peak_months])
		};
	}
}
