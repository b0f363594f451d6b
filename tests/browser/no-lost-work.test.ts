import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './open-browser';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SMALL_CSV = resolve(import.meta.dirname, '../fixtures/csv', 'resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv');
const MAPPED_CSV = resolve(import.meta.dirname, '../fixtures/csv', 'mapped__date-sender-message_offsets_epochs.csv');
const BIG_ROWS = 1_000_000;
let session: BrowserSession;
let folder: string;
let big_csv: string;

beforeAll(async () => {
	session = await openBrowser();
	folder = mkdtempSync(join(tmpdir(), 'resonance-no-lost-work-'));
	big_csv = join(folder, 'big-community.csv');
	// A million messages (~70 MB): DuckDB and the metrics take several seconds on it, long enough to cancel.
	const lines = ['timestamp,author,role,text,likes'];
	for (let index = 0; index < BIG_ROWS; index++) {
		const day = new Date(Date.UTC(2021, 0, 1) + index * 60_000).toISOString().slice(0, 19).replace('T', ' ');
		lines.push(`${day},member${index % 97},${index % 97 === 0 ? 'mentor' : 'student'},message number ${index} about the week's task,${index % 5}`);
	}
	writeFileSync(big_csv, lines.join('\n') + '\n');
});
afterAll(async () => {
	await session?.close();
	if (folder) rmSync(folder, { recursive: true, force: true });
});

async function settled(page: Page) {
	await page.waitForFunction(
		() => !document.querySelector('[data-testid=progress]') && !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'),
		null,
		{ timeout: 90_000 }
	);
}

async function openSample(view = 'overview'): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=${view}`);
	await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('the sample community');
	await settled(page);
	return page;
}

describe('no lost work', () => {
	it('keeps a loaded CSV in the browser when asked: a reload reopens it without the file; wiping brings the sample back', { timeout: 300_000 }, async () => {
		const page = await openSample('data');
		const keep = page.getByTestId('keep-dataset');
		expect(await keep.isChecked()).toBe(false);
		expect(await page.getByTestId('keep-usage').textContent()).toMatch(/Nothing is kept in this browser\. This site uses [\d.]+ (KB|MB|GB) of the [\d.]+ (KB|MB|GB) this browser allows it\./);
		await keep.check();
		await expect.poll(() => page.getByTestId('keep-status').textContent()).toContain('The next dataset you open will be kept in this browser.');

		await page.getByTestId('file-input').setInputFiles(SMALL_CSV);
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 60_000 }).toContain('resonance__6-bad-rows');
		await expect
			.poll(() => page.getByTestId('keep-status').textContent(), { timeout: 30_000 })
			.toMatch(/^Kept resonance__6-bad-rows\S+ \(1 KB\) in this browser: a reload reopens it without the file\.$/);
		expect(await page.getByTestId('keep-usage').textContent()).toContain('Kept now: resonance__6-bad-rows');

		await page.reload();
		await expect.poll(() => page.getByTestId('reopened').textContent(), { timeout: 90_000 }).toMatch(/Reopened resonance__6-bad-rows\S+ kept in this browser\s*·\s*Forget it/);
		expect(await page.getByTestId('dataset-label').textContent()).toContain('resonance__6-bad-rows');
		expect(await page.getByTestId('rows-imported').textContent()).toBe('2');
		expect(await page.getByTestId('rows-rejected').textContent()).toBe('6');
		expect(await page.getByTestId('keep-dataset').isChecked()).toBe(true);
		await settled(page);

		await page.evaluate(AXE);
		const violations = await page.evaluate(async () => {
			const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
			return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
		});
		expect(violations).toEqual([]);

		await page.getByTestId('wipe-kept').click();
		await expect.poll(() => page.getByTestId('keep-status').textContent()).toMatch(/^Wiped: the files of resonance__6-bad-rows\S+ \(1 KB\) are no longer kept in this browser, and nothing new will be kept\.$/);
		expect(await page.getByTestId('keep-dataset').isChecked()).toBe(false);
		expect(await page.getByTestId('reopened').count()).toBe(0);

		await page.reload();
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('Exploring the sample community');
		expect(await page.getByTestId('reopened').count()).toBe(0);
		expect(await page.getByTestId('keep-dataset').isChecked()).toBe(false);
		expect(await page.getByTestId('keep-usage').textContent()).toContain('Nothing is kept in this browser.');
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});

	it('keeps a mapped CSV with its column mapping: the reload asks nothing; “Forget it” wipes it', { timeout: 300_000 }, async () => {
		const page = await openSample('data');
		await page.getByTestId('keep-dataset').check();
		await page.getByTestId('file-input').setInputFiles(MAPPED_CSV);
		await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => page.getByTestId('keep-status').textContent(), { timeout: 60_000 }).toMatch(/^Kept mapped__date-sender-message/);

		await page.reload();
		await expect.poll(() => page.getByTestId('reopened').textContent(), { timeout: 90_000 }).toContain('Reopened mapped__date-sender-message_offsets_epochs.csv kept in this browser');
		expect(await page.getByRole('dialog').count()).toBe(0);
		expect(await page.getByTestId('rows-imported').textContent()).toBe('4');
		await page.getByTestId('forget-kept').click();
		await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Wiped: the files of mapped__date-sender-message_offsets_epochs.csv');
		expect(await page.getByTestId('reopened').count()).toBe(0);

		await page.reload();
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('Exploring the sample community');
		expect(await page.getByTestId('keep-dataset').isChecked()).toBe(false);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});

	it('cancels a long load with the button and with Escape, keeps the sample on screen, and a later load still works', { timeout: 300_000 }, async () => {
		const page = await openSample();
		const total = page.getByTestId('total-messages');
		expect(await total.textContent()).toBe('9,065');

		// The one database worker; cancelling must end it (Playwright sees it close), not leave it reading.
		// (The word-count workers live only while words are being counted.)
		await expect.poll(() => page.workers().length).toBe(1);
		const [database_worker] = page.workers();
		expect(database_worker.url()).toContain('duckdb-browser');
		const worker_closed = new Promise<void>((resolve) => database_worker.on('close', () => resolve()));
		await page.getByTestId('file-input').setInputFiles(big_csv);
		await page.getByTestId('cancel-load').waitFor({ timeout: 30_000 });
		await expect.poll(() => page.getByTestId('progress').textContent(), { timeout: 30_000 }).toContain('Reading and checking rows');
		await page.getByTestId('cancel-load').click();
		await worker_closed;
		await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('Loading big-community.csv was cancelled.');
		await settled(page);
		await expect.poll(() => page.workers().length).toBe(1);
		expect(page.workers()[0].url()).toContain('duckdb-browser');
		expect(await page.getByTestId('dataset-label').textContent()).toContain('Exploring the sample community');
		expect(await total.textContent()).toBe('9,065');
		expect(await page.getByRole('alert').count()).toBe(0);

		await page.getByTestId('file-input').setInputFiles(big_csv);
		await page.getByTestId('cancel-load').waitFor({ timeout: 30_000 });
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('Loading big-community.csv was cancelled.');
		await settled(page);
		expect(await total.textContent()).toBe('9,065');

		await page.getByTestId('file-input').setInputFiles(SMALL_CSV);
		await expect.poll(() => total.textContent(), { timeout: 60_000 }).toBe('2');
		expect(await page.getByTestId('dataset-label').textContent()).toContain('resonance__6-bad-rows');
		expect(await page.getByTestId('notice').count()).toBe(0);
		await page.close();
	});

	it('loads a file without message text when asked, says so, and never shows words being counted', { timeout: 300_000 }, async () => {
		const page = await openSample('data');
		await page.evaluate(() => {
			const seen = window as unknown as { words_progress_seen: boolean };
			seen.words_progress_seen = false;
			new MutationObserver(() => {
				if (document.querySelector('[data-testid=words-progress]')) seen.words_progress_seen = true;
			}).observe(document.body, { childList: true, subtree: true });
		});
		await page.getByTestId('without-text').check();
		await page.getByTestId('file-input').setInputFiles(SMALL_CSV);
		await expect.poll(() => page.getByTestId('without-text-note').textContent(), { timeout: 60_000 }).toBe(
			'Loaded without message text: word counts are 0 and no @mention links are made.'
		);
		expect(await page.getByTestId('rows-imported').textContent()).toBe('2');
		await settled(page);
		expect(await page.evaluate(() => (window as unknown as { words_progress_seen: boolean }).words_progress_seen)).toBe(false);
		await page.close();
	});

	it('made no request off the page origin', () => {
		expect(session.offOrigin).toEqual([]);
	});
});
