import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './open-browser';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

async function openView(view: string): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=${view}`);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
	return page;
}

describe('the views, as a person uses them', () => {
	it('renaming a stage in Settings renames it in the stage table of Mentor & peers, and survives a reload', async () => {
		const page = await openView('settings');
		const name = page.getByLabel('Stage 1 name');
		await name.fill('Pre-clinical years');
		await name.press('Enter');
		await page.getByRole('tab', { name: 'Mentor & peers' }).click();
		const table = page.getByTestId('stage-table');
		await expect.poll(() => table.locator('tbody th').first().textContent(), { timeout: 60_000 }).toContain('Pre-clinical years');
		expect(page.url()).toContain('view=peers');
		await page.reload();
		await page.getByTestId('stage-table').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('stage-table').locator('tbody th').first().textContent()).toContain('Pre-clinical years');
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});

	it('gives a role in Settings to members whose ids are __proto__ and constructor, and takes it back with “unknown”', async () => {
		const page = await openView('overview');
		const csv = [
			'timestamp,author,text',
			'2021-03-01 09:00,__proto__,hello',
			'2021-03-01 09:05,constructor,hi',
			'2021-03-01 09:10,__proto__,how are you',
			'2021-03-02 10:00,Ann,good morning'
		].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'prototype-names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('4');
		await page.getByRole('tab', { name: 'Settings' }).click();
		const roleOf = (name: string) => page.getByLabel(`Role of ${name}`, { exact: true });
		// shown while no member is a mentor in the analysis, so it follows what DuckDB holds, not the select
		const noMentor = page.getByText('No member is a mentor yet');
		await noMentor.waitFor({ timeout: 60_000 });
		await roleOf('__proto__').selectOption('mentor');
		await noMentor.waitFor({ state: 'detached', timeout: 60_000 });
		await roleOf('constructor').selectOption('student');
		// read as text and parsed here: a structured copy could itself drop a __proto__ key
		const stored = async () =>
			(await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('resonance:settings:')).map(([, value]) => value)))
				.map((value) => JSON.parse(value).roles);
		await expect.poll(stored, { timeout: 60_000 }).toContainEqual(JSON.parse('{"__proto__": "mentor", "constructor": "student"}'));
		await roleOf('__proto__').selectOption('');
		await noMentor.waitFor({ timeout: 60_000 });
		await expect.poll(stored, { timeout: 60_000 }).toContainEqual({ constructor: 'student' });
		expect(await page.getByRole('alert').count()).toBe(0);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});

	it('exports the timeline as SVG (title, caption, XML) and as a 2× PNG', async () => {
		const page = await openView('timeline');
		const panel = page.locator('figure.figure-panel').first();
		const [svg_download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'SVG' }).click()]);
		expect(svg_download.suggestedFilename()).toBe('monthly-activity.svg');
		const svg = readFileSync((await svg_download.path())!, 'utf8');
		expect(svg.startsWith('<?xml')).toBe(true);
		expect(svg).toContain('Messages and likes per month');
		expect(svg).toContain('Times in Asia/Shanghai');
		const [png_download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '2×' }).click()]);
		expect(png_download.suggestedFilename()).toBe('monthly-activity@2x.png');
		const png = readFileSync((await png_download.path())!);
		expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1120]);
		await page.close();
	});

	it('explains why a month is a peak when the peak is chosen', async () => {
		const page = await openView('timeline');
		await page.getByRole('button', { name: '2021-03' }).click();
		expect(await page.getByTestId('peak-explanation').textContent()).toMatch(/2021-03.*788 messages.*peak/);
		await page.close();
	});

	it('has no serious or critical axe-core violations in any view', { timeout: 600_000 }, async () => {
		const serious: string[] = [];
		const page = await openView('overview');
		await page.evaluate(AXE);
		for (const view of ['Overview', 'Timeline', 'Mentor & peers', 'Response', 'Network', 'Members', 'Data', 'Settings']) {
			await page.getByRole('tab', { name: view }).click();
			await page.locator('#view-panel').waitFor();
			await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && document.getAnimations().length === 0);
			const violations = await page.evaluate(async () => {
				const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
				return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
			});
			for (const violation of violations) {
				if (violation.impact === 'serious' || violation.impact === 'critical') serious.push(`${view}: ${violation.id} (${violation.nodes})`);
			}
		}
		await page.close();
		expect(serious).toEqual([]);
	});

	it('lists the recently quiet most recent first and sorts them by the keyboard from the column headers', async () => {
		const page = await openView('members');
		const table = page.getByTestId('recently-quiet');
		const names = () => table.locator('tbody th').allTextContents();
		expect(await names()).toEqual(['S01', 'S56', 'S31', 'S18']);
		expect(await table.locator('th[aria-sort=ascending]').textContent()).toContain('Days quiet');
		const chance = table.getByRole('button', { name: /Chance of this silence/ });
		await chance.focus();
		await page.keyboard.press('Enter');
		expect(await table.locator('th[aria-sort=descending]').textContent()).toContain('Chance of this silence');
		expect(await names()).toEqual(['S31', 'S18', 'S01', 'S56']);
		await page.keyboard.press('Space');
		expect(await names()).toEqual(['S56', 'S01', 'S18', 'S31']);
		expect(await table.locator('th[aria-sort=ascending]').textContent()).toContain('Chance of this silence');
		await page.close();
	});

	it('opens a two-day export at the daily grain, says it is too short for peaks, and hides retention with the reason', async () => {
		const page = await openView('timeline');
		const csv = ['timestamp,author,text', '2023-01-10 09:00,Ann,hello', '2023-01-10 09:05,Ben,hi', '2023-01-11 10:00,Ann,next day'].join('\n');
		await page.getByTestId('file-input').setInputFiles({ name: 'two-days_2-authors_3-messages.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByTestId('figure-daily-activity').waitFor({ timeout: 90_000 });
		expect(await page.getByRole('radio', { name: 'Daily' }).getAttribute('aria-checked')).toBe('true');
		expect(await page.getByTestId('peaks-too-short').textContent()).toMatch(/covers 2 days: too short for peaks.*Export a longer period/s);
		expect(await page.getByText('Raise the sensitivity').count()).toBe(0);
		await page.getByRole('tab', { name: 'Members' }).click();
		expect(await page.getByTestId('retention-hidden').textContent()).toMatch(/covers 2 days.*at least 60 days/s);
		expect(await page.getByTestId('figure-retention').count()).toBe(0);
		await page.getByRole('tab', { name: 'Timeline' }).click();
		await page.getByRole('radio', { name: 'Monthly' }).click();
		await page.getByTestId('figure-monthly-activity').waitFor({ timeout: 60_000 });
		expect(page.url()).toContain('grain=month');
		await page.close();
	});

	it('lists the drops under the timeline and shows the chosen one in the chart’s readout', async () => {
		// 100 messages in each month of 2021's first half but April, which has 20: below half the median of the three before
		const rows = ['timestamp,author,text'];
		for (const [month, count] of [[1, 100], [2, 100], [3, 100], [4, 20], [5, 100], [6, 100]]) {
			for (let index = 0; index < count; index++) {
				const day = 1 + Math.floor((index * 28) / count) + (index === count - 1 && month === 6 ? 2 : 0);
				rows.push(`2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 10:00:00,${['Ann', 'Bob', 'Cy'][index % 3]},message ${index}`);
			}
		}
		const page = await openView('timeline');
		await page.getByTestId('file-input').setInputFiles({ name: 'april-drop.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
		await page.getByTestId('drops-list').getByRole('button', { name: '2021-04' }).first().click({ timeout: 60_000 });
		await expect.poll(() => page.getByTestId('figure-monthly-activity').locator('[aria-live]').textContent(), { timeout: 10_000 }).toContain('Apr 2021');
		await page.close();
	});

	it('made no request off the page origin', () => {
		expect(session.offOrigin).toEqual([]);
	});
});
