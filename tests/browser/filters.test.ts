import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { parseRoster } from '../../src/lib/ingest/members/parse-roster';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { sampleSettings } from '../../src/lib/sample/sample-settings';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const WAIT_MS = 180_000;
const SENTENCE = 'Filtered: 2021-01-01 – 2021-06-30 · students only.';
let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

const settled = (page: Page) =>
	page.waitForFunction(
		() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]') && !document.querySelector('[data-testid=words-progress]'),
		null,
		{ timeout: WAIT_MS }
	);

/** The students' counted messages per month of the first half of 2021, read straight from the sample's `messages` table. */
async function studentMonths(): Promise<[string, string][]> {
	const sample = generateSampleCommunity();
	const db = await createNodeDb();
	try {
		await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
			time_zone: sampleSettings.time_zone,
			roster: parseRoster(sample.roster_csv).entries
		});
		await applyAnalysisSettings(db, parseAnalysisSettings(sample.settings));
		const rows = await db.query<{ month: string; messages: number }>(
			`SELECT strftime(sent_at, '%Y-%m') AS month, count(*)::INTEGER AS messages FROM messages
			WHERE kind NOT IN ('system', 'media', 'sticker') AND role = 'student' AND sent_at >= DATE '2021-01-01' AND sent_at < DATE '2021-07-01'
			GROUP BY ALL ORDER BY month`
		);
		return rows.map((row) => [row.month, row.messages.toLocaleString('en')]);
	} finally {
		await db.close();
	}
}

async function timelineRows(page: Page): Promise<[string, string][]> {
	const table = page.locator('figure', { has: page.getByTestId('figure-monthly-activity') }).locator('details.data table');
	const header = await table.locator('thead th').allTextContents();
	const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
	return rows.map((cells) => [cells[header.indexOf('month')], cells[header.indexOf('messages')]]);
}

describe('the filter bar', () => {
	it('a date range and a role narrow the timeline and its caption, stay in the address and come back on reload', async () => {
		const expected = await studentMonths();
		expect(expected.map(([month]) => month)).toEqual(['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06']);
		const page = await session.newPage();
		await page.goto(`${session.url}/?view=timeline`);
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: WAIT_MS });
		await settled(page);
		expect(await page.getByTestId('filter-summary').textContent()).toBe('All counted messages');

		await page.getByTestId('filter-toggle').click();
		await page.getByTestId('filter-from').fill('2021-01-01');
		await page.getByTestId('filter-to').fill('2021-06-30');
		await page.getByRole('group', { name: 'Roles' }).getByLabel('student').check();
		await expect.poll(() => page.getByTestId('filter-summary').textContent(), { timeout: WAIT_MS }).toBe(SENTENCE);
		await settled(page);
		await page.getByTestId('filter-bar').screenshot({ path: '/tmp/filters-bar.png' });

		await page.getByText('Data table (6 rows)').click({ timeout: WAIT_MS });
		expect(await timelineRows(page)).toEqual(expected);
		expect(await page.locator('figure', { has: page.getByTestId('figure-monthly-activity') }).locator('figcaption').textContent()).toContain(SENTENCE);
		expect(new URL(page.url()).search).toBe('?view=timeline&from=2021-01-01&to=2021-06-30&role=student');

		await page.reload();
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: WAIT_MS });
		await settled(page);
		expect(await page.getByTestId('filter-summary').textContent()).toBe(SENTENCE);
		await page.getByText('Data table (6 rows)').click({ timeout: WAIT_MS });
		expect(await timelineRows(page)).toEqual(expected);

		// Students only leaves the mentor out of the members counted, not out of the chat: no "name the mentor" advice.
		await page.getByRole('tab', { name: 'Mentor & peers' }).click();
		await expect.poll(() => page.getByTestId('roles-note').textContent(), { timeout: WAIT_MS }).toMatch(/^\s*The filter leaves the mentor out/);
		await page.getByRole('tab', { name: 'Timeline' }).click();

		await page.getByTestId('filter-clear').click();
		await expect.poll(() => page.getByTestId('filter-summary').textContent(), { timeout: WAIT_MS }).toBe('All counted messages');
		expect(new URL(page.url()).search).toBe('?view=timeline');

		// Members by keyboard alone: type, move down the list, Enter chooses, Escape closes it.
		await page.getByTestId('filter-toggle').click();
		const search = page.getByTestId('filter-member-search');
		await search.focus();
		await page.keyboard.type('S0');
		await page.keyboard.press('ArrowDown');
		expect(await search.getAttribute('aria-activedescendant')).toBe('filter-member-1');
		await page.keyboard.press('Enter');
		expect(await page.getByRole('option', { name: /^S02/ }).getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('Escape');
		expect(await search.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => page.getByTestId('filter-summary').textContent(), { timeout: WAIT_MS }).toBe('Filtered: S02.');
		expect(new URL(page.url()).searchParams.getAll('author')).toEqual(['S02']);
		await page.close();
	}, 600_000);

	it('leaves out what an address holds that cannot be read or is not in the dataset, and says so', async () => {
		const page = await session.newPage();
		await page.goto(`${session.url}/?view=timeline&from=2021-02-30&role=boss&role=student`);
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: WAIT_MS });
		await settled(page);
		const notice = (await page.getByTestId('notice').textContent())!;
		expect(notice).toContain('from: “2021-02-30” is not a date (YYYY-MM-DD).');
		expect(notice).toContain('role “boss” is not in this dataset');
		expect(await page.getByTestId('filter-summary').textContent()).toBe('Filtered: students only.');
		expect(new URL(page.url()).search).toBe('?view=timeline&role=student');
		await page.close();
	}, 600_000);
});
