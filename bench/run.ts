// `npm run bench [-- --sizes 10000,100000]`: drop-to-chart time and peak browser memory for synthetic
// exports of growing size, measured in headless Chromium on the built site, next to the raw file-read
// time of the same file in the same page. Prints a table; figures go in the issue notes / docs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium';
import { startStaticServer } from '../scripts/static-server';
import { writeSyntheticExport } from './generate-export';

const sizes_flag = process.argv.indexOf('--sizes');
const SIZES = sizes_flag > 0 ? process.argv[sizes_flag + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000, 5_000_000];
const RUNS = 3;
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
	const output = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
	return output.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const server = await startStaticServer('build');
const rows: string[][] = [];
try {
	for (const size of SIZES) {
		try {
			await measure(size);
		} catch (error) {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			console.log(message);
			rows.push([size.toLocaleString('en'), (statSync(files.get(size)!).size / 1_048_576).toFixed(0), '0', ...Array(7).fill('failed')]);
		}
	}
} finally {
	await server.close();
}

async function measure(size: number) {
		const path = files.get(size)!;
		const runs: { read: number; load: number; import: number; peak: number; base: number }[] = [];
		for (let run = 0; run < (size >= 5_000_000 ? 1 : RUNS); run++) {
			const browser = await chromium.launch({
				executablePath: findChromium(),
				args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--max-old-space-size=8192']
			});
			try {
				const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
				await page.goto(server.url + '/');
				await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 120_000 });
				await page.evaluate(() => performance.clearMeasures());
				const base = chromiumRssMb();
				let peak = base;
				const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 100);
				await page.getByTestId('file-input').setInputFiles(path);
				await page.waitForFunction(
					() => performance.getEntriesByName('resonance:drop-to-chart').length > 0 || document.querySelector('[role=alert]') !== null,
					null,
					{ timeout: 1_800_000, polling: 50 }
				);
				clearInterval(sampler);
				const failure = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? null);
				if (failure) throw new Error(`${size.toLocaleString('en')} messages did not load: ${failure.trim()}`);
				const [load, imported] = await page.evaluate(() => [
					performance.getEntriesByName('resonance:drop-to-chart')[0].duration,
					performance.getEntriesByName('resonance:import')[0].duration
				]);
				const read_ms = await rawReadMs(page, path);
				runs.push({ read: read_ms, load, import: imported, peak: peak, base });
			} finally {
				await browser.close();
			}
		}
		const bytes = statSync(path).size;
		const mb = bytes / 1_048_576;
		rows.push([
			size.toLocaleString('en'),
			mb.toFixed(0),
			String(runs.length),
			median(runs.map((run) => run.read)).toFixed(0),
			median(runs.map((run) => run.import)).toFixed(0),
			median(runs.map((run) => run.load)).toFixed(0),
			(mb / (median(runs.map((run) => run.load)) / 1000)).toFixed(0),
			median(runs.map((run) => run.peak)).toFixed(0),
			median(runs.map((run) => run.peak - run.base)).toFixed(0),
			(median(runs.map((run) => run.peak - run.base)) / mb).toFixed(1)
		]);
		console.log(`${size.toLocaleString('en')} messages: done`);
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

const header = ['messages', 'MB', 'runs', 'raw read ms', 'import ms', 'drop→chart ms', 'MB/s', 'peak RSS MB', 'peak Δ MB', 'Δ / file'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => '| ' + cells.map((cell, column) => cell.padStart(widths[column])).join(' | ') + ' |';
console.log(`\nHeadless Chromium ${execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim()}, Node ${process.version}, medians of ${RUNS} runs (1 at ≥ 5M)`);
console.log(line(header));
console.log('|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|');
for (const row of rows) console.log(line(row));
