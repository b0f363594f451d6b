import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { loadDataset } from '../ingest/load-dataset';
import { periodTerms, type PeriodTerms } from '../metrics/terms/period-terms';
import { applyAnalysisSettings } from '../metrics/apply-analysis-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { PeriodTermsStore, type PeriodTermsInputs } from './period-terms-store.svelte';

const CHINESE = resolve(import.meta.dirname, '../../../tests/fixtures/terms/resonance__chinese_jan-mar-2021_february-peak-about-kaoshi-fuxi.csv');

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(CHINESE) }], { time_zone: 'UTC' });
	await applyAnalysisSettings(db, defaultAnalysisSettings('UTC'));
});
afterAll(async () => {
	await db.close();
});

/**
 * A store over the Chinese fixture (18 messages, read 8 at a time: 3 reads), with the months asked of each search
 * and the share the store shows after each report of progress.
 */
function storeOf(inputs: PeriodTermsInputs) {
	const searches: string[][] = [];
	const shown: (number | undefined)[] = [];
	const report = (onProgress: (share: number) => void, share: number) => {
		onProgress(share);
		shown.push(store.search?.share);
	};
	const store: PeriodTermsStore = new PeriodTermsStore(
		() => inputs,
		async (peak_months, onProgress) => {
			searches.push([...peak_months]);
			report(onProgress, 0);
			return periodTerms(db, { peak_months, messages_per_read: 8, onProgress: (done, reads) => report(onProgress, done / reads) });
		}
	);
	return { store, searches, shown };
}

const STAGE = { name: 'Exams', start: '2021-02-01', end: '2021-02-28' };
const inputsOf = (): PeriodTermsInputs => ({ dataset: 'chinese#1', excluded_kinds: ['system'], stages: [STAGE], peak_months: ['2021-02'] });

describe('PeriodTermsStore', () => {
	it('finds nothing until asked, then the terms of periodTerms, once for the same inputs', async () => {
		const { store, searches } = storeOf(inputsOf());
		const expected: PeriodTerms = await periodTerms(db, { peak_months: ['2021-02'] });
		expect([store.peaks, store.stages, store.search, store.error]).toEqual([null, null, null, null]);
		await store.find();
		expect(store.peaks).toEqual(expected.peaks);
		expect(store.peaks![0].terms.map((term) => term.term)).toEqual(['复习', '考试']);
		expect(store.stages).toEqual(expected.stages);
		await store.find();
		expect(searches).toEqual([['2021-02']]);
	});

	it('shows the share of reads done while it searches, and a second ask joins the search under way', async () => {
		const { store, searches, shown } = storeOf(inputsOf());
		const before = performance.now();
		const first = store.find();
		const second = store.find();
		expect(store.search).toEqual({ started_at: expect.any(Number), share: 0 });
		expect(store.search!.started_at).toBeGreaterThanOrEqual(before);
		await Promise.all([first, second]);
		expect(searches).toHaveLength(1);
		expect(shown).toEqual([0, 1 / 3, 2 / 3, 1]);
		expect(store.search).toBeNull();
	});

	it('new peak months make the peak terms stale and leave the stage terms standing', async () => {
		const inputs = inputsOf();
		const { store, searches } = storeOf(inputs);
		await store.find();
		const stages = store.stages;
		inputs.peak_months = ['2021-03'];
		expect(store.peaks).toBeNull();
		expect(store.stages).toBe(stages);
		await store.find();
		expect(store.peaks!.map((peak) => peak.month)).toEqual(['2021-03']);
		expect(searches).toEqual([['2021-02'], ['2021-03']]);
	});

	it.each([
		['another dataset (or the same files read again)', (inputs: PeriodTermsInputs) => (inputs.dataset = 'chinese#2')],
		['other kinds left out', (inputs: PeriodTermsInputs) => (inputs.excluded_kinds = ['system', 'media'])]
	])('%s makes every term stale', async (_what, change) => {
		const inputs = inputsOf();
		const { store, searches } = storeOf(inputs);
		await store.find();
		change(inputs);
		expect([store.peaks, store.stages]).toEqual([null, null]);
		await store.find();
		expect(store.peaks).not.toBeNull();
		expect(searches).toHaveLength(2);
	});

	it('new stages make the stage terms stale', async () => {
		const inputs = inputsOf();
		const { store } = storeOf(inputs);
		await store.find();
		inputs.stages = [{ ...STAGE, name: 'Finals' }];
		expect(store.stages).toBeNull();
		expect(store.peaks).not.toBeNull();
	});

	it('a search whose inputs change stops at its next read and keeps nothing, without an error', async () => {
		const inputs = inputsOf();
		const { store, shown } = storeOf(inputs);
		const search = store.find();
		inputs.peak_months = ['2021-03'];
		await search;
		expect(shown).toEqual([]);
		inputs.peak_months = ['2021-02'];
		expect([store.peaks, store.stages, store.search, store.error]).toEqual([null, null, null, null]);
	});

	it('says why a search failed, for its inputs only, and tries again when asked', async () => {
		const inputs = inputsOf();
		let fail = true;
		const store = new PeriodTermsStore(
			() => inputs,
			async (peak_months) => {
				if (fail) throw new Error('Out of memory\nstack');
				return periodTerms(db, { peak_months });
			}
		);
		await store.find();
		expect(store.error).toBe('Out of memory');
		inputs.peak_months = [];
		expect(store.error).toBeNull();
		inputs.peak_months = ['2021-02'];
		fail = false;
		await store.find();
		expect(store.error).toBeNull();
		expect(store.peaks!.map((peak) => peak.month)).toEqual(['2021-02']);
	});

	it('finds nothing without a dataset', async () => {
		const store = new PeriodTermsStore(
			() => null,
			() => Promise.reject(new Error('never called'))
		);
		await store.find();
		expect([store.peaks, store.stages, store.search, store.error]).toEqual([null, null, null, null]);
	});
});
