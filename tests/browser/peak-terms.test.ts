import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { countMatchingMessages } from '../../src/lib/metrics/search/count-matching-messages';
import { periodTerms, type PeriodTerms } from '../../src/lib/metrics/terms/period-terms';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { sampleSettings } from '../../src/lib/sample/sample-settings';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let session: BrowserSession;
/** periodTerms of the sample in Node's DuckDB, with the sample's settings, as the page opens it. */
let reference: PeriodTerms;
/** Counted messages of March 2021 with the first of its words. */
let first_term_messages: number;

beforeAll(async () => {
	session = await openBrowser();
	const db = await createNodeDb();
	try {
		await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(generateSampleCommunity().csv)) }], { time_zone: sampleSettings.time_zone });
		await applyAnalysisSettings(db, parseAnalysisSettings(JSON.stringify(sampleSettings)));
		reference = await periodTerms(db, { peak_months: ['2021-03'] });
		first_term_messages = await countMatchingMessages(db, { month: '2021-03', query: reference.peaks[0].terms[0].term });
	} finally {
		await db.close();
	}
});
afterAll(async () => {
	await session?.close();
});

async function openView(view: string): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=${view}`);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
	return page;
}

/** Each term shown with its count, as `term (count)`. */
async function shownTerms(terms: Locator): Promise<string[]> {
	const text = (await terms.textContent()) ?? '';
	return text.split(/,\s*/).map((term) => term.replace(/\s+/g, ' ').trim());
}
/** axe-core's serious and critical violations on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	const violations = await page.evaluate(async () => {
		const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
		return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
	});
	return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes})`);
}
const written = (terms: { term: string; count: number }[]) => terms.map(({ term, count }) => `${term} (${count.toLocaleString('en')})`);

describe('the words that set a peak or a stage apart', () => {
	it('are found when a peak is explained, equal periodTerms in Node, and open their messages in that month', async () => {
		expect(reference.peaks[0].terms.length).toBeGreaterThan(3);
		const page = await openView('timeline');
		// Nothing is tokenized at load: only a peak explained asks for it.
		expect(await page.getByTestId('terms-progress').count()).toBe(0);
		expect(await page.getByTestId('peak-list-terms').count()).toBe(0);

		await page.getByRole('button', { name: '2021-03', exact: true }).click();
		const readout = page.getByTestId('peak-terms');
		await expect.poll(() => readout.textContent(), { timeout: 90_000 }).toContain('Words that set it apart:');
		expect(await shownTerms(readout.getByTestId('distinctive-terms'))).toEqual(written(reference.peaks[0].terms));
		const listed = page.getByTestId('peak-list-terms').filter({ has: page.getByRole('button', { name: reference.peaks[0].terms[0].term }) });
		expect(await shownTerms(listed.first().getByTestId('distinctive-terms'))).toEqual(written(reference.peaks[0].terms.slice(0, 6)));
		expect(await seriousViolations(page)).toEqual([]);

		const first = reference.peaks[0].terms[0].term;
		await readout.getByRole('button', { name: first, exact: true }).click();
		const header = page.getByTestId('messages-header');
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toBe(`“${first}” in Mar 2021 · ${first_term_messages.toLocaleString('en')} messages`);
		expect(first_term_messages).toBeGreaterThan(0);
		await page.close();
	});

	it('are found for every stage when asked for, one line per stage, under the stage table', async () => {
		const page = await openView('peers');
		const section = page.getByTestId('stage-terms');
		expect(await section.getByTestId('distinctive-terms').count()).toBe(0);
		await section.getByRole('button', { name: 'Show the words of each stage' }).click();
		await section.locator('li').first().waitFor({ timeout: 90_000 });
		const lines = await section.locator('li').evaluateAll((items) => items.map((item) => item.querySelector('strong')?.textContent ?? ''));
		expect(lines).toEqual(sampleSettings.stages.map((stage) => stage.name));
		for (const [index, stage] of reference.stages.entries()) {
			expect(await shownTerms(section.locator('li').nth(index).getByTestId('distinctive-terms'))).toEqual(written(stage.terms));
		}
		expect(await seriousViolations(page)).toEqual([]);
		const stage = reference.stages[1];
		await section.locator('li').nth(1).getByRole('button', { name: stage.terms[0].term, exact: true }).click();
		await expect.poll(() => page.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^“${stage.terms[0].term}” in ${stage.stage} · [\\d,]+ messages$`));
		await page.close();
	});

	it('are not looked for in a file loaded without message text: the peak says so', async () => {
		const page = await openView('data');
		// January 2, February 10, March 2 and April 2 messages: February is a peak.
		const day = (month: string, index: number) => `2021-${month}-${String(index + 1).padStart(2, '0')} 09:00`;
		const rows = [...['01', '03', '04'].flatMap((month) => [day(month, 0), day(month, 27)]), ...Array.from({ length: 10 }, (_, index) => day('02', index * 2))];
		const csv = ['timestamp,author,text', ...rows.map((time, index) => `${time},${index % 2 ? 'Ann' : 'Bo'},exam review ${index}`)].join('\n');
		// The sample must be on screen: the box is disabled while a file loads.
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('the sample community');
		await page.getByTestId('without-text').check();
		await page.getByTestId('file-input').setInputFiles({ name: 'february-peak.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => page.getByTestId('rows-imported').textContent(), { timeout: 60_000 }).toBe('16');
		await page.getByTestId('without-text-note').waitFor({ timeout: 60_000 });
		await page.getByRole('tab', { name: 'Timeline' }).click();
		// Four months are drawn by week at first.
		await page.getByRole('radio', { name: 'Monthly' }).click();
		await page.getByRole('button', { name: '2021-02', exact: true }).click();
		expect(await page.getByTestId('peak-terms').textContent()).toContain('Loaded without message text, so no words can set it apart.');
		expect(await page.getByTestId('terms-progress').count()).toBe(0);
		expect(await page.getByTestId('find-peak-terms').count()).toBe(0);
		await page.close();
	});
});
