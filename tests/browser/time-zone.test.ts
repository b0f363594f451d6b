import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { sampleMessageRows } from '../../src/lib/sample/sample-message-rows';
import { sampleQqTxt } from '../../src/lib/sample/sample-qq-txt';
import { sampleWechatCsv } from '../../src/lib/sample/sample-wechat-csv';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

/** Opens the dashboard with the browser's clock in `timezoneId` and drops one file on it. */
async function openFile(timezoneId: string, name: string, text: string): Promise<Page> {
	const page = await session.newPage({ timezoneId });
	await page.goto(`${session.url}/?view=timeline`);
	await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: 240_000 });
	await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
	await page.getByText(`Exploring ${name}`).waitFor({ timeout: 240_000 });
	await page.waitForFunction(
		() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]') && !document.querySelector('[data-testid=words-progress]'),
		null,
		{ timeout: 240_000 }
	);
	return page;
}

/** The timeline's tidy CSV, as its "Data (CSV)" button downloads it. */
async function timelineCsv(page: Page): Promise<string> {
	const panel = page.locator('figure.figure-panel').first();
	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Data (CSV)' }).click()]);
	return readFileSync((await download.path())!, 'utf8');
}

const WALL_CLOCK_CSV = ['timestamp,author,text', '2021-03-01 09:00,Ann,hello', '2021-03-01 09:05,Ben,hi', '2021-03-31 23:30,Ann,late'].join('\n');

describe('the time zone is the browser’s, shown where the numbers are, and one click changes it', { timeout: 600_000 }, () => {
	it('a file is read in the browser’s zone, the import report and the caption say so, and Change… reads it again in another zone', async () => {
		const page = await openFile('Europe/Berlin', 'wall-clock_3-messages_march-2021.csv', WALL_CLOCK_CSV);
		expect(await page.locator('figure.figure-panel figcaption').first().textContent()).toContain('Times in Europe/Berlin.');
		await page.getByRole('tab', { name: 'Data' }).click();
		const zone = page.getByTestId('time-zone');
		expect((await zone.locator('p').first().textContent())?.replace(/\s+/g, ' ')).toContain("Times read in Europe/Berlin (your browser's zone)");
		expect(await page.locator('.report').first().textContent()).toContain('(Europe/Berlin)');

		await zone.getByRole('button', { name: 'Change…' }).click();
		await zone.getByLabel("Time zone of the export's clock").selectOption('');
		await zone.getByLabel('IANA name or offset').fill('Mars/Olympus');
		await zone.getByRole('button', { name: 'Read the times in this zone' }).click();
		expect(await zone.getByLabel('IANA name or offset').getAttribute('aria-invalid')).toBe('true');
		expect(await zone.locator('.problem').textContent()).toContain('“Mars/Olympus” is not a time zone');
		await zone.getByLabel("Time zone of the export's clock").selectOption('Asia/Shanghai');
		await page.screenshot({ path: '/tmp/settings-tz-import-report-zone.png', fullPage: true });
		await zone.getByRole('button', { name: 'Read the times in this zone' }).click();
		await expect.poll(() => page.getByTestId('time-zone-name').textContent(), { timeout: 240_000 }).toBe('Asia/Shanghai');
		expect((await zone.locator('p').first().textContent())?.replace(/\s+/g, ' ')).toContain('chosen for this dataset');
		await expect.poll(() => page.locator('.report').first().textContent(), { timeout: 240_000 }).toContain('(Asia/Shanghai)');
		await page.getByRole('tab', { name: 'Timeline' }).click();
		await expect.poll(() => page.locator('figure.figure-panel figcaption').first().textContent(), { timeout: 240_000 }).toContain('Times in Asia/Shanghai.');
		await page.close();
	});

	it('the sample community keeps its own zone whatever the browser’s', async () => {
		const page = await session.newPage({ timezoneId: 'America/New_York' });
		await page.goto(`${session.url}/?view=data`);
		await page.getByTestId('time-zone-name').waitFor({ timeout: 240_000 });
		expect((await page.getByTestId('time-zone').locator('p').first().textContent())?.replace(/\s+/g, ' ')).toContain("Times read in Asia/Shanghai (the sample community's zone)");
		await page.close();
	});

	it('with the browser in Asia/Shanghai, the QQ TXT (wall clock) and the WeChatMsg CSV (epoch seconds) of one group draw the same timeline', async () => {
		const rows = sampleMessageRows(generateSampleCommunity().csv);
		const qq = await openFile('Asia/Shanghai', 'sample-community_qq-message-manager.txt', sampleQqTxt(rows));
		const qq_csv = await timelineCsv(qq);
		await qq.screenshot({ path: '/tmp/settings-tz-timeline-qq.png', fullPage: false });
		await qq.close();
		const wechat = await openFile('Asia/Shanghai', 'sample-community_wechatmsg.csv', sampleWechatCsv(rows));
		const wechat_csv = await timelineCsv(wechat);
		await wechat.screenshot({ path: '/tmp/settings-tz-timeline-wechat.png', fullPage: false });
		await wechat.close();
		const lines = qq_csv.trim().split(/\r?\n/);
		expect(lines.length).toBe(27);
		expect(lines[1]).toMatch(/^2020-09/);
		expect(wechat_csv).toBe(qq_csv);
	});
});
