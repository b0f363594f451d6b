import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { memberLabel } from '../../src/lib/charts/member-label';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { parseRoster } from '../../src/lib/ingest/members/parse-roster';
import { countMatchingMessages } from '../../src/lib/metrics/search/count-matching-messages';
import { matchingMessages } from '../../src/lib/metrics/search/matching-messages';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let session: BrowserSession;
// The sample as the page loads it (its roster and settings), in Node's DuckDB: the reference for every count.
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

/** The sample open on a view, every metric computed and the links found. */
async function openSample(view: string): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=${view}`);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
	return page;
}

const messages = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'message' : 'messages'}`;

describe('the messages behind a number', () => {
	it('searching a Chinese word lists its messages, the count the same as Node DuckDB gives, the word marked, no serious axe-core violation', async () => {
		const page = await openSample('overview');
		const expected = await countMatchingMessages(db, { query: '考试' });
		expect(expected).toBeGreaterThan(100);
		await page.getByRole('searchbox', { name: 'Search messages' }).fill('考试');
		await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
		const panel = page.getByRole('dialog', { name: /考试/ });
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(`“考试” · ${messages(expected)}`);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('messages-heading');
		const rows = panel.getByTestId('message-row');
		await rows.first().waitFor();
		expect(await rows.first().locator('mark').first().textContent()).toBe('考试');
		const first = (await matchingMessages(db, { query: '考试' }, { limit: 1 }))[0];
		expect(await rows.first().locator('.text').textContent()).toBe(first.text);
		await page.evaluate(AXE);
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: (context: string) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
			return (await axe.run('[data-testid=messages-panel]')).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
		});
		expect(violations).toEqual([]);
		await page.close();
	});

	it('keeps only the rows in view in the page: the list scrolls the height of every match, End shows the last one and the middle holds the match of its position, as Node DuckDB orders them', async () => {
		const page = await openSample('overview');
		const total = await countMatchingMessages(db, { query: 'the' });
		expect(total).toBeGreaterThan(2000);
		await page.getByRole('searchbox', { name: 'Search messages' }).fill('the');
		await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
		const panel = page.getByRole('dialog', { name: /“the”/ });
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(`“the” · ${messages(total)}`);
		const list = panel.getByTestId('message-rows');
		const rows = list.getByTestId('message-row');
		await rows.first().waitFor();
		const rendered = () => list.locator('li').count();
		expect(await rendered()).toBeLessThan(60);
		expect(await list.evaluate((element) => element.scrollHeight)).toBeGreaterThan(total * 40);

		// From the heading: the close button, Draw the trend, then the list.
		for (let press = 0; press < 3; press++) await page.keyboard.press('Tab');
		expect(await list.evaluate((element) => element === document.activeElement)).toBe(true);
		await page.keyboard.press('End');
		const [last] = await matchingMessages(db, { query: 'the' }, { limit: 1, offset: total - 1 });
		await expect.poll(() => rows.last().locator('.text').textContent(), { timeout: 30_000 }).toBe(last.text);
		expect(await rows.last().getAttribute('aria-posinset')).toBe(String(total));
		await expect
			.poll(() => list.evaluate((element) => element.querySelector('li:last-child')!.getBoundingClientRect().bottom - element.getBoundingClientRect().bottom))
			.toBeLessThanOrEqual(1);
		expect(await rendered()).toBeLessThan(60);

		await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
		const middle = () =>
			list.evaluate((element) => {
				const box = element.getBoundingClientRect();
				const row = document.elementFromPoint(box.left + 40, box.top + box.height / 2)?.closest<HTMLElement>('li[data-loaded]');
				return row ? { index: Number(row.dataset.index), text: row.querySelector('.text')!.textContent } : null;
			});
		await expect.poll(middle, { timeout: 30_000 }).not.toBeNull();
		const shown = (await middle())!;
		expect(shown.index).toBeGreaterThan(total * 0.4);
		expect(shown.index).toBeLessThan(total * 0.6);
		const [expected] = await matchingMessages(db, { query: 'the' }, { limit: 1, offset: shown.index });
		expect(shown.text).toBe(expected.text);

		await page.keyboard.press('Home');
		await expect.poll(() => rows.first().getAttribute('aria-posinset'), { timeout: 30_000 }).toBe('1');
		expect(await list.evaluate((element) => element.scrollTop)).toBe(0);
		await page.close();
	});

	it('opens a month of the timeline with the keyboard, shows its first message with its parent, and Escape gives the focus back to the chart', async () => {
		const page = await openSample('timeline');
		const chart = page.getByTestId('figure-monthly-activity').locator('svg[tabindex]');
		await chart.focus();
		await chart.press('Home');
		await chart.press('ArrowRight');
		await chart.press('Enter');
		const [first] = await matchingMessages(db, { month: '2020-10' }, { limit: 1 });
		const panel = page.getByRole('dialog', { name: /Oct 2020/ });
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(
			`Oct 2020 · ${messages(await countMatchingMessages(db, { month: '2020-10' }))}`
		);
		const row = panel.getByTestId('message-row').first();
		await row.waitFor();
		expect(await row.locator('time').textContent()).toBe(first.timestamp.slice(0, 16));
		expect(await row.locator('.author').textContent()).toBe(memberLabel(first.author));
		expect(await row.locator('.role').textContent()).toBe(first.role ?? 'no role');
		expect(await row.locator('.text').textContent()).toBe(first.text);
		const parent = first.rule === 'none' || first.rule === 'continuation' ? null : memberLabel(first.parent_author!);
		expect(await row.locator('.parent').count()).toBe(first.rule === 'none' ? 0 : 1);
		if (parent) expect(await row.locator('.parent').textContent()).toContain(`answers ${parent}`);
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=figure-monthly-activity]') !== null && document.activeElement?.tagName)).toBe('svg');
		await page.close();
	});

	it('opens a week of the weekly timeline with a click: its Monday to Sunday', async () => {
		const page = await openSample('timeline');
		await page.getByRole('radio', { name: 'Weekly' }).click();
		const chart = page.getByTestId('figure-weekly-activity').locator('svg[tabindex]');
		await chart.waitFor({ timeout: 60_000 });
		const box = (await chart.locator('rect[fill=transparent]').nth(10).boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const panel = page.getByRole('dialog');
		const header = panel.getByTestId('messages-header');
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toMatch(/^Week of \d+ \w{3} \d{4} · [\d,]+ messages?$/);
		const monday = new Date(`${(await header.textContent())!.replace(/^Week of (.*) · .*$/, '$1')} UTC`);
		const day = (date: Date) => date.toISOString().slice(0, 10);
		const sunday = new Date(monday.getTime() + 6 * 86_400_000);
		expect(monday.getUTCDay()).toBe(1);
		expect(await header.textContent()).toContain(`· ${messages(await countMatchingMessages(db, { from: day(monday), to: day(sunday) }))}`);
		await page.close();
	});

	it('opens a member’s messages from their profile, opened from the name in the Members tables; the close button gives the focus back to the name', async () => {
		const page = await openSample('members');
		const name = page.getByTestId('recently-quiet').locator('tbody th button').first();
		const author = (await name.textContent())!;
		await name.click();
		const panel = page.getByRole('dialog');
		await panel.getByTestId('profile-show-messages').click({ timeout: 60_000 });
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(
			`Member ${author} · ${messages(await countMatchingMessages(db, { member: author }))}`
		);
		expect(new Set(await panel.locator('[data-testid=message-row] .author').allTextContents())).toEqual(new Set([author]));
		await panel.getByRole('button', { name: 'Close the messages' }).click();
		await panel.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(author);
		await page.close();
	});

	it('shows markup in a message as text, the searched word marked inside it', async () => {
		const page = await openSample('overview');
		const csv = ['timestamp,author,text', '2021-03-01 09:00,Ann,"<img src=x onerror=""window.hacked=1""> <b>bold</b>"', '2021-03-01 09:05,Bob,plain words'].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'markup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('2');
		await page.getByRole('searchbox', { name: 'Search messages' }).fill('onerror');
		await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
		const panel = page.getByRole('dialog');
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe('“onerror” · 1 message');
		const text = panel.getByTestId('message-row').locator('.text');
		expect(await text.textContent()).toBe('<img src=x onerror="window.hacked=1"> <b>bold</b>');
		expect(await text.locator('mark').allTextContents()).toEqual(['onerror']);
		expect(await panel.locator('img, b').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});

	it('says why a regular expression cannot run', async () => {
		const page = await openSample('overview');
		await page.getByRole('checkbox', { name: 'regex' }).check();
		await page.getByRole('searchbox', { name: 'Search messages' }).fill('考(试');
		await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
		const alert = page.getByRole('dialog').getByRole('alert');
		await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toContain('invalid regular expression /考(试/: missing )');
		await page.close();
	});
});
