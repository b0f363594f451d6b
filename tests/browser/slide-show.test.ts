import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

/** Width of the slide's chart on screen, and its smallest text as drawn (font size times the scale the text is drawn at). */
function measureChart(page: Page) {
	return page.evaluate(() => {
		const svg = document.querySelector('[data-testid=slide-chart] svg')!;
		const sizes = [...svg.querySelectorAll('text')]
			.filter((text) => text.textContent!.trim() !== '')
			.map((text) => {
				const matrix = text.getScreenCTM()!;
				return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
			});
		return { width: svg.getBoundingClientRect().width, smallest_text: Math.min(...sizes), texts: sizes.length };
	});
}

describe('presentation mode, as a presenter uses it', () => {
	it('shows the sample one figure per 1920×1080 screen, pages with the arrow keys, stays on the slide after a reload and leaves on Esc', async () => {
		const page = await session.newPage({ viewport: { width: 1920, height: 1080 } } as never);
		await page.goto(`${session.url}/?present=1`);
		await page.getByTestId('slide-chart').locator('svg').waitFor({ timeout: 90_000 });
		const counter = page.getByTestId('slide-counter');
		expect(await counter.textContent()).toBe('1 / 13');
		expect(await page.getByTestId('slide-title').textContent()).toBe('Messages and likes per month');
		const chart = await measureChart(page);
		expect(chart.texts).toBeGreaterThan(20);
		expect(chart.width).toBeGreaterThanOrEqual(1600);
		expect(chart.smallest_text).toBeGreaterThanOrEqual(22);
		expect(await page.locator('button:visible, [role=tab]:visible, input:visible').count()).toBe(0);

		await page.keyboard.press('ArrowRight');
		await expect.poll(() => counter.textContent()).toBe('2 / 13');
		expect(new URL(page.url()).searchParams.get('slide')).toBe('2');
		expect(await page.getByTestId('slide-announcement').textContent()).toBe('Slide 2 of 13: Who answers whom: mentor ↔ student and student ↔ student, per month');
		await page.reload();
		await page.getByTestId('slide-chart').locator('svg').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('slide-counter').textContent()).toBe('2 / 13');

		await page.keyboard.press('Escape');
		await page.getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('slide-show').count()).toBe(0);
		const params = new URL(page.url()).searchParams;
		expect([params.has('present'), params.has('slide')]).toEqual([false, false]);
		await page.close();
	});

	it('asks for the file a presentation link names when this browser does not keep it, never the sample, and presents the file given', async () => {
		const page = await session.newPage({ viewport: { width: 1280, height: 720 } } as never);
		await page.goto(`${session.url}/?present=1&dataset=${encodeURIComponent('group-chat.csv:2048')}`);
		const needs = page.getByTestId('presentation-needs-file');
		await needs.waitFor({ timeout: 90_000 });
		expect(await needs.textContent()).toContain('This presentation needs the file group-chat.csv');
		expect(await page.getByTestId('slide-show').count()).toBe(0);

		const csv = ['timestamp,author,role,text', '2021-03-01 09:00,Ann,mentor,Welcome', '2021-03-01 09:05,Bob,student,Thanks Ann', '2021-04-02 10:00,Cy,student,Hello Bob'].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'group-chat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByTestId('slide-chart').locator('svg').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('slide-title').textContent()).toBe('Messages per week');
		expect(new URL(page.url()).searchParams.get('dataset')).toBe(`group-chat.csv:${Buffer.byteLength(csv)}`);
		await page.close();
	});

	it('presents a dataset kept in this browser from its link after a reload, in place of the sample', async () => {
		const page = await session.newPage({ viewport: { width: 1280, height: 720 } } as never);
		await page.goto(`${session.url}/?view=data`);
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 90_000 }).toContain('the sample community');
		await page.getByTestId('keep-dataset').check();
		const csv = ['timestamp,author,role,text', '2021-03-01 09:00,Ann,mentor,Welcome', '2021-03-01 09:05,Bob,student,Thanks Ann', '2021-04-02 10:00,Cy,student,Hello Bob'].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'kept-chat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => page.getByTestId('keep-status').textContent(), { timeout: 60_000 }).toMatch(/^Kept kept-chat\.csv/);
		await page.getByRole('button', { name: 'Present', exact: true }).click();
		await page.getByTestId('slide-chart').locator('svg').waitFor({ timeout: 60_000 });
		expect(new URL(page.url()).searchParams.get('dataset')).toBe(`kept-chat.csv:${Buffer.byteLength(csv)}`);
		await page.keyboard.press('End');
		const last = await page.getByTestId('slide-counter').textContent();
		await page.reload();
		await page.getByTestId('slide-chart').locator('svg').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('slide-counter').textContent()).toBe(last);
		await page.keyboard.press('Home');
		await expect.poll(() => page.getByTestId('slide-title').textContent()).toBe('Messages per week');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 30_000 }).toBe('Exploring kept-chat.csv');
		await page.getByTestId('wipe-kept').click();
		await page.close();
	});
});
