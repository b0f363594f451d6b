import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { applyAnalysisSettings } from '../apply-analysis-settings';
import { defaultAnalysisSettings } from '../../settings/default-analysis-settings';
import { parseAnalysisSettings } from '../../settings/parse-analysis-settings';
import { periodTerms } from './period-terms';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/terms');
const CHINESE = 'resonance__chinese_jan-mar-2021_february-peak-about-kaoshi-fuxi.csv';
const ENGLISH = 'resonance__english_2-stages_anatomy-term-then-ward-rounds_may-outside-stages.csv';
const ENGLISH_SETTINGS = 'settings__2-stages_anatomy-term-jan-feb_ward-rounds-mar-apr-2022.json';

async function openDataset(file: string, settings = defaultAnalysisSettings('UTC')): Promise<Db> {
	const db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, file)) }], { time_zone: 'UTC' });
	await applyAnalysisSettings(db, settings);
	return db;
}

// The z-scores below are distinctiveTerms' formula (checked on its own worked example) applied by hand to the
// counts; the decimals were computed separately in Python.
describe('periodTerms(db, { peak_months }) on a Chinese group with an exam month', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openDataset(CHINESE);
	});
	afterAll(async () => {
		await db.close();
	});

	// Terms by Intl.Segmenter, one-character words left out: January 15, February 29, March 13, 57 in all. February
	// says 复习 7 times (never elsewhere) and 考试 6 times (once more in March). 范围 and 解剖 (twice each) are under
	// the minimum count of 3.
	//   复习: delta = ln((7+7)/(29+57-14)) - ln((0+7)/(28+57-7)) = ln(13/6),      variance = 1/14 + 1/7
	//   考试: delta = ln((6+7)/(29+57-13)) - ln((1+7)/(28+57-8)) = ln(1001/584), variance = 1/13 + 1/8
	const february = [
		{ term: '复习', count: 7, score: 1.6702810587573833 },
		{ term: '考试', count: 6, score: 1.1991623079069347 }
	];

	it('the exam month is about 复习 and 考试, the most distinctive first', async () => {
		const terms = await periodTerms(db, { peak_months: ['2021-02'] });
		expect(terms.stages).toEqual([]);
		expect(terms.peaks.map((peak) => peak.month)).toEqual(['2021-02']);
		expect(terms.peaks[0].terms.map(({ term, count }) => ({ term, count }))).toEqual(february.map(({ term, count }) => ({ term, count })));
		for (const [index, term] of terms.peaks[0].terms.entries()) expect(Math.abs(term.score - february[index].score)).toBeLessThan(1e-9);
	});

	it('gives the same terms however few messages it reads at a time', async () => {
		const whole = await periodTerms(db, { peak_months: ['2021-02', '2021-03'] });
		expect(await periodTerms(db, { peak_months: ['2021-02', '2021-03'], messages_per_read: 1 })).toEqual(whole);
		expect(await periodTerms(db, { peak_months: ['2021-02', '2021-03'], messages_per_read: 3 })).toEqual(whole);
	});

	it('reports its progress after each read', async () => {
		// 18 messages, each at its own time: reads of 8 start at the 1st, the 9th and the 17th.
		const progress: [number, number][] = [];
		await periodTerms(db, { peak_months: ['2021-02'], messages_per_read: 8, onProgress: (done, reads) => progress.push([done, reads]) });
		expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
	});

	it('a lower minimum count lets the twice-said words in; top keeps the first few', async () => {
		// 范围 and 解剖: ln((2+2)/(34+63-4)) - ln(2/(29+63-2)), variance 1/4 + 1/2, so z = 0.76 each, below 考试;
		// equal, by term: 范 (U+8303) before 解 (U+89E3).
		const terms = async (top: number) => (await periodTerms(db, { peak_months: ['2021-02'], min_count: 2, top })).peaks[0].terms.map((term) => term.term);
		expect(await terms(4)).toEqual(['复习', '考试', '范围', '解剖']);
		expect(await terms(3)).toEqual(['复习', '考试', '范围']);
	});

	it('a month without messages has no terms', async () => {
		expect((await periodTerms(db, { peak_months: ['2020-12'] })).peaks).toEqual([{ month: '2020-12', terms: [] }]);
	});
});

describe('periodTerms(db, { peak_months }) on an English group with two stages', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openDataset(ENGLISH, parseAnalysisSettings(readFileSync(resolve(fixtures, ENGLISH_SETTINGS), 'utf8')));
	});
	afterAll(async () => {
		await db.close();
	});

	// Terms: Anatomy term 34, Ward rounds 27, May (in no stage, but in the corpus) 6; 67 in all. Each listed term is
	// used in its stage only (count c, prior c, 0 elsewhere): delta = ln(2c/(n+67-2c)) - ln(c/(67-n+67-c)), variance
	// = 1/(2c) + 1/c. heart (2 + 2) is under the minimum count in both; good and luck are May's chat.
	//   anatomy 5 (n 34): ln(190/91), 3/10     atlas, dissection 3: ln(194/95), 1/2 (equal: by term)
	//   rounds 4 (n 27):  ln(103/43), 3/8      patient, ward 3:     ln(26/11), 1/2
	it('the anatomy stage is about anatomy, atlas and dissection; the ward stage about rounds, patient and ward', async () => {
		const terms = await periodTerms(db, { peak_months: [] });
		expect(terms.peaks).toEqual([]);
		const close = (score: number) => expect.closeTo(score, 9);
		expect(terms.stages).toEqual([
			{
				stage: 'Anatomy term',
				terms: [
					{ term: 'anatomy', count: 5, score: close(1.3440464621300405) },
					{ term: 'atlas', count: 3, score: close(1.009721991726206) },
					{ term: 'dissection', count: 3, score: close(1.009721991726206) }
				]
			},
			{
				stage: 'Ward rounds',
				terms: [
					{ term: 'rounds', count: 4, score: close(1.4264666755347106) },
					{ term: 'patient', count: 3, score: close(1.21650829564902) },
					{ term: 'ward', count: 3, score: close(1.21650829564902) }
				]
			}
		]);
	});
});
