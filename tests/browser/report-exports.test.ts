import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;
let page: Page;
const dir = mkdtempSync(resolve(tmpdir(), 'resonance-report-exports-'));
let downloads = 0;

beforeAll(async () => {
	session = await openBrowser();
	page = await session.newPage();
	await page.goto(session.url + '/');
	await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[data-testid=links-progress]') && !document.querySelector('[aria-busy=true]'), null, { timeout: 90_000 });
});
afterAll(async () => {
	await session?.close();
	if (!process.env.KEEP_REPORT_EXPORTS) rmSync(dir, { recursive: true, force: true });
});

/** Presses Enter on the focused button, as a keyboard user would, and keeps the file it downloads. */
async function downloadByKeyboard(testid: string): Promise<{ name: string; path: string }> {
	await page.getByTestId(testid).focus();
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
	// Numbered: the report is saved twice under the same name.
	const path = resolve(dir, `${++downloads}-${download.suggestedFilename()}`);
	copyFileSync((await download.path())!, path);
	return { name: download.suggestedFilename(), path };
}

describe('Export all figures and Share as a report', () => {
	it('saves one zip with README, settings and every figure as SVG, 2× PNG and CSV', async () => {
		const { name, path } = await downloadByKeyboard('export-all-figures');
		expect(name).toBe('resonance-figures.zip');
		const files = unzipSync(readFileSync(path));
		const names = Object.keys(files);
		expect(names.slice(0, 5)).toEqual(['README.md', 'settings.json', '01-monthly-activity.svg', '01-monthly-activity@2x.png', '01-monthly-activity.csv']);
		expect(names).toContain('13-participation-inequality@2x.png');
		expect(names).toHaveLength(2 + 13 * 3);
		const png = Buffer.from(files['01-monthly-activity@2x.png']);
		expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1120]);
		const readme = Buffer.from(files['README.md']).toString('utf8');
		expect(readme).toContain('# Figures of the sample community\n\n- Dataset: the sample community\n- Months: 2020-09 – 2022-10\n');
		expect(readme).toContain('Each figure comes as an SVG, a PNG at twice the size (@2x) and its data as CSV (UTF-8)');
		expect(await page.getByTestId('report-exports-status').textContent()).toContain('Saved resonance-figures.zip: 13 figures with their data.');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-all-figures');
	});

	it('says which figure failed when a PNG cannot be drawn, and saves nothing', async () => {
		await page.evaluate(() => {
			const original = HTMLCanvasElement.prototype.toBlob;
			(window as unknown as { restoreToBlob: () => void }).restoreToBlob = () => (HTMLCanvasElement.prototype.toBlob = original);
			HTMLCanvasElement.prototype.toBlob = (callback) => callback(null);
		});
		let downloaded = false;
		page.on('download', () => (downloaded = true));
		await page.getByTestId('export-all-figures').click();
		const alert = page.getByTestId('report-exports-error');
		await alert.waitFor({ timeout: 60_000 });
		expect(await alert.textContent()).toContain(
			'The export did not work: the PNG of “Messages and likes per month” could not be drawn (svgToPng: the canvas could not be encoded as PNG)'
		);
		expect(downloaded).toBe(false);
		await page.evaluate(() => (window as unknown as { restoreToBlob: () => void }).restoreToBlob());
		await alert.getByRole('button', { name: 'Dismiss' }).click();
		expect(await alert.count()).toBe(0);
	});

	it('saves a report without message text by default, and with the peaks’ messages when asked; the report asks for nothing when opened', async () => {
		const plain = await downloadByKeyboard('share-report');
		expect(plain.name).toBe('resonance-report.html');
		const html = readFileSync(plain.path, 'utf8');
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
		expect(html).toContain('<h3 id="monthly-activity-title">Messages and likes per month</h3>');
		expect(html).toContain('No message text is included.');
		expect(html).not.toContain('<h2>Messages</h2>');
		expect(html).not.toMatch(/<script/i);

		await page.getByTestId('report-include-messages').focus();
		await page.keyboard.press('Space');
		const with_text = await downloadByKeyboard('share-report');
		const full = readFileSync(with_text.path, 'utf8');
		expect(full).toContain('This report includes message text.');
		expect(full).toMatch(/<h3>Peak 2021-03: the first 20 of 788 messages<\/h3>/);
		expect(full.match(/<p class="message">/g)?.length).toBeGreaterThanOrEqual(20);
		expect(full).not.toMatch(/<script/i);

		const viewer = await session.newPage();
		const requests: string[] = [];
		viewer.on('request', (request) => requests.push(request.url()));
		const address = pathToFileURL(plain.path).href;
		await viewer.goto(address);
		expect(await viewer.locator('figure > svg').count()).toBe(13);
		expect(requests).toEqual([address]);
		await viewer.close();
	});
});
