import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSettings } from '../../src/lib/sample/sample-settings';
import { openBrowser, type BrowserSession } from './open-browser';

let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

async function openSettings(): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=settings`);
	await page.getByRole('group', { name: 'Stages' }).waitFor({ timeout: 240_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 240_000 });
	return page;
}

/** What each row of a fieldset's table shows, row by row, field by field. */
async function rowValues(fieldset: Locator): Promise<string[][]> {
	return fieldset.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('input')].map((input) => input.value)));
}

/** The settings the dashboard applied and stored for the sample (the sample's own until a change is applied). */
async function storedSettings(page: Page): Promise<{ stages: { name: string; start: string; end: string }[]; events: { date: string; label: string }[] }> {
	const stored = await page.evaluate(() => localStorage.getItem('resonance:settings:sample'));
	return stored ? JSON.parse(stored) : sampleSettings;
}

/** Types a date digit by digit into its segments (month, day, year), then tabs out of it, as a person does. */
async function typeDate(page: Page, label: string, digits: string, { leave = true } = {}): Promise<void> {
	const input = page.getByLabel(label);
	await input.focus();
	await input.pressSequentially(digits);
	if (!leave) return;
	// Tab walks the date's own parts before it leaves the field
	for (let k = 0; k < 4 && (await input.evaluate((element) => element === document.activeElement)); k++) await page.keyboard.press('Tab');
}

const STAGE_ROWS = sampleSettings.stages.map((stage) => [stage.name, stage.start, stage.end]);
const EVENT_ROWS = sampleSettings.events.map((event) => [event.date, event.label]);

describe('the stages and events editor, typed into as a person does', { timeout: 480_000 }, () => {
	it('typing into every field of a middle stage and a middle event changes that row only; rows stay in place until the view is opened again', async () => {
		const page = await openSettings();
		const stages = page.getByRole('group', { name: 'Stages' });
		const events = page.getByRole('group', { name: 'Events' });
		expect(await rowValues(stages)).toEqual(STAGE_ROWS);
		expect(await rowValues(events)).toEqual(EVENT_ROWS);

		await page.getByLabel('Stage 2 name').fill('Clinical interns');
		await page.keyboard.press('Tab');
		await typeDate(page, 'Stage 2 first day', '07152021');
		await typeDate(page, 'Stage 2 last day', '01312022');
		const expected_stages = [STAGE_ROWS[0], ['Clinical interns', '2021-07-15', '2022-01-31'], STAGE_ROWS[2]];
		expect(await rowValues(stages)).toEqual(expected_stages);
		await expect.poll(async () => (await storedSettings(page)).stages.map((stage) => [stage.name, stage.start, stage.end]), { timeout: 120_000 }).toEqual(expected_stages);

		// the third event moves to a date after the fifth: it stays third on screen and is stored in date order
		await typeDate(page, 'Event 3 date', '05012022', { leave: false });
		expect(await rowValues(events)).toEqual([EVENT_ROWS[0], EVENT_ROWS[1], ['2022-05-01', 'Offline meeting'], ...EVENT_ROWS.slice(3)]);
		await page.getByLabel('Event 3 label').fill('Offline meeting, moved');
		await page.keyboard.press('Tab');
		const expected_events = [EVENT_ROWS[0], EVENT_ROWS[1], ['2022-05-01', 'Offline meeting, moved'], ...EVENT_ROWS.slice(3)];
		expect(await rowValues(events)).toEqual(expected_events);
		expect(await rowValues(stages)).toEqual(expected_stages);
		await expect
			.poll(async () => (await storedSettings(page)).events.map((event) => [event.date, event.label]), { timeout: 120_000 })
			.toEqual([EVENT_ROWS[0], EVENT_ROWS[1], EVENT_ROWS[3], EVENT_ROWS[4], ['2022-05-01', 'Offline meeting, moved'], EVENT_ROWS[5]]);
		expect(await page.locator('[aria-invalid=true]').count()).toBe(0);

		await page.getByRole('tab', { name: 'Timeline' }).click();
		await page.getByRole('tab', { name: 'Settings' }).click();
		expect(await rowValues(page.getByRole('group', { name: 'Events' }))).toEqual([EVENT_ROWS[0], EVENT_ROWS[1], EVENT_ROWS[3], EVENT_ROWS[4], ['2022-05-01', 'Offline meeting, moved'], EVENT_ROWS[5]]);
		await page.close();
	});

	it('a new event is not applied until it has a date, and typing its date leaves every other event as it was', async () => {
		const page = await openSettings();
		const events = page.getByRole('group', { name: 'Events' });
		await page.getByRole('button', { name: 'Add an event' }).click();
		expect(await rowValues(events)).toEqual([...EVENT_ROWS, ['', 'New event']]);
		await expect(page.getByLabel('Event 7 date').evaluate((input) => input === document.activeElement)).resolves.toBe(true);
		const date = page.getByLabel('Event 7 date');
		await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
		const described = await date.getAttribute('aria-describedby');
		expect(await page.locator(`#${described}`).textContent()).toBe('Choose the date.');
		// the tester's case: the year typed digit by digit passes through 0002, 0020, 0021 before 2021
		await typeDate(page, 'Event 7 date', '01112021', { leave: false });
		expect(await rowValues(events)).toEqual([...EVENT_ROWS, ['2021-01-11', 'New event']]);
		expect((await storedSettings(page)).events).toEqual(sampleSettings.events);
		await page.getByLabel('Event 7 label').focus();
		await expect.poll(async () => (await storedSettings(page)).events.length, { timeout: 120_000 }).toBe(7);
		expect((await storedSettings(page)).events).toEqual([sampleSettings.events[0], { date: '2021-01-11', label: 'New event' }, ...sampleSettings.events.slice(1)]);
		expect(await rowValues(events)).toEqual([...EVENT_ROWS, ['2021-01-11', 'New event']]);
		expect(await date.getAttribute('aria-invalid')).toBeNull();
		await page.close();
	});

	it('a stage whose last day is before its first day gets a message beside the field and is left out; the other stages and the events stay applied', async () => {
		const page = await openSettings();
		const stages = page.getByRole('group', { name: 'Stages' });
		const last_day = page.getByLabel('Stage 2 last day');
		await typeDate(page, 'Stage 2 last day', '06302021');
		await expect.poll(() => last_day.getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator(`#${await last_day.getAttribute('aria-describedby')}`).textContent()).toBe('Before the first day (2021-07-01).');
		expect(await rowValues(stages)).toEqual([STAGE_ROWS[0], ['Interns', '2021-07-01', '2021-06-30'], STAGE_ROWS[2]]);
		await expect.poll(async () => (await storedSettings(page)).stages.map((stage) => stage.name), { timeout: 120_000 }).toEqual(['Medical students', 'Newly qualified doctors']);
		expect((await storedSettings(page)).events).toEqual(sampleSettings.events);
		await page.screenshot({ path: '/tmp/settings-tz-editor-inline-error.png', fullPage: true });

		await typeDate(page, 'Stage 2 last day', '02282022');
		await expect.poll(() => last_day.getAttribute('aria-invalid')).toBeNull();
		await expect.poll(async () => (await storedSettings(page)).stages, { timeout: 120_000 }).toEqual(sampleSettings.stages);
		await page.close();
	});

	it('adds three stages in a row on the sample, each the second half of the last one, with no error', async () => {
		const page = await openSettings();
		const stages = page.getByRole('group', { name: 'Stages' });
		// Each click once the last one's row is on screen, as a person clicks: a click while the table is still
		// growing can land on whatever the button's old place now holds (seen with 20 processes on 2 cores).
		for (let k = 0; k < 3; k++) {
			await page.getByRole('button', { name: 'Add a stage' }).click();
			await expect.poll(() => stages.locator('tbody tr').count()).toBe(STAGE_ROWS.length + k + 1);
		}
		const expected = [
			STAGE_ROWS[0],
			STAGE_ROWS[1],
			['Newly qualified doctors', '2022-03-01', '2022-06-30'],
			['Stage 4', '2022-07-01', '2022-08-31'],
			['Stage 5', '2022-09-01', '2022-09-30'],
			['Stage 6', '2022-10-01', '2022-10-31']
		];
		expect(await rowValues(stages)).toEqual(expected);
		await expect.poll(async () => (await storedSettings(page)).stages.map((stage) => [stage.name, stage.start, stage.end]), { timeout: 120_000 }).toEqual(expected);
		expect(await page.locator('[aria-invalid=true]').count()).toBe(0);
		expect(await page.getByRole('alert').count()).toBe(0);
		await page.close();
	});
});
