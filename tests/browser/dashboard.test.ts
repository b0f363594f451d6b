import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { ensureTables } from '../../src/lib/metrics/derived-tables';
import { SPACED_WORD_COUNT_SQL } from '../../src/lib/ingest/words/spaced-word-count-sql';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { sampleMonthlyCounts } from '../../src/lib/sample/sample-monthly-counts';
import { sampleSettings } from '../../src/lib/sample/sample-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/csv', name);
let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

async function openSample(): Promise<Page> {
	const page = await session.newPage();
	await page.goto(session.url + '/');
	await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
	return page;
}

describe('the dashboard in Chromium', () => {
	it('opens on the sample community and draws its monthly chart and table', async () => {
		const page = await openSample();
		const expected_total = sampleMonthlyCounts.reduce((sum, month) => sum + month.messages, 0);
		await expect.poll(() => page.getByTestId('total-messages').textContent()).toBe(expected_total.toLocaleString('en'));
		expect(await page.getByTestId('dataset-label').textContent()).toContain('Exploring the sample community');
		await page.getByText(`Data table (${sampleMonthlyCounts.length} rows)`).click();
		const march = page.locator('details.data tr', { hasText: '2021-03' });
		expect(await march.locator('td').nth(1).textContent()).toBe('788');
		await page.close();
	});

	it('counts the sample’s words in the background, in worker threads, as the page’s Intl.Segmenter counts each Chinese text', async () => {
		const page = await openSample();
		await page.waitForFunction(() => !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
		await page.getByText(`Data table (${sampleMonthlyCounts.length} rows)`).click();
		const table = page.locator('figure', { has: page.getByTestId('figure-monthly-activity') }).locator('details.data table');
		const header = await table.locator('thead th').allTextContents();
		expect(header).toContain('words');
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
		const in_workers = rows.map((cells) => ({ month: cells[header.indexOf('month')], words: Number(cells[header.indexOf('words')]?.replaceAll(',', '')) }));

		// The reference: texts in spaced scripts as counted in SQL (the same DuckDB in Node), and texts with Chinese
		// segmented one at a time by this browser's Intl.Segmenter. (Node's ICU segments some of them differently:
		// Chromium 156 splits "a.m." into two words, Node 20 keeps one, so the reference must come from the page.)
		const db = await createNodeDb();
		let texts: { month: string; text: string; words: number; unspaced: boolean }[];
		try {
			const sample = generateSampleCommunity();
			await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], { time_zone: sampleSettings.time_zone });
			await ensureTables(db, ['counted_messages']);
			texts = await db.query(`SELECT strftime(sent_at, '%Y-%m') AS month, text, words, (${SPACED_WORD_COUNT_SQL}) IS NULL AS unspaced FROM counted_messages`);
		} finally {
			await db.close();
		}
		expect(texts.filter((text) => text.unspaced).length).toBeGreaterThan(1000);
		const one_by_one = await page.evaluate((texts) => {
			const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
			const words = new Map<string, number>();
			for (const { month, text, words: spaced, unspaced } of texts) {
				let count = 0;
				if (unspaced) for (const segment of segmenter.segment(text)) count += segment.isWordLike ? 1 : 0;
				words.set(month, (words.get(month) ?? 0) + (unspaced ? count : spaced));
			}
			return [...words].sort(([a], [b]) => a.localeCompare(b)).map(([month, words]) => ({ month, words }));
		}, texts);
		expect(one_by_one.reduce((sum, month) => sum + month.words, 0)).toBeGreaterThan(100_000);
		expect(in_workers).toEqual(one_by_one);
		expect(await page.getByTestId('total-words').textContent()).toBe(one_by_one.reduce((sum, month) => sum + month.words, 0).toLocaleString('en'));
		await page.close();
	});

	it('loads a CSV through the file input: the chart, numbers and import report change', async () => {
		const page = await openSample();
		await page.getByTestId('file-input').setInputFiles(fixture('resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv'));
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('2');
		// 4 Jan to 1 Feb 2021 is 29 days: drawn by week, Monday first, the three weeks between kept at 0.
		expect(await page.getByText('Data table (5 rows)').count()).toBe(1);
		expect(await page.getByTestId('rows-imported').textContent()).toBe('2');
		expect(await page.getByTestId('rows-rejected').textContent()).toBe('6');
		await page.getByText('6 rejected rows').click();
		expect(await page.getByTestId('rejected-rows').locator('tbody tr').first().textContent()).toContain('timestamp "yesterday" is not a date and time');
		expect(await page.getByTestId('dataset-label').textContent()).toContain('resonance__6-bad-rows');
		await page.close();
	});

	it('keeps a file opened before the sample has arrived: the late sample does not replace it or its time zone', async () => {
		const page = await session.newPage({ timezoneId: 'Europe/Berlin' });
		let release = () => {};
		const sample_held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/sample/community.csv', async (route) => {
			await sample_held;
			await route.continue();
		});
		await page.goto(`${session.url}/?view=overview`);
		await page.getByTestId('file-input').setInputFiles(fixture('resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv'));
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('2');
		release();
		await page.waitForResponse('**/sample/community.csv');
		// Long enough for a sample load to begin (it would mark the page busy again); a pause here can only hide the bug, never fail the test falsely.
		await page.waitForTimeout(2_000);
		await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 60_000 });
		expect(await page.getByTestId('dataset-label').textContent()).toContain('resonance__6-bad-rows');
		expect(await page.getByTestId('total-messages').textContent()).toBe('2');
		expect(await page.locator('figure.figure-panel figcaption').first().textContent()).toContain('Times in Europe/Berlin.');
		await page.close();
	});

	it('names members whose names look the same in the import report, with what tells them apart', async () => {
		const page = await openSample();
		const csv = 'message_id,timestamp,author,text\n1,2021-01-01 10:00,Budi Santoso,hi\n2,2021-01-01 10:01,Budi\u200b Santoso,hello\n3,2021-01-01 10:02,Ann,ok\n';
		await page.getByTestId('file-input').setInputFiles({ name: 'look-alike-names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('3');
		expect(await page.getByTestId('look-alike-names').textContent()).toContain('Budi Santoso (id Budi Santoso) · Budi⟨U+200B⟩ Santoso (id Budi\u200b Santoso)');
		await page.close();
	});

	it('asks for a column mapping for any other CSV, then imports with it', async () => {
		const page = await openSample();
		await page.getByTestId('file-input').setInputFiles(fixture('mapped__date-sender-message_offsets_epochs.csv'));
		const dialog = page.getByRole('dialog');
		await dialog.waitFor();
		expect(await dialog.locator('tbody tr').count()).toBe(4);
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('4');
		await page.close();
	});

	it('explains a file it cannot read and keeps the previous chart', async () => {
		const page = await openSample();
		await page.getByTestId('file-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 253]) });
		await page.getByRole('alert').waitFor({ timeout: 30_000 });
		expect(await page.getByRole('alert').textContent()).toMatch(/not (valid|a text)/);
		expect(await page.getByTestId('total-messages').textContent()).toBe('9,065');
		await page.close();
	});

	it('made no request off the page origin in any of the above', () => {
		expect(session.offOrigin).toEqual([]);
	});
});
