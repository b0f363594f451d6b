import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatsappChatZip } from '../../bench/whatsapp-chat-zip';
import { whatsapp } from '../../src/lib/ingest/formats/whatsapp';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;
let folder: string;
let big_zip: string;
let small_zip: string;
let small_messages: number;

beforeAll(async () => {
	session = await openBrowser();
	folder = mkdtempSync(join(tmpdir(), 'resonance-cancel-zip-'));
	// ~15 MB packed, ~64 MB of chat text, ~740,000 messages: parsing takes several seconds.
	big_zip = join(folder, 'WhatsApp Chat - big study group.zip');
	writeFileSync(big_zip, whatsappChatZip(15 * 1024 * 1024));
	small_zip = join(folder, 'WhatsApp Chat - small study group.zip');
	const small = whatsappChatZip(100 * 1024, 2);
	writeFileSync(small_zip, small);
	small_messages = whatsapp.parse({ name: 'small.zip', bytes: small }, { time_zone: 'UTC' }).messages.length;
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

/** Runs in the page: notes (Date.now()) when Escape reaches it and when the "cancelled" notice appears. */
function watchCancel() {
	const timing = { keydown_at: 0, cancelled_at: 0 };
	(window as unknown as { cancel_timing: typeof timing }).cancel_timing = timing;
	window.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !timing.keydown_at) timing.keydown_at = Date.now();
	}, { capture: true });
	new MutationObserver(() => {
		if (!timing.cancelled_at && document.querySelector('[data-testid=notice]')?.textContent?.includes('was cancelled')) timing.cancelled_at = Date.now();
	}).observe(document.body, { subtree: true, childList: true, characterData: true });
}

describe('a zipped export is unpacked and parsed off the page', () => {
	it('says it is unpacking a 15 MB WhatsApp zip, cancels on Escape, and brings the sample back; a small zip then loads whole', { timeout: 300_000 }, async () => {
		const page = await session.newPage();
		await page.goto(`${session.url}/`);
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('the sample community');
		await settled(page);
		const total = page.getByTestId('total-messages');
		expect(await total.textContent()).toBe('9,065');
		const parse_workers = () => page.workers().filter((worker) => worker.url().includes('parse-export')).length;

		await page.evaluate(watchCancel);
		await page.getByTestId('file-input').setInputFiles(big_zip);
		// The page answers while the worker unpacks: the progress line changes and the button can be read.
		await expect.poll(() => page.getByTestId('progress').textContent(), { timeout: 30_000 }).toMatch(/Unpacking WhatsApp Chat - big study group\.zip…|Reading messages…/);
		expect(parse_workers()).toBe(1);
		const pressed_at = Date.now();
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('Loading WhatsApp Chat - big study group.zip was cancelled.');
		const { keydown_at, cancelled_at } = await page.evaluate(() => (window as unknown as { cancel_timing: { keydown_at: number; cancelled_at: number } }).cancel_timing);
		console.info(`Escape pressed → keydown handled on the page: ${keydown_at - pressed_at} ms; → "cancelled" shown: ${cancelled_at - pressed_at} ms`);
		await settled(page);
		await expect.poll(parse_workers).toBe(0);
		expect(await page.getByTestId('dataset-label').textContent()).toContain('Exploring the sample community');
		expect(await total.textContent()).toBe('9,065');
		expect(await page.getByRole('alert').count()).toBe(0);

		await page.getByTestId('file-input').setInputFiles(small_zip);
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 60_000 }).toContain('WhatsApp Chat - small study group.zip');
		await settled(page);
		expect(await total.textContent()).toBe(small_messages.toLocaleString('en'));
		await expect.poll(parse_workers).toBe(0);
		expect(session.offOrigin).toEqual([]);
		await page.close();
	});
});
