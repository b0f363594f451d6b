import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';
import { defaultAnalysisSettings } from '../src/lib/settings/default-analysis-settings';
import { parseAnalysisSettings } from '../src/lib/settings/parse-analysis-settings';
import { analysisJson } from './commands/analyze';
import { loadCliDataset } from './load-cli-dataset';

const fixtures = resolve(import.meta.dirname, '../tests/fixtures/terms');

async function analyze(file: string, settings = defaultAnalysisSettings('UTC'), roster?: string, without_text = false) {
	const { db, report } = await loadCliDataset([resolve(fixtures, file)], { tz: settings.time_zone, roster, without_text });
	try {
		return await analysisJson(db, report, settings);
	} finally {
		await db.close();
	}
}

// period-terms.test.ts derives the terms and scores of both fixtures by hand.
describe('resonance analyze: terms', () => {
	it('lists the terms of each peak the analysis finds: February (10 messages against 4 and 4) is about 复习 and 考试', async () => {
		const output = await analyze('resonance__chinese_jan-mar-2021_february-peak-about-kaoshi-fuxi.csv');
		expect(Object.keys(output)).toContain('terms');
		expect(output.peaks.map((peak) => peak.month)).toEqual(['2021-02']);
		expect(output.terms.stages).toEqual([]);
		expect(output.terms.peaks.map(({ month, terms }) => ({ month, terms: terms.map(({ term, count }) => [term, count]) }))).toEqual([
			{ month: '2021-02', terms: [['复习', 7], ['考试', 6]] }
		]);
	});

	it('--without-text keeps the peak and gives it no terms', async () => {
		const output = await analyze('resonance__chinese_jan-mar-2021_february-peak-about-kaoshi-fuxi.csv', undefined, undefined, true);
		expect(output.terms).toEqual({ peaks: [{ month: '2021-02', terms: [] }], stages: [] });
	});

	it('lists the terms of each stage of the settings, in their order', async () => {
		const settings = parseAnalysisSettings(readFileSync(resolve(fixtures, 'settings__2-stages_anatomy-term-jan-feb_ward-rounds-mar-apr-2022.json'), 'utf8'));
		const output = await analyze('resonance__english_2-stages_anatomy-term-then-ward-rounds_may-outside-stages.csv', settings);
		expect(output.terms.stages.map(({ stage, terms }) => ({ stage, terms: terms.map(({ term }) => term) }))).toEqual([
			{ stage: 'Anatomy term', terms: ['anatomy', 'atlas', 'dissection'] },
			{ stage: 'Ward rounds', terms: ['rounds', 'patient', 'ward'] }
		]);
	});

	it('the sample community: the case-report month talks of the report, the journal-club month of 论文', async () => {
		const folder = mkdtempSync(resolve(tmpdir(), 'resonance-terms-'));
		const sample = generateSampleCommunity();
		writeFileSync(resolve(folder, 'community.csv'), sample.csv);
		writeFileSync(resolve(folder, 'roster.csv'), sample.roster_csv);
		const output = await analyze(resolve(folder, 'community.csv'), parseAnalysisSettings(JSON.stringify(sample.settings)), resolve(folder, 'roster.csv'));
		const [march, november] = output.terms.peaks;
		expect([march.month, november.month]).toEqual(['2021-03', '2021-11']);
		expect(march.terms[0].term).toBe('report');
		expect(march.terms.map((term) => term.term)).toEqual(expect.arrayContaining(['case', '病例']));
		expect(november.terms.map((term) => term.term)).toEqual(expect.arrayContaining(['论文', 'research']));
		expect(output.terms.stages.map((stage) => [stage.stage, stage.terms.length])).toEqual([['Medical students', 10], ['Interns', 10], ['Newly qualified doctors', 10]]);
	}, 120_000);
});
