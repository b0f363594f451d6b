import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { memberLabel } from '../../src/lib/charts/member-label';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { parseRoster } from '../../src/lib/ingest/members/parse-roster';
import { memberProfile } from '../../src/lib/metrics/members/member-profile';
import { countMatchingMessages } from '../../src/lib/metrics/search/count-matching-messages';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';
import { openBrowser, type BrowserSession } from './open-browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let session: BrowserSession;
// The sample as the page loads it (its roster and settings), in Node's DuckDB: the reference for every count.
let db: Db;

beforeAll(async () => {
	session = await openBrowser();
	const sample = generateSampleCommunity();
	const settings = parseAnalysisSettings(JSON.parse(JSON.stringify(sample.settings)));
	db = await createNodeDb();
	await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
		time_zone: settings.time_zone,
		roster: parseRoster(sample.roster_csv).entries
	});
	await applyAnalysisSettings(db, settings);
});
afterAll(async () => {
	await db?.close();
	await session?.close();
});

/** The sample open on a view, every metric computed and the links found. */
async function openSample(view: string): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=${view}`);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 90_000 });
	return page;
}

const messages = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'message' : 'messages'}`;
const idOf = async (name: string) => (await db.query<{ author_id: string }>('SELECT author_id FROM members WHERE author_name = ?', [name]))[0].author_id;

describe('a member’s profile and the replies between two members', () => {
	it('opens a quiet member’s profile from the Members view with the keyboard: the numbers Node DuckDB gives, no serious axe-core violation, a partner’s replies, Back, their messages, and Escape gives the focus back to the name', async () => {
		const page = await openSample('members');
		const name = page.getByTestId('recently-quiet').locator('tbody th button').first();
		const author = (await name.textContent())!;
		await name.focus();
		await page.keyboard.press('Enter');
		await page.getByRole('dialog', { name: `Member ${author}` }).waitFor({ timeout: 60_000 });
		// The dialog is named by its heading, which follows what the panel shows.
		const panel = page.getByRole('dialog');
		const profile = panel.getByTestId('member-profile');
		await expect.poll(() => profile.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('messages-heading');
		const expected = (await memberProfile(db, await idOf(author)))!;
		expect(await profile.getByTestId('profile-messages').textContent()).toBe(expected.messages.toLocaleString('en'));
		expect(await profile.getByTestId('profile-silence').textContent()).toContain(`Quiet for ${Math.round(expected.silence!.days_silent).toLocaleString('en')} days`);
		expect(await profile.getByTestId('member-monthly-bars').getAttribute('aria-label')).toContain(`messages in ${expected.monthly.filter((month) => month.messages > 0).length} of ${expected.monthly.length} months`);
		const replied_by = expected.replies!.replied_by;
		expect(await profile.getByTestId('profile-replied-by').locator('li .name').allTextContents()).toEqual(replied_by.map((partner) => memberLabel(partner.author_name)));
		await page.screenshot({ path: '/tmp/profile-members-view.png' });
		await page.evaluate(AXE);
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: (context: string) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
			return (await axe.run('[data-testid=messages-panel]')).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
		});
		expect(violations).toEqual([]);

		// The first one who answers them: the count lists the replies both ways.
		const partner = replied_by[0];
		await profile.getByTestId('profile-replied-by').locator('li .count').first().focus();
		await page.keyboard.press('Enter');
		const pair_title = `Replies between ${author} and ${memberLabel(partner.author_name)}`;
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(
			`${pair_title} · ${messages(await countMatchingMessages(db, { pair: [expected.author_id, partner.author_id] }))}`
		);
		expect(new Set(await panel.locator('[data-testid=message-row] .author').allTextContents())).toEqual(new Set([author, memberLabel(partner.author_name)]));
		await panel.getByRole('button', { name: `Back to Member ${author}` }).click();
		await expect.poll(() => panel.getByTestId('profile-header').textContent()).toBe(`Member ${author}`);
		await panel.getByTestId('profile-show-messages').click();
		await expect.poll(() => panel.getByTestId('messages-header').textContent(), { timeout: 60_000 }).toBe(
			`Member ${author} · ${messages(await countMatchingMessages(db, { member: expected.author_id }))}`
		);
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(author);
		await page.close();
	});

	it('lists the replies of a network link, clicked or read with Shift+arrows and opened with Enter; Enter on a member opens their profile', async () => {
		const page = await openSample('network');
		const chart = page.getByTestId('figure-reply-network').locator('svg[tabindex]');
		await chart.waitFor({ timeout: 60_000 });
		const edge = page.locator('[data-testid=figure-reply-network] path[data-edge]').first();
		const [source, target] = (await edge.getAttribute('data-edge'))!.split('→');
		await edge.dispatchEvent('click');
		const panel = page.getByRole('dialog');
		const header = panel.getByTestId('messages-header');
		const name = async (id: string) => memberLabel((await db.query<{ author_name: string }>('SELECT author_name FROM members WHERE author_id = ?', [id]))[0].author_name);
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toBe(
			`Replies between ${await name(source)} and ${await name(target)} · ${messages(await countMatchingMessages(db, { pair: [source, target] }))}`
		);
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });

		await chart.focus();
		await chart.press('ArrowRight');
		await chart.press('Shift+ArrowRight');
		await chart.press('Enter');
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toMatch(/^Replies between .+ · [\d,]+ messages?$/);
		const [, first, second, shown] = /^Replies between (.+) and (.+) · ([\d,]+) messages?$/.exec((await header.textContent())!)!;
		expect(Number(shown.replace(/,/g, ''))).toBe(await countMatchingMessages(db, { pair: [await idOf(first), await idOf(second)] }));
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });

		await chart.focus();
		await chart.press('ArrowRight');
		await chart.press('Enter');
		await expect.poll(() => panel.getByTestId('profile-header').textContent(), { timeout: 60_000 }).toBe(`Member ${first}`);
		await expect.poll(() => panel.getByTestId('member-profile').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
		await page.screenshot({ path: '/tmp/profile-network.png' });
		await page.close();
	});
});

describe('the messages of an hour of the week and of a stage', () => {
	it('Enter on a heatmap cell lists its messages; a stage in the timeline’s list, and its band clicked, list the stage’s', async () => {
		const page = await openSample('response');
		const heatmap = page.getByTestId('figure-weekly-hours').locator('svg[tabindex]');
		await heatmap.focus();
		// The first arrow shows Monday 00:00; then two hours on and one day down.
		for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await heatmap.press(key);
		await heatmap.press('Enter');
		const panel = page.getByRole('dialog');
		const header = panel.getByTestId('messages-header');
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toBe(`Tue 02:00–03:00 · ${messages(await countMatchingMessages(db, { weekday: 1, hour: 2 }))}`);
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });

		const sample = parseAnalysisSettings(JSON.parse(JSON.stringify(generateSampleCommunity().settings)));
		const [first, second] = sample.stages;
		await page.getByRole('tab', { name: 'Timeline' }).click();
		await page.getByTestId('stage-openers').getByRole('button', { name: second.name }).click();
		const stage_messages = async (stage: typeof first) => messages(await countMatchingMessages(db, { from: stage.start, to: stage.end }));
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toBe(`${second.name} (${second.start} – ${second.end}) · ${await stage_messages(second)}`);
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		await page.getByTestId('figure-monthly-activity').locator(`rect[data-stage="${first.name}"]`).click();
		await expect.poll(() => header.textContent(), { timeout: 60_000 }).toBe(`${first.name} (${first.start} – ${first.end}) · ${await stage_messages(first)}`);
		await page.close();
	});
});
