import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './open-browser';

const ROLES = resolve(import.meta.dirname, '../fixtures/roles');
const QQ = 'qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt';
const file = (name: string, mimeType = 'text/plain') => ({ name, mimeType, buffer: readFileSync(resolve(ROLES, name)) });
// Generous: on a machine shared by many builds one load took minutes; on an idle one the whole file takes seconds.
const WAIT_MS = 300_000;
const TEST_MS = 900_000;
let session: BrowserSession;

beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

async function openWith(files: ReturnType<typeof file>[]): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=overview`);
	await page.locator('#view-panel section').first().waitFor({ timeout: WAIT_MS });
	await page.getByTestId('file-input').setInputFiles(files);
	await expect.poll(() => page.getByTestId('dataset-label').textContent(), { timeout: WAIT_MS }).toContain(QQ);
	return page;
}

const settled = (page: Page) =>
	page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: WAIT_MS });

describe('roles of an export that has none', () => {
	it('a QQ export dropped with a roster naming only the mentor gives mentor→student, student→mentor and student→student counts in every stage', async () => {
		const page = await openWith([file(QQ), file('roster__mentor-only_dan.csv', 'text/csv')]);
		await page.getByRole('tab', { name: 'Settings' }).click();
		await page.getByTestId('settings-input').setInputFiles(file('settings__3-stages_jan-feb-mar-2021.json', 'application/json'));
		await page.getByRole('tab', { name: 'Mentor & peers' }).click();
		await settled(page);
		await expect.poll(() => page.getByTestId('roles-note').textContent(), { timeout: WAIT_MS }).toMatch(
			/4 members with no role are counted as students, because\s+only the mentor \(Dan老师\)\s+was named/
		);
		const table = page.getByTestId('stage-table');
		const cells = async () =>
			table.locator('tbody tr').evaluateAll((rows) =>
				rows.map((row) => [row.querySelector('th')!.firstChild!.textContent, ...[...row.querySelectorAll('td')].slice(5, 9).map((cell) => (cell as HTMLElement).innerText)])
			);
		// The links `resonance links` prints for this file with this roster: in February Cai names Amy, Amy answers
		// Cai (Cai addressed her 2 min before) and Dan names Amy; in March Bo thanks Dan, the message before. Every
		// other message starts a conversation (it names nobody and is its author's first within the hour), and
		// Dan's follow-ups continue his own: so January has no link between two people. Bo's picture is not counted.
		await expect.poll(cells, { timeout: WAIT_MS }).toEqual([
			['Medical students', '0', '0', '0', '—\nmonths: —'],
			['Interns', '1', '0', '2', '67%\n[67%–67%] (50%–67%)\nmonths: 67%'],
			['Doctors', '0', '1', '0', '0%\n[0%–0%] (0%–0%)\nmonths: 0%']
		]);
		await page.getByRole('tab', { name: 'Data' }).click();
		const roster_report = page.locator('section.report', { hasText: 'roster__mentor-only_dan.csv' });
		expect(await roster_report.getByTestId('rows-imported').textContent()).toBe('1');
		expect(await roster_report.getByTestId('rows-rejected').textContent()).toBe('0');
		await page.evaluate(() => localStorage.clear());
		await page.close();
	}, TEST_MS);

	it('selects several members (mouse and keyboard) and gives them one role at once; a suggestion from the QQ title makes the mentor', async () => {
		const page = await openWith([file(QQ)]);
		await page.getByRole('tab', { name: 'Settings' }).click();
		const editor = page.getByTestId('roles-editor');
		await editor.getByText('No member is a mentor yet').waitFor({ timeout: WAIT_MS });
		const suggestion = editor.getByRole('listitem').filter({ hasText: 'Dan老师 (QQ group owner)' });
		expect(await suggestion.textContent()).toMatch(/Suggested: Dan老师 \(QQ group owner\) —\s*Make mentor/);
		expect(await editor.getByRole('listitem').filter({ hasText: 'Lin (QQ group admin)' }).count()).toBe(1);

		await editor.getByRole('button', { name: 'Select all' }).click();
		expect(await editor.getByTestId('selected-count').textContent()).toBe('5 selected');
		await editor.getByRole('button', { name: 'Select none' }).click();
		expect(await editor.getByTestId('selected-count').textContent()).toBe('0 selected');
		await editor.getByLabel('Select Amy', { exact: true }).check();
		await editor.getByLabel('Select Bo', { exact: true }).focus();
		await page.keyboard.press('Space');
		await editor.getByLabel('Select Lin', { exact: true }).check();
		expect(await editor.getByTestId('selected-count').textContent()).toBe('3 selected');
		await editor.getByLabel('Role for the selected members').selectOption('other');
		await editor.getByRole('button', { name: 'Set role of 3 selected' }).click();
		const roleOf = (name: string) => editor.getByLabel(`Role of ${name}`, { exact: true });
		await expect.poll(async () => Promise.all(['Amy', 'Bo', 'Lin', 'Cai', 'Dan老师'].map((name) => roleOf(name).inputValue())), { timeout: WAIT_MS }).toEqual([
			'other',
			'other',
			'other',
			'',
			''
		]);
		expect(await editor.getByTestId('selected-count').textContent()).toBe('0 selected');

		await suggestion.getByRole('button', { name: 'Make mentor' }).click();
		await expect.poll(() => editor.getByTestId('role-rule').textContent(), { timeout: WAIT_MS }).toMatch(
			/1 member with no role is counted as a student,\s+because a mentor is named and nothing gave them a role/
		);
		expect(await roleOf('Dan老师').inputValue()).toBe('mentor');
		expect(await page.getByRole('alert').count()).toBe(0);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	}, TEST_MS);

	it('reports the rejected rows of a roster loaded in Settings → Roles, by line and reason, and applies the rows it could read', async () => {
		const page = await openWith([file(QQ)]);
		await page.getByRole('tab', { name: 'Settings' }).click();
		const editor = page.getByTestId('roles-editor');
		await editor.getByTestId('roster-input').setInputFiles(file('roster__dan-mentor_2-bad-rows_1-lurker.csv', 'text/csv'));
		await expect.poll(() => editor.getByTestId('role-rule').textContent(), { timeout: WAIT_MS }).toMatch(/4 members with no role are counted as students/);
		const report = editor.locator('section.report');
		expect(await report.getByTestId('rows-imported').textContent()).toBe('2');
		expect(await report.getByTestId('rows-rejected').textContent()).toBe('2');
		await report.locator('summary').click();
		expect(await report.getByTestId('rejected-rows').locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent))).toEqual([
			'3author is empty',
			'4role of Bo is empty'
		]);
		expect(await editor.getByLabel('Role of Eve', { exact: true }).inputValue()).toBe('student');
		await page.evaluate(() => localStorage.clear());
		await page.close();
	}, TEST_MS);
});
