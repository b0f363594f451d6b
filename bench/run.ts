// `npm run bench [-- --sizes 10000,100000] [--runs N]`: for synthetic exports of growing size, measured in
// headless Chromium on the built site: drop to first chart, drop to every view's charts drawn, setting
// changes, background word counting and peak browser memory; next to the raw file-read time of the same
// file in the same page, a papaparse + JS monthly count of it, and `resonance analyze` on it in Node.
// Prints a table; docs/performance.md keeps the last one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium';
import { startStaticServer } from '../scripts/static-server';
import { writeSyntheticExport } from './generate-export';

const sizes_flag = process.argv.indexOf('--sizes');
const SIZES = sizes_flag > 0 ? process.argv[sizes_flag + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000, 5_000_000, 10_000_000];
const runs_flag = process.argv.indexOf('--runs');
const RUNS = runs_flag > 0 ? Number(process.argv[runs_flag + 1]) : 3;
/** The views with charts, in tab order: "all charts" is every one of them drawn. */
const CHART_VIEWS = ['Overview', 'Timeline', 'Mentor & peers', 'Network', 'Members'];
const out_dir = resolve('bench/out');
mkdirSync(out_dir, { recursive: true });

if (!existsSync('build/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const files = new Map<number, string>();
for (const size of SIZES) {
	const path = resolve(out_dir, `synthetic-${size}.csv`);
	if (!existsSync(path)) {
		process.stdout.write(`generating ${size.toLocaleString('en')} messages… `);
		await writeSyntheticExport(path, size);
		console.log('done');
	}
	files.set(size, path);
}

/** Sum of the resident memory of every Chromium process, in MB (page, DuckDB worker, GPU, browser). */
function chromiumRssMb(): number {
	try {
		const output = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
		return output.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
	} catch {
		return 0; // no Chromium process left (the tab crashed)
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const started_load = loadavg()[0].toFixed(1);
const server = await startStaticServer('build');
const rows: string[][] = [];
const header = [
	'messages', 'MB', 'runs', 'raw read ms', 'papaparse + JS ms', 'import ms', 'drop→first chart ms', 'drop→all charts ms',
	'sensitivity ms', 'add stage ms', 'count stickers ms', 'words (background) ms', 'CLI analyze ms', 'peak RSS MB', 'peak Δ MB', 'Δ / file'
];
try {
	for (const size of SIZES) {
		// A size that does not load is recorded as failed, then tried once more without message text: the
		// option the page offers when memory runs out.
		for (const without_text of [false, true]) {
			try {
				await measure(size, without_text);
				break;
			} catch (error) {
				const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
				console.log(message);
				rows.push([label(size, without_text), (statSync(files.get(size)!).size / 1_048_576).toFixed(0), '0', ...Array(header.length - 3).fill('failed')]);
			}
		}
	}
} finally {
	await server.close();
}

interface Run {
	read: number;
	import: number;
	first_chart: number;
	all_charts: number;
	sensitivity: number;
	stage: number;
	kinds: number;
	words: number;
	peak: number;
	base: number;
}

function label(size: number, without_text: boolean): string {
	return size.toLocaleString('en') + (without_text ? ' (no text)' : '');
}

async function measure(size: number, without_text: boolean) {
	const path = files.get(size)!;
	const runs: Run[] = [];
	for (let run = 0; run < (size >= 5_000_000 ? 1 : RUNS); run++) {
		const browser = await chromium.launch({
			executablePath: findChromium(),
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--max-old-space-size=8192']
		});
		let sampler: ReturnType<typeof setInterval> | undefined;
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(server.url + '/');
			await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 120_000 });
			await wordsCounted(page);
			if (without_text) {
				await page.getByRole('tab', { name: 'Data' }).click();
				await page.getByTestId('without-text').check();
				await page.getByRole('tab', { name: 'Overview' }).click();
			}
			await page.evaluate(() => performance.clearMeasures());
			const base = chromiumRssMb();
			let peak = base;
			sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 100);
			const dropped = Date.now();
			await page.getByTestId('file-input').setInputFiles(path);
			await page.waitForFunction(
				() => performance.getEntriesByName('resonance:drop-to-chart').length > 0 || document.querySelector('[role=alert]') !== null,
				null,
				{ timeout: 1_800_000, polling: 50 }
			);
			const failure = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? null);
			if (failure) {
				clearInterval(sampler);
				throw new Error(`${label(size, without_text)} messages did not load: ${failure.trim()}`);
			}
			const [first_chart, imported] = await page.evaluate(() => [
				performance.getEntriesByName('resonance:drop-to-chart')[0].duration,
				performance.getEntriesByName('resonance:import')[0].duration
			]);
			// The links follow the first chart; once every metric is in, the other views only draw.
			await page.waitForFunction(() => performance.getEntriesByName('resonance:drop-to-all-metrics').length > 0, null, { timeout: 1_800_000, polling: 50 });
			const all_metrics = await page.evaluate(() => performance.getEntriesByName('resonance:drop-to-all-metrics')[0].duration);
			const drawn: string[] = [];
			let drawing = 0;
			for (const view of CHART_VIEWS.slice(1)) {
				const ms = await viewDrawnMs(page, view);
				drawing += ms;
				drawn.push(`${view} ${ms}`);
			}
			const all_charts = all_metrics + drawing;
			// The views are opened while the background word count runs, so their drawing competes with it.
			console.log(`  drop→all metrics ${Math.round(all_metrics)} ms; views drawn (ms, words still counting): ${drawn.join(', ')}`);
			await wordsCounted(page);
			const words = Date.now() - dropped - first_chart;
			clearInterval(sampler);
			await page.getByRole('tab', { name: 'Settings' }).click();
			const sensitivity = await recomputeMs(page, () => page.locator('input[type=range]').evaluate((input: HTMLInputElement) => {
				input.value = '2';
				input.dispatchEvent(new Event('change', { bubbles: true }));
			}));
			const stage = await recomputeMs(page, () => page.getByRole('button', { name: 'Add a stage' }).click());
			const kinds = await recomputeMs(page, () => page.getByRole('group', { name: 'Message kinds left out of every count' }).getByLabel('sticker').click());
			const read = await rawReadMs(page, path);
			runs.push({ read, import: imported, first_chart, all_charts, sensitivity, stage, kinds, words, peak, base });
		} finally {
			clearInterval(sampler);
			await browser.close();
		}
	}
	const bytes = statSync(path).size;
	const mb = bytes / 1_048_576;
	const middle = (pick: (run: Run) => number) => median(runs.map(pick));
	rows.push([
		label(size, without_text),
		mb.toFixed(0),
		String(runs.length),
		middle((run) => run.read).toFixed(0),
		papaparseBaselineMs(path).toFixed(0),
		middle((run) => run.import).toFixed(0),
		middle((run) => run.first_chart).toFixed(0),
		middle((run) => run.all_charts).toFixed(0),
		middle((run) => run.sensitivity).toFixed(0),
		middle((run) => run.stage).toFixed(0),
		middle((run) => run.kinds).toFixed(0),
		middle((run) => run.words).toFixed(0),
		without_text ? 'n/a' : cliAnalyzeMs(path).toFixed(0),
		middle((run) => run.peak).toFixed(0),
		middle((run) => run.peak - run.base).toFixed(0),
		(middle((run) => run.peak - run.base) / mb).toFixed(1)
	]);
	console.log(`${label(size, without_text)} messages: done`);
}

/** Waits for the background word count (Chinese, Japanese, Korean, Thai) to finish and its recomputation to end. */
async function wordsCounted(page: import('playwright-core').Page) {
	await page.waitForFunction(() => !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]') && !document.querySelector('[aria-busy=true]'), null, {
		timeout: 1_800_000,
		polling: 100
	});
}

/** Opens a view and times it until each of its figures has an SVG. */
async function viewDrawnMs(page: import('playwright-core').Page, view: string): Promise<number> {
	const start = Date.now();
	await page.getByRole('tab', { name: view }).click();
	await page.waitForFunction(() => {
		const panels = [...document.querySelectorAll('#view-panel [data-testid^=figure-]')];
		return panels.length > 0 && panels.every((panel) => panel.querySelector('svg') !== null);
	}, null, { timeout: 600_000, polling: 20 });
	return Date.now() - start;
}

/** Changes a setting and returns the store's own measure of it: from the change to the charts drawn again. */
async function recomputeMs(page: import('playwright-core').Page, change: () => Promise<unknown>): Promise<number> {
	const before = await page.evaluate(() => performance.getEntriesByName('resonance:recompute').length);
	await change();
	await page.waitForFunction((count) => performance.getEntriesByName('resonance:recompute').length > count, before, { timeout: 1_800_000, polling: 20 });
	return page.evaluate(() => performance.getEntriesByName('resonance:recompute').at(-1)!.duration);
}

/** The approach DuckDB replaces: papaparse streaming the file in Node, counting messages per month in JS. */
function papaparseBaselineMs(path: string): number {
	const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/papaparse-baseline.ts', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
	return Number(output.trim().split('\n').at(-1));
}

/** `resonance analyze FILE` in Node, wall clock, JSON discarded. */
function cliAnalyzeMs(path: string): number {
	const start = Date.now();
	try {
		execFileSync(process.execPath, ['bin/resonance.js', 'analyze', path], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 1_800_000 });
	} catch {
		return NaN;
	}
	return Date.now() - start;
}

/** Reads the same file through a fresh file input and a stream in the page: the floor for any load. */
async function rawReadMs(page: import('playwright-core').Page, path: string): Promise<number> {
	await page.evaluate(() => {
		const input = document.createElement('input');
		input.type = 'file';
		input.id = 'bench-raw-read';
		document.body.append(input);
	});
	await page.locator('#bench-raw-read').setInputFiles(path);
	return page.evaluate(async () => {
		const file = document.querySelector<HTMLInputElement>('#bench-raw-read')!.files![0];
		const start = performance.now();
		const reader = file.stream().getReader();
		let bytes = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			bytes += value.length;
		}
		return bytes > 0 ? performance.now() - start : -1;
	});
}

const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => '| ' + cells.map((cell, column) => cell.padStart(widths[column])).join(' | ') + ' |';
console.log(
	`\n${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${started_load} at the start, ` +
		`${loadavg()[0].toFixed(1)} at the end; headless ${execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}, ` +
		`Node ${process.version}; medians of ${RUNS} runs (1 at ≥ 5M); ms are wall clock`
);
console.log(line(header));
console.log('|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|');
for (const row of rows) console.log(line(row));
