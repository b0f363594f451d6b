import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { parseRoster } from '../../src/lib/ingest/members/parse-roster';
import { wilsonInterval } from '../../src/lib/metrics/algorithms/wilson-interval';
import { queryTrend } from '../../src/lib/metrics/search/query-trend';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;
// The sample as the page loads it (its roster and settings), in Node's DuckDB: the reference for every row.
let db: Db;

beforeAll(async () => {
	session = await openBrowser();
	const sample = generateSampleCommunity();
	const settings = parseAnalysisSettings(JSON.parse(JSON.stringify(sample.settings)));
	db = await createNodeDb();
	await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
		time_zone: settings.time_zone,
		roster: parseRoster(sample.roster_csv).entries
	});
	await applyAnalysisSettings(db, settings);
});
afterAll(async () => {
	await db?.close();
	await session?.close();
});

async function openSample(): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=overview`);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
	return page;
}

async function search(page: Page, query: string) {
	await page.getByRole('searchbox', { name: 'Search messages' }).fill(query);
	await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** queryTrend's rows as the figure's CSV writes them: months as `YYYY-MM`, the Wilson interval beside the share, empty cells for nulls. */
function expectedCsvRows(rows: Awaited<ReturnType<typeof queryTrend>>, by_role: boolean): Record<string, string>[] {
	const cell = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));
	return rows.map((row) => {
		const interval = wilsonInterval(row.matching, row.messages);
		return {
			period: row.period_start.slice(0, 7),
			messages: cell(row.messages),
			matching: cell(row.matching),
			share: cell(row.share),
			share_low: cell(interval?.[0]),
			share_high: cell(interval?.[1]),
			...(by_role ? { role: cell(row.role) } : {})
		};
	});
}

describe('a search drawn as a trend', () => {
	it('draws 考试 per month from the messages panel; the figure’s CSV is queryTrend’s rows from Node DuckDB and the caption names the query', async () => {
		const page = await openSample();
		await search(page, '考试');
		const panel = page.getByRole('dialog', { name: /考试/ });
		await panel.getByRole('button', { name: 'Draw as a trend' }).click();
		const figure = panel.getByTestId('figure-keyword-trend');
		await figure.locator('svg').waitFor({ timeout: 60_000 });
		expect(await panel.locator('#keyword-trend-title').inputValue()).toBe('Share of messages matching “考试”, per month');
		const caption = (await panel.locator('figcaption').textContent())!;
		expect(caption).toContain('that match “考试”');
		expect(caption).toContain('per month');
		expect(caption).toContain('Times in Asia/Shanghai.');
		expect(caption).toContain('Counted: text messages');

		const { name, text } = await downloadText(page, () => panel.getByRole('button', { name: 'Data (CSV)' }).click());
		expect(name).toBe('keyword-trend.csv');
		// The download starts with a UTF-8 BOM (Excel on Chinese Windows); Papa and trim() drop it below.
		expect(text.split('\r\n')[0]).toBe('\ufeffperiod,messages,matching,share,share_low,share_high');
		const expected = await queryTrend(db, '考试', { grain: 'month' });
		expect(expected.filter((row) => row.matching > 0).length).toBeGreaterThan(10);
		expect(Papa.parse<Record<string, string>>(text.trim(), { header: true }).data).toEqual(expectedCsvRows(expected, false));

		// The readout gives each period's n.
		const chart = figure.locator('svg[tabindex]');
		await chart.focus();
		await chart.press('Home');
		const first = expected[0];
		expect(await figure.locator('.live').textContent()).toContain(`of n = ${first.messages.toLocaleString('en')}`);
		await page.close();
	});

	it('by role: one line per role, the CSV with a role column, as queryTrend gives it per role', async () => {
		const page = await openSample();
		await search(page, 'guideline');
		const panel = page.getByRole('dialog', { name: /guideline/ });
		await panel.getByRole('button', { name: 'Draw as a trend' }).click();
		await panel.getByTestId('figure-keyword-trend').locator('svg').waitFor({ timeout: 60_000 });
		await panel.getByRole('checkbox', { name: 'By role' }).check();
		const title = panel.locator('#keyword-trend-title');
		await expect.poll(() => title.inputValue(), { timeout: 60_000 }).toBe('Share of messages matching “guideline”, per month and role');
		const { text } = await downloadText(page, () => panel.getByRole('button', { name: 'Data (CSV)' }).click());
		const expected = await queryTrend(db, 'guideline', { grain: 'month', by_role: true });
		expect(Papa.parse<Record<string, string>>(text.trim(), { header: true }).data).toEqual(expectedCsvRows(expected, true));
		expect((await panel.getByTestId('figure-keyword-trend').locator('.legend text').allTextContents()).slice(0, 3)).toEqual(['mentor', 'student', '95% interval (Wilson)']);
		await page.close();
	});
});
