import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './open-browser';

const PAYLOAD_FIXTURE = resolve(
	import.meta.dirname,
	'../fixtures/hostile/resonance-csv__html-script-svg-formula-payloads_in-names-and-texts_explicit-replies_10-rows_2-rejects.csv'
);
const PAYLOAD_CSV = readFileSync(PAYLOAD_FIXTURE);
// The upload's own name is a payload too: it is shown in the page and written into the rejected-rows CSV.
const PAYLOAD_FILE_NAME = '-2+3 <img src=x onerror="window.__pwned=1">.csv';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload=window.__pwned=1>';
const FORMULAS = ['=HYPERLINK("http://evil")', '+1+1', '@SUM(A1)', '-2+3'];
const VIEWS = ['Overview', 'Timeline', 'Mentor & peers', 'Response', 'Network', 'Members', 'Data', 'Settings'];

let session: BrowserSession;
beforeAll(async () => {
	session = await openBrowser();
});
afterAll(async () => {
	await session?.close();
});

/** Whatever the payloads could have done to the live page. */
async function injectionTraces(page: Page) {
	return page.evaluate(() => {
		const elements = [...document.querySelectorAll('*')];
		return {
			pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
			handler_attributes: elements
				.filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name)))
				.map((element) => element.outerHTML.slice(0, 120)),
			img_x: document.querySelectorAll('img[src="x"]').length,
			payload_scripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('__pwned')).length
		};
	});
}

const NO_TRACES = { pwned: null, handler_attributes: [], img_x: 0, payload_scripts: 0 };

async function openPayloadDataset(): Promise<{ page: Page; dialogs: string[] }> {
	const page = await session.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await page.goto(session.url + '/');
	await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
	await page.getByTestId('file-input').setInputFiles({ name: PAYLOAD_FILE_NAME, mimeType: 'text/csv', buffer: PAYLOAD_CSV });
	await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('10');
	return { page, dialogs };
}

async function showView(page: Page, view: string): Promise<void> {
	await page.getByRole('tab', { name: view }).click();
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=links-progress]'), null, { timeout: 60_000 });
}

/** Hovers every pointer target of every chart in the view, so every tooltip and readout is drawn once. */
async function hoverCharts(page: Page): Promise<number> {
	const targets = page.locator('#view-panel svg [role="presentation"], #view-panel svg rect');
	const count = Math.min(await targets.count(), 120);
	let hovered = 0;
	for (let index = 0; index < count; index++) {
		const target = targets.nth(index);
		if (!(await target.isVisible())) continue;
		await target.hover({ force: true, timeout: 2_000 }).then(
			() => hovered++,
			() => undefined
		);
	}
	return hovered;
}

async function openDataTables(page: Page): Promise<void> {
	const closed = page.locator('#view-panel details:not([open]) > summary');
	for (let count = await closed.count(); count > 0; count = await closed.count()) await closed.first().click();
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** Cells of a CSV that a spreadsheet would run as a formula: they start with = + - @ and are not plain numbers. */
function formulaCells(csv: string): string[] {
	const { data } = Papa.parse<string[]>(csv.trim(), { delimiter: ',' });
	return data.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell));
}

describe('hostile names and texts in Chromium', () => {
	it('HTML and script payloads in author names, texts and the file name render as text in every view, tooltip and data table; nothing is injected or run', { timeout: 600_000 }, async () => {
		const { page, dialogs } = await openPayloadDataset();
		const hovered: Record<string, number> = {};
		const shown: Record<string, string> = {};
		for (const view of VIEWS) {
			await showView(page, view);
			hovered[view] = await hoverCharts(page);
			await openDataTables(page);
			shown[view] = await page.locator('#view-panel').innerText();
			expect(await injectionTraces(page), view).toEqual(NO_TRACES);
		}
		// The charts really were hovered (the network and the heatmap have a target per member).
		expect(hovered.Network).toBeGreaterThan(0);
		expect(hovered.Members).toBeGreaterThan(0);
		// The payloads are on screen as the very characters they were written with.
		for (const payload of [IMG, SCRIPT, SVG, ...FORMULAS]) expect(shown.Members, `Members: ${payload}`).toContain(payload);
		for (const payload of [IMG, SCRIPT, SVG, FORMULAS[0], FORMULAS[1]]) expect(shown.Network, `Network: ${payload}`).toContain(payload);
		expect(shown.Data).toContain('timestamp "=HYPERLINK("http://evil")" is not a date and time');
		expect(await page.getByTestId('dataset-label').textContent()).toContain(PAYLOAD_FILE_NAME);

		expect(await injectionTraces(page)).toEqual(NO_TRACES);
		expect(dialogs).toEqual([]);
		await page.close();
	});

	it('the column-mapping preview shows payloads as text and imports them unchanged', { timeout: 300_000 }, async () => {
		const page = await session.newPage();
		await page.goto(session.url + '/');
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 90_000 });
		// Without its id columns and under other column names, the file needs its columns mapped.
		const mapped = PAYLOAD_CSV.toString('utf8')
			.replace(/^[^,\n]*,[^,\n]*,/gm, '')
			.replace(/^timestamp,author,text,role/, 'date,sender,message,role');
		await page.getByTestId('file-input').setInputFiles({ name: 'mapped.csv', mimeType: 'text/csv', buffer: Buffer.from(mapped) });
		const dialog = page.getByRole('dialog');
		await dialog.waitFor();
		const preview = await dialog.innerText();
		for (const payload of [IMG, SCRIPT, SVG]) expect(preview).toContain(payload);
		expect(await injectionTraces(page)).toEqual(NO_TRACES);
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => page.getByTestId('total-messages').textContent(), { timeout: 60_000 }).toBe('10');
		expect(await injectionTraces(page)).toEqual(NO_TRACES);
		await page.close();
	});

	it('an exported SVG of the members heatmap and of the reply network carries the payloads escaped, parses as XML and holds no script or handler', { timeout: 300_000 }, async () => {
		const { page } = await openPayloadDataset();
		for (const [view, figure] of [
			['Members', 'member-activity'],
			['Network', 'reply-network']
		] as const) {
			await showView(page, view);
			const panel = page.locator('figure.figure-panel', { has: page.getByTestId(`figure-${figure}`) });
			const { name, text: svg } = await downloadText(page, () => panel.getByRole('button', { name: 'SVG' }).click());
			expect(name).toBe(`${figure}.svg`);
			expect(svg, figure).toContain('&lt;img src=x onerror=');
			// Long names are shortened with an ellipsis in the chart; the escaped start is enough to prove escaping.
			expect(svg, figure).toContain('&lt;script&gt;window.__pwn');
			expect(svg, figure).not.toMatch(/<img|<script|<foreignObject|<iframe/i);
			const parsed = await page.evaluate((markup) => {
				const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
				return {
					error: doc.querySelector('parsererror')?.textContent ?? null,
					root: doc.documentElement.nodeName,
					elements: [...new Set([...doc.querySelectorAll('*')].map((node) => node.nodeName))].sort(),
					handler_attributes: [...doc.querySelectorAll('*')].filter((node) => [...node.attributes].some((attribute) => /^on/i.test(attribute.name))).length,
					texts: [...doc.querySelectorAll('text')].map((node) => node.textContent ?? '')
				};
			}, svg);
			expect(parsed.error, figure).toBeNull();
			expect(parsed.root).toBe('svg');
			expect(parsed.handler_attributes, figure).toBe(0);
			for (const element of parsed.elements) expect(['svg', 'title', 'desc', 'g', 'rect', 'text', 'tspan', 'path', 'line', 'circle', 'polyline', 'polygon', 'defs', 'clipPath', 'marker', 'pattern', 'linearGradient', 'stop', 'use']).toContain(element);
			expect(parsed.texts.join('\n'), figure).toContain('<script>');
		}
		expect(await injectionTraces(page)).toEqual(NO_TRACES);
		await page.close();
	});

	it('the figure CSV and the rejected-rows CSV start every formula cell with an apostrophe', { timeout: 300_000 }, async () => {
		const { page } = await openPayloadDataset();
		await showView(page, 'Members');
		const panel = page.locator('figure.figure-panel', { has: page.getByTestId('figure-member-activity') });
		const figure_csv = await downloadText(page, () => panel.getByRole('button', { name: 'Data (CSV)' }).click());
		expect(figure_csv.name).toBe('member-activity.csv');
		expect(formulaCells(figure_csv.text)).toEqual([]);
		const members = new Set(Papa.parse<Record<string, string>>(figure_csv.text.trim(), { header: true }).data.map((row) => row.member));
		for (const formula of FORMULAS) expect(members.has(`'${formula}`), formula).toBe(true);
		expect(members.has(IMG)).toBe(true);

		await showView(page, 'Data');
		await page.getByText('2 rejected rows').click();
		const rejected_csv = await downloadText(page, () => page.getByRole('button', { name: 'Download all rejected rows (CSV)' }).click());
		expect(formulaCells(rejected_csv.text)).toEqual([]);
		const rows = Papa.parse<Record<string, string>>(rejected_csv.text.trim(), { header: true }).data;
		expect(rows).toEqual([
			{ source: `'${PAYLOAD_FILE_NAME}`, line: '12', reason: 'timestamp "=HYPERLINK("http://evil")" is not a date and time' },
			{ source: `'${PAYLOAD_FILE_NAME}`, line: '13', reason: 'author is empty' }
		]);
		await page.close();
	});

	it('the injection check is not blind: markup injected on purpose is found, and the CSP stops its inline handler', async () => {
		const page = await session.newPage();
		await page.goto(session.url + '/');
		await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), IMG);
		await page.waitForTimeout(200);
		const traces = await injectionTraces(page);
		expect(traces).toMatchObject({ pwned: null, img_x: 1 });
		expect(traces.handler_attributes).toEqual(['<img src="x" onerror="window.__pwned=1">']);
		await page.close();
	});

	it('made no request off the page origin in any flow above', () => {
		expect(session.offOrigin).toEqual([]);
	});
});

describe('the Content-Security-Policy in Chromium', () => {
	it('the page carries a CSP meta tag that allows only its own origin', async () => {
		const page = await session.newPage();
		await page.goto(session.url + '/');
		const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		const directives = Object.fromEntries(
			policy!.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources])
		);
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['connect-src']).toEqual(["'self'", 'blob:', 'data:']);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['form-action']).toEqual(["'none'"]);
		expect(directives['script-src'].filter((source: string) => !source.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		// No directive names another host, a scheme wildcard or *.
		for (const sources of Object.values(directives) as string[][]) {
			for (const source of sources) expect(source).toMatch(/^(?:'[a-z-]+'|'sha256-[A-Za-z0-9+/=]+'|blob:|data:)$/);
		}
		await page.close();
	});

	it('blocks a fetch to another origin before it reaches the network: the promise rejects, Chromium reports a CSP violation, and no request is sent', async () => {
		const page = await session.newPage();
		const events: string[] = [];
		const routed: string[] = [];
		// A safety net: were the policy to fail, the request is aborted here instead of leaving the machine.
		await page.route('http://example.com/**', (route) => {
			routed.push(route.request().url());
			return route.abort();
		});
		page.on('request', (request) => events.push(`request ${request.url()}`));
		page.on('requestfailed', (request) => events.push(`requestfailed ${request.url()} ${request.failure()?.errorText}`));
		page.on('response', (response) => events.push(`response ${response.url()}`));
		page.on('console', (message) => {
			if (/Content Security Policy/.test(message.text())) events.push(`csp-console ${message.text().slice(0, 120)}`);
		});
		await page.goto(session.url + '/');
		events.length = 0;
		const outcome = await page.evaluate(async () => {
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
			const result = await fetch('http://example.com/').then(
				(response) => `sent ${response.status}`,
				(error: Error) => `rejected ${error.name}: ${error.message}`
			);
			await new Promise((done) => setTimeout(done, 100));
			return { result, violations };
		});
		expect(outcome.result).toBe('rejected TypeError: Failed to fetch');
		// one report per policy that blocks it: the header the server sends (build/_headers) and the page's <meta>
		expect(outcome.violations).toEqual(['connect-src http://example.com/', 'connect-src http://example.com/']);
		expect(routed).toEqual([]);
		// Measured: Playwright sees no request, requestfailed or response event for a fetch Chromium blocks by CSP;
		// only the console reports it. So offOrigin (fed by 'request') stays empty, and a request that was sent would show.
		const about_example = events.filter((event) => event.includes('example.com'));
		expect(about_example.filter((event) => !event.startsWith('csp-console'))).toEqual([]);
		expect(about_example.some((event) => event.includes('Fetch API cannot load http://example.com/. Refused to connect'))).toBe(true);
		expect(session.offOrigin).toEqual([]);
		await page.close();
	});
});
