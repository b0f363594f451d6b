import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './open-browser';

const SMALL_CSV = resolve(import.meta.dirname, '../fixtures/csv', 'resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv');
const MAPPED_CSV = resolve(import.meta.dirname, '../fixtures/csv', 'mapped__date-sender-message_offsets_epochs.csv');
const KEPT_SMALL = /^Kept resonance__6-bad-rows\S+ \(1 KB\) in this browser: a reload reopens it without the file\.$/;
let session: BrowserSession;
let folder: string;

/** A Resonance CSV of `rows` messages, about 60 bytes each. */
function communityCsv(name: string, rows: number): string {
	const lines = ['timestamp,author,role,text'];
	for (let index = 0; index < rows; index++) {
		const minute = new Date(Date.UTC(2021, 0, 1) + index * 60_000).toISOString().slice(0, 19).replace('T', ' ');
		lines.push(`${minute},member${index % 41},student,message ${index} about this week's task`);
	}
	const path = join(folder, name);
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

beforeAll(async () => {
	session = await openBrowser();
	folder = mkdtempSync(join(tmpdir(), 'resonance-kept-data-'));
});
afterAll(async () => {
	await session?.close();
	if (folder) rmSync(folder, { recursive: true, force: true });
});

async function settled(page: Page) {
	await page.waitForFunction(
		() => !document.querySelector('[data-testid=progress]') && !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'),
		null,
		{ timeout: 120_000 }
	);
}

async function openSample(page: Page) {
	await page.goto(`${session.url}/?view=data`);
	await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 120_000 }).toContain('the sample community');
	await settled(page);
}

async function keepSmallDataset(page: Page) {
	await page.getByTestId('keep-dataset').check();
	await page.getByTestId('file-input').setInputFiles(SMALL_CSV);
	await expect.poll(() => page.getByTestId('keep-status').textContent(), { timeout: 60_000 }).toMatch(KEPT_SMALL);
}

/** The names in the private folder the dataset is kept in, and the files its manifest names. */
async function keptFiles(page: Page): Promise<{ names: string[]; named: string[] }> {
	return page.evaluate(async () => {
		const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('resonance-kept');
		const names: string[] = [];
		for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		const manifest = JSON.parse(await (await (await folder.getFileHandle('manifest.json')).getFile()).text());
		return { names: names.sort(), named: ['manifest.json', ...(manifest.dataset?.files ?? []).map((file: { stored_as: string }) => file.stored_as)].sort() };
	});
}

describe('kept data is never lost', () => {
	it('a reload while a new copy is being written reopens the copy kept before, keeps the opt-in, and leaves no orphan file', { timeout: 600_000 }, async () => {
		const big = communityCsv('big-community.csv', 1_500_000);
		const page = await session.newPage();
		await openSample(page);
		await keepSmallDataset(page);
		await page.getByTestId('file-input').setInputFiles(big);
		await page.waitForFunction(() => document.querySelector('[data-testid=keep-status]')?.textContent?.startsWith('Keeping big-community.csv'), null, {
			timeout: 300_000,
			polling: 'raf'
		});
		await page.reload();

		await expect.poll(() => page.getByTestId('reopened').textContent(), { timeout: 120_000 }).toMatch(/Reopened resonance__6-bad-rows\S+ kept in this browser/);
		expect(await page.getByTestId('rows-imported').textContent()).toBe('2');
		expect(await page.getByTestId('keep-dataset').isChecked()).toBe(true);
		const { names, named } = await keptFiles(page);
		expect(names).toEqual(named);
		await page.getByTestId('wipe-kept').click();
		await page.close();
	});

	it('a full disk keeps the copy kept before: the new dataset is refused with a reason, and a reload reopens the old one', { timeout: 300_000 }, async () => {
		const page = await session.newPage();
		await openSample(page);
		await keepSmallDataset(page);
		const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin: session.url, quotaSize: usage + 256 * 1024 });
		await page.getByTestId('file-input').setInputFiles(communityCsv('too-big-to-keep.csv', 40_000));
		await expect
			.poll(() => page.getByTestId('keep-status').textContent(), { timeout: 120_000 })
			.toMatch(/^too-big-to-keep\.csv could not be kept in this browser \(.+\); resonance__6-bad-rows\S+, kept before, is still kept\.$/);
		expect(await page.getByTestId('keep-usage').textContent()).toContain('Kept now: resonance__6-bad-rows');

		await page.reload();
		await expect.poll(() => page.getByTestId('reopened').textContent(), { timeout: 120_000 }).toMatch(/Reopened resonance__6-bad-rows\S+ kept in this browser/);
		const { names, named } = await keptFiles(page);
		expect(names).toEqual(named);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin: session.url });
		await page.getByTestId('wipe-kept').click();
		await page.close();
	});

	it('two tabs: each says what is really kept, and a tab showing a reopened dataset keeps working when the other replaces it', { timeout: 600_000 }, async () => {
		const first = await session.newPage();
		await openSample(first);
		await keepSmallDataset(first);
		await first.reload();
		await expect.poll(() => first.getByTestId('reopened').textContent(), { timeout: 120_000 }).toMatch(/Reopened resonance__6-bad-rows/);
		await settled(first);

		const second = await first.context().newPage();
		await second.goto(`${session.url}/?view=data`);
		await expect.poll(() => second.getByTestId('dataset-label').textContent(), { timeout: 120_000 }).toContain('resonance__6-bad-rows');
		await settled(second);
		await second.getByTestId('file-input').setInputFiles(MAPPED_CSV);
		await second.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => second.getByTestId('keep-status').textContent(), { timeout: 60_000 }).toMatch(/^Kept mapped__date-sender-message/);

		await expect.poll(() => first.getByTestId('keep-usage').textContent(), { timeout: 30_000 }).toContain('Kept now: mapped__date-sender-message');
		expect(await first.getByTestId('keep-status').textContent()).toMatch(/Another tab keeps mapped__date-sender-message\S+ in this browser now, in place of resonance__6-bad-rows/);

		// a new time zone reads the reopened files again: they must still be there
		await first.getByRole('tab', { name: 'Settings' }).click();
		const zone = first.getByTestId('time-zone');
		await zone.getByRole('button', { name: 'Change…' }).click();
		await zone.getByLabel("Time zone of the export's clock").selectOption('');
		await zone.getByLabel('IANA name or offset').fill('+08:00');
		await zone.getByRole('button', { name: 'Read the times in this zone' }).click();
		await expect.poll(() => first.getByTestId('time-zone-name').textContent(), { timeout: 60_000 }).toBe('+08:00');
		await settled(first);
		await first.getByRole('tab', { name: 'Data' }).click();
		await expect.poll(() => first.getByTestId('rows-imported').textContent(), { timeout: 60_000 }).toBe('2');
		expect(await first.getByRole('alert').count()).toBe(0);
		expect(await first.getByTestId('dataset-label').textContent()).toContain('resonance__6-bad-rows');
		await first.close();
		await second.getByTestId('wipe-kept').click();
		await second.close();
	});
});
