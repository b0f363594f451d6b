// `npx tsx bench/dataset-file.ts FILE.csv [FILE.duckdb]`: drop → first chart in headless Chromium on the built site, for a
// Resonance CSV and for the DuckDB dataset `resonance convert` wrote from it, each next to its floor: the file streamed in
// the same page, and (Node, the same duckdb-wasm build) the dataset attached and counted by month alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createNodeDb } from '../src/lib/db/duckdb-node';
import { findChromium } from '../scripts/find-chromium';
import { startStaticServer } from '../scripts/static-server';

const [csv, dataset = csv.replace(/\.csv$/, '.duckdb')] = process.argv.slice(2);
if (!existsSync(dataset)) execFileSync(process.execPath, ['bin/resonance.js', 'convert', csv, '--tz', 'UTC', '--out', dataset], { stdio: ['ignore', 'ignore', 'inherit'] });

async function dropToFirstChartMs(path: string): Promise<{ first_chart: number; raw_read: number; peak_rss_mb: number }> {
	const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--js-flags=--max-old-space-size=8192'] });
	try {
		const page = await browser.newPage({ timezoneId: 'UTC' });
		await page.goto(server.url + '/');
		await page.getByTestId('figure-monthly-activity').locator('svg').first().waitFor({ timeout: 120_000 });
		await page.evaluate(() => performance.clearMeasures());
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 100);
		await page.getByTestId('file-input').setInputFiles(path);
		await page.waitForFunction(() => performance.getEntriesByName('resonance:drop-to-chart').length > 0 || document.querySelector('[role=alert]'), null, { timeout: 1_800_000, polling: 50 });
		clearInterval(sampler);
		const failure = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? null);
		if (failure) throw new Error(failure);
		const first_chart = await page.evaluate(() => performance.getEntriesByName('resonance:drop-to-chart')[0].duration);
		await page.evaluate(() => {
			const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-raw-read' });
			document.body.append(input);
		});
		await page.locator('#bench-raw-read').setInputFiles(path);
		const raw_read = await page.evaluate(async () => {
			const file = document.querySelector<HTMLInputElement>('#bench-raw-read')!.files![0];
			const start = performance.now();
			const reader = file.stream().getReader();
			while (!(await reader.read()).done);
			return performance.now() - start;
		});
		return { first_chart, raw_read, peak_rss_mb: peak };
	} finally {
		await browser.close();
	}
}

function chromiumRssMb(): number {
	try {
		return execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' }).split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
	} catch {
		return 0;
	}
}

async function wasmDatasetFloorMs(path: string): Promise<number> {
	const db = await createNodeDb();
	try {
		const started = performance.now();
		await db.registerFile('dataset.duckdb', { bytes: new Uint8Array(readFileSync(path)) });
		await db.exec(`ATTACH 'dataset.duckdb' AS dataset (READ_ONLY)`);
		await db.query(`SELECT date_trunc('month', sent_at) AS month, count(*)::INTEGER AS messages FROM dataset.messages GROUP BY ALL`);
		return performance.now() - started;
	} finally {
		await db.close();
	}
}

if (!existsSync('build/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await startStaticServer('build');
try {
	for (const path of [csv, dataset]) {
		const figures = await dropToFirstChartMs(path);
		const floor = path === dataset ? ` wasm attach + monthly count (Node) ${Math.round(await wasmDatasetFloorMs(path))} ms;` : '';
		console.log(`${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MB): drop → first chart ${Math.round(figures.first_chart)} ms;${floor} raw read ${Math.round(figures.raw_read)} ms; peak Chromium RSS ${Math.round(figures.peak_rss_mb)} MB`);
	}
} finally {
	await server.close();
}
