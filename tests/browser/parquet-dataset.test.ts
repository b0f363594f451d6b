import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './open-browser';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
let session: BrowserSession;
let folder: string;

beforeAll(async () => {
	folder = mkdtempSync(resolve(tmpdir(), 'resonance-dataset-browser-'));
	const convert = (out: string) =>
		run('node', ['bin/resonance.js', 'convert',
			'tests/fixtures/roles/qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt',
			'tests/fixtures/dataset/resonance__6-rows_1-bad-date_zh-en_replies_sticker_offset-time.csv',
			'--roster', 'tests/fixtures/roles/roster__dan-mentor_2-bad-rows_1-lurker.csv', '--tz', 'Asia/Shanghai', '--out', resolve(folder, out)
		], { cwd: root });
	[session] = await Promise.all([openBrowser(), convert('converted.duckdb'), convert('converted.parquet')]);
}, 180_000);
afterAll(async () => {
	await session?.close();
});

describe('a dataset file written by resonance convert, in the dashboard', () => {
	it('opens a converted DuckDB dataset through the file input: its weeks in the data table, where it came from in the import report', async () => {
		const page = await session.newPage({ timezoneId: 'Asia/Shanghai' });
		await page.goto(`${session.url}/?view=overview`);
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
		await page.getByTestId('file-input').setInputFiles(resolve(folder, 'converted.duckdb'));
		// 25 messages, 2 of them a sticker and a system line; 4 Jan to 1 Apr 2021 is drawn by week, 13 weeks
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('23');
		await page.getByText('Data table (13 rows)').click();
		const table = page.locator('figure', { hasText: 'Data table (13 rows)' }).first().locator('details.data table');
		const header = await table.locator('thead th').allTextContents();
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '')));
		const messages = rows.map((cells) => cells[header.indexOf('messages')]);
		expect({ header: header.includes('messages'), messages }).toEqual({ header: true, messages: ['6', '0', '2', '0', '9', '0', '0', '0', '0', '5', '0', '0', '1'] });
		expect(await page.getByTestId('rows-imported').textContent()).toBe('25');
		expect(await page.getByTestId('converted-from').textContent()).toMatch(
			/^Converted from qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021\.txt, resonance__6-rows_1-bad-date_zh-en_replies_sticker_offset-time\.csv \(roster tests\/fixtures\/roles\/roster__dan-mentor_2-bad-rows_1-lurker\.csv\) by resonance convert 0\.1\.0 on \d{4}-\d\d-\d\d; 1 rejected then\.$/
		);
		await page.close();
	});

	it('says in one line that a Parquet dataset needs the command line, and asks nothing from another origin', async () => {
		const page = await session.newPage({ timezoneId: 'Asia/Shanghai' });
		await page.goto(`${session.url}/?view=overview`);
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
		await page.getByTestId('file-input').setInputFiles(resolve(folder, 'converted.parquet'));
		await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 60_000 }).toContain(
			'converted.parquet is a Parquet file, which the in-browser DuckDB cannot read offline: open it with the resonance command line, or convert to DATA.duckdb for the dashboard.'
		);
		expect(session.offOrigin).toEqual([]);
		await page.close();
	});
});
