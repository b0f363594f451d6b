import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { parseRoster } from '../../src/lib/ingest/members/parse-roster';
import { analyzeDataset, type CompleteAnalysis } from '../../src/lib/metrics/analyze-dataset';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let session: BrowserSession;
// The reference: the sample analysed by the same code on Node's DuckDB, as the browser loads it (roster and settings included).
let expected: CompleteAnalysis;

beforeAll(async () => {
	const db = await createNodeDb();
	try {
		const sample = generateSampleCommunity();
		const settings = parseAnalysisSettings(JSON.parse(JSON.stringify(sample.settings)));
		await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
			time_zone: settings.time_zone,
			roster: parseRoster(sample.roster_csv).entries
		});
		expected = await analyzeDataset(db, settings);
	} finally {
		await db.close();
	}
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

async function openResponse(): Promise<Page> {
	const page = await session.newPage();
	await page.goto(session.url + '/');
	await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
	await page.getByRole('tab', { name: 'Response' }).click();
	await page.getByTestId('response-table').waitFor({ timeout: 90_000 });
	return page;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
const minutes = (value: number | null) => (value === null ? '—' : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en'));

describe('the Response view on the sample community', () => {
	it('shows the first month’s questions, answered share with its interval and minutes to the first reply as responseTimes computes them', async () => {
		const page = await openResponse();
		expect(page.url()).toContain('view=response');
		const first = expected.links.response.monthly[0];
		expect(first.questions).toBeGreaterThan(0);
		const cells = await page.getByTestId('response-table').locator('tbody tr').first().locator('th, td').allTextContents();
		expect(cells).toEqual([
			first.month,
			first.questions.toLocaleString('en'),
			first.replied.toLocaleString('en'),
			`${percent(first.replied_share!)} (${Math.round(first.replied_share_ci![0] * 100)}–${percent(first.replied_share_ci![1])})`,
			minutes(first.median_minutes_to_first_reply),
			minutes(first.p90_minutes_to_first_reply)
		]);
		expect(await page.getByTestId('response-table').locator('tbody tr').count()).toBe(expected.links.response.monthly.length);
		const { newcomers } = expected.links.response;
		expect((await page.getByTestId('newcomers').textContent())?.replace(/\s+/g, ' ')).toBe(
			`Newcomers: ${newcomers.count} members wrote a first message; ${newcomers.replied} of them got a reply within 24 h ` +
				`(${percent(newcomers.replied_share!)}, 95% CI ${Math.round(newcomers.replied_share_ci![0] * 100)}–${percent(newcomers.replied_share_ci![1])}), ` +
				`after a median of ${minutes(newcomers.median_minutes_to_first_reply)} minutes among those answered.`
		);
		await page.close();
	});

	it('lists the unanswered questions newest first, 50 at a time, as text', async () => {
		const page = await openResponse();
		const { unanswered } = expected.links.response;
		expect(unanswered.length).toBeGreaterThan(50);
		const items = page.getByTestId('unanswered').locator('li');
		expect(await items.count()).toBe(50);
		expect(await items.first().locator('.text').textContent()).toBe(unanswered[0].text);
		expect(await items.first().locator('time').textContent()).toBe(unanswered[0].sent_at.slice(0, 16));
		await page.getByTestId('show-more-unanswered').click();
		expect(await items.count()).toBe(Math.min(100, unanswered.length));
		expect(await items.nth(99).locator('.text').textContent()).toBe(unanswered[99].text);
		await page.close();
	});

	it('draws the week’s hours as 7 × 24 cells, reads a cell out from the keyboard, and switches to a stage', async () => {
		const page = await openResponse();
		const figure = page.getByTestId('figure-weekly-hours');
		expect(await figure.locator('svg > g:nth-of-type(2) > rect').count()).toBe(7 * 24);
		await figure.locator('svg').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('End');
		expect(await figure.locator('[aria-live]').textContent()).toBe(`Mon 23:00–24:00 · ${expected.hours.all[0][23]} messages`);
		await page.getByTestId('hours-stage').selectOption({ label: 'Interns' });
		const stage = page.getByTestId('figure-weekly-hours-stage-2');
		await stage.locator('svg').waitFor();
		expect(await stage.locator('svg > g:nth-of-type(2) > rect').count()).toBe(7 * 24);
		expect(await page.locator('figure', { has: stage }).locator('figcaption').textContent()).toContain('Stage: Interns.');
		await page.close();
	});

	it('has no axe-core violations', async () => {
		const page = await openResponse();
		await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]'), null, { timeout: 90_000 });
		await page.evaluate(AXE);
		const violations = await page.evaluate(async () => {
			const result = await (window as unknown as { axe: { run: (context: string) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run('#view-panel');
			return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
		});
		expect(violations).toEqual([]);
		await page.close();
	});

	it('says what counts as a question when a chat has none, and offers no stage choice without stages', async () => {
		const page = await session.newPage();
		await page.goto(session.url + '/?view=response');
		await page.getByTestId('response-table').waitFor({ timeout: 90_000 });
		const csv = ['timestamp,author,text', '2021-03-01 09:00,Ann,hello all', '2021-03-01 09:05,Bob,good morning', '2021-03-02 10:00,Ann,see you tomorrow.'].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'no-questions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const empty = page.getByTestId('no-questions');
		await empty.waitFor({ timeout: 90_000 });
		expect((await empty.textContent())?.replace(/\s+/g, ' ')).toContain('No questions found. Only messages that hold a question mark (? or ？) or end in 吗, 呢 or 么 count as questions');
		expect(await page.getByTestId('response-table').count()).toBe(0);
		expect(await page.getByTestId('figure-weekly-hours').locator('svg > g:nth-of-type(2) > rect').count()).toBe(7 * 24);
		expect(await page.getByTestId('hours-stage').count()).toBe(0);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});
});
