import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Component } from 'svelte';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ActivityHeatmap from '../charts/ActivityHeatmap.svelte';
import KeywordTrendChart from '../charts/KeywordTrendChart.svelte';
import LorenzChart from '../charts/LorenzChart.svelte';
import NetworkChart from '../charts/NetworkChart.svelte';
import StackedShareChart from '../charts/StackedShareChart.svelte';
import StepCurveChart from '../charts/StepCurveChart.svelte';
import TimelineChart from '../charts/TimelineChart.svelte';
import WeekHourHeatmap from '../charts/WeekHourHeatmap.svelte';
import { chartFigure } from './chart-figure';
import { serverChartMarkup } from './server-chart-markup';

// The figure a browser exports (charts mounted by Svelte's client runtime, read back from the DOM) must be
// byte for byte the figure the CLI writes with svelte/server: both go through figureSvg's canonical form.
const chromium_path = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((path) => path && existsSync(path));
// Props come from JSON fixtures here, so every chart is typed as taking any props.
const charts = { TimelineChart, StackedShareChart, NetworkChart, ActivityHeatmap, StepCurveChart, LorenzChart, WeekHourHeatmap, KeywordTrendChart } as unknown as Record<string, Component<Record<string, unknown>>>;
const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts', name), 'utf8'));
const cases: [string, Record<string, unknown>][] = [
	['TimelineChart', fixture('timeline__26-months_likes_2-peaks_3-stages_6-events.json')],
	['TimelineChart', { ...fixture('timeline__weeks_line_no-likes_peaks_stages.json'), grain: 'week' }],
	[
		'TimelineChart',
		{
			...fixture('timeline__26-months_likes_2-peaks_3-stages_6-events.json'),
			presentation: true,
			events: Array.from({ length: 12 }, (_, index) => ({ date: `2021-${String(index + 1).padStart(2, '0')}-10`, label: `Event ${index + 1} <with> "markup" & more` }))
		}
	],
	['StackedShareChart', fixture('share__26-months_peer-ranges_mentor-share_3-stages.json')],
	['NetworkChart', fixture('network__59-members_605-edges_min-3-replies.json')],
	['ActivityHeatmap', fixture('heatmap__62-members_26-months_roles.json')],
	['StepCurveChart', fixture('step-curves__3-cohorts_censored.json')],
	['LorenzChart', fixture('lorenz__61-students_lurkers-as-0.json')],
	['KeywordTrendChart', fixture('keyword-trend__kaoshi_26-months_3-stages.json')],
	['WeekHourHeatmap', fixture('week-hours__mon-09h-7_tue-21h-123_sun-23h-1.json')]
];
const options = { title: 'A figure title with “quotes” & an ampersand', caption: 'Counted: text messages. Times in Asia/Shanghai. 2020-09 – 2022-10.', width: 900, height: 560 };

let browser: Browser;
let page: Page;

describe.skipIf(!chromium_path)('figure export in the browser (skipped: no Chromium at /usr/bin/chromium or $CHROMIUM_PATH)', () => {
	beforeAll(async () => {
		const entry = '\0figure-parity-entry';
		const here = import.meta.dirname;
		const result = (await build({
			configFile: false,
			logLevel: 'silent',
			plugins: [
				svelte({ configFile: false }),
				{
					name: 'figure-parity-entry',
					resolveId: (id) => (id === 'figure-parity-entry' ? entry : null),
					load: (id) =>
						id === entry
							? [
									`import { chartFigure } from ${JSON.stringify(resolve(here, 'chart-figure.ts'))};`,
									`import { mountedChartMarkup } from ${JSON.stringify(resolve(here, 'mounted-chart-markup.ts'))};`,
									`import { svgToPng } from ${JSON.stringify(resolve(here, 'svg-to-png.ts'))};`,
									...Object.keys(charts).map((name) => `import ${name} from ${JSON.stringify(resolve(here, `../charts/${name}.svelte`))};`),
									`import { flushSync, mount } from 'svelte';`,
									`const charts = { ${Object.keys(charts).join(', ')} };`,
									'window.figureParity = {',
									'  calls: [],',
									'  show: (name, props, record) => { const host = document.createElement("section"); document.querySelector("main").append(host); mount(charts[name], { target: host, props: record ? { ...props, onBrush: (from, to) => window.figureParity.calls.push(["brush", from, to]), onPeakClick: (label) => window.figureParity.calls.push(["peak", label]) } : props }); flushSync(); },',
									'  figure: (name, props, options) => chartFigure(mountedChartMarkup, charts[name], props, options),',
									'  png: async (svg, scale) => { const blob = await svgToPng(svg, scale); const bitmap = await createImageBitmap(blob); return { type: blob.type, width: bitmap.width, height: bitmap.height }; }',
									'};'
								].join('\n')
							: null
				}
			],
			build: { write: false, minify: false, rollupOptions: { input: 'figure-parity-entry', output: { format: 'iife' } } }
		})) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
		const output = (Array.isArray(result) ? result[0] : result).output.find((chunk) => chunk.type === 'chunk');
		browser = await chromium.launch({ executablePath: chromium_path, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
		page = await browser.newPage();
		await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charts</title></head><body><main><h1>Charts</h1></main></body></html>');
		await page.addScriptTag({ content: (output as Rolldown.OutputChunk).code });
		await page.addScriptTag({ path: resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js') });
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
	});

	it.each(cases)('%s gives the same figure bytes from the DOM as from svelte/server', async (name, props) => {
		const in_browser = await page.evaluate(([name, props, options]) => (window as unknown as { figureParity: { figure: (...args: unknown[]) => string } }).figureParity.figure(name, props, options), [name, props, options] as const);
		expect(in_browser).toBe(chartFigure(serverChartMarkup, charts[name], props, options));
	});

	it('mounted charts pass axe-core and read out the focused period to screen readers with the arrow keys', async () => {
		for (const [name, props] of cases) {
			await page.evaluate(([name, props]) => (window as unknown as { figureParity: { show: (...args: unknown[]) => void } }).figureParity.show(name, props), [name, props] as const);
		}
		const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((violation) => violation.id));
		expect(violations).toEqual([]);
		const timeline = page.locator('section').first();
		await timeline.locator('svg').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		expect(await timeline.locator('[aria-live]').textContent()).toMatch(/^Oct 2020, 345 messages, \d+ likes, Stage: Medical students$/);
		await page.keyboard.press('End');
		expect(await timeline.locator('[aria-live]').textContent()).toMatch(/^Oct 2022, 155 messages/);
		const week = page.locator('section').nth(cases.length - 1);
		await week.locator('svg').focus();
		for (const key of ['ArrowDown', 'ArrowDown', 'End', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
		expect(await week.locator('[aria-live]').textContent()).toBe('Tue 21:00–22:00 · 123 messages');
	});

	it('TimelineChart reports a range dragged on its axis, Shift+arrows then Enter, and a clicked peak', async () => {
		type Parity = { figureParity: { show: (...args: unknown[]) => void; calls: unknown[][] } };
		await page.evaluate(([props]) => {
			document.querySelectorAll('section').forEach((section) => section.remove());
			(window as unknown as Parity).figureParity.calls.length = 0;
			(window as unknown as Parity).figureParity.show('TimelineChart', props, true);
		}, [cases[0][1]] as const);
		const strip = page.locator('section rect.brush');
		const box = (await strip.boundingBox())!;
		const at = (months: number) => box.x + ((months + 0.5) / 26) * box.width;
		await page.mouse.move(at(6), box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(at(9), box.y + box.height / 2, { steps: 4 });
		await page.mouse.move(at(10), box.y + box.height / 2);
		await page.mouse.up();
		await page.locator('section svg').focus();
		await page.keyboard.press('Home');
		for (let step = 0; step < 3; step++) await page.keyboard.press('Shift+ArrowRight');
		await page.keyboard.press('Enter');
		const march = page.locator('section rect[fill="transparent"]').nth(6);
		await march.click();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => (window as unknown as Parity).figureParity.calls)).toEqual([
			['brush', '2021-03', '2021-07'],
			['brush', '2020-09', '2020-12'],
			['peak', '2021-03']
		]);
	});

	it('svgToPng draws a figure at 1×, 2× and 4× as PNG', async () => {
		const svg = chartFigure(serverChartMarkup, charts.LorenzChart, cases[7][1], { ...options, width: 400, height: 420 });
		for (const scale of [1, 2, 4] as const) {
			const png = await page.evaluate(([svg, scale]) => (window as unknown as { figureParity: { png: (svg: string, scale: number) => Promise<unknown> } }).figureParity.png(svg, scale), [svg, scale] as const);
			expect(png).toEqual({ type: 'image/png', width: 400 * scale, height: 420 * scale });
		}
	});
});
