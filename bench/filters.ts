// `node --import ./bin/register-hooks.js bench/filters.ts [--sizes 200000] [--runs 3]`: what the filter costs on native DuckDB,
// on the synthetic exports bench/run.ts builds. Reading the link metrics through the filtered form of the `links` view
// (kept_links semi-joined with counted_messages) against kept_links itself, both without a filter, and a whole analysis under a new filter (links kept) against the same
// analysis with nothing changed but the peak sensitivity. Median ms of `runs` runs after one warm-up.
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { loadCliDataset } from '../cli/load-cli-dataset';
import { DatasetAnalyzer } from '../src/lib/metrics/dataset-analyzer';
import { NO_FILTER } from '../src/lib/metrics/filter/data-filter';
import { linkRatios } from '../src/lib/metrics/links/link-ratios';
import { defaultAnalysisSettings } from '../src/lib/settings/default-analysis-settings';
import { writeSyntheticExport } from './generate-export';

const flag = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const SIZES = flag('--sizes', '200000').split(',').map(Number);
const RUNS = Number(flag('--runs', '3'));
const out_dir = resolve('bench/out');
mkdirSync(out_dir, { recursive: true });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(task: (run: number) => Promise<unknown>): Promise<number> {
	await task(-1);
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		await task(run);
		times.push(performance.now() - start);
	}
	return median(times);
}

console.log(`${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadavg()[0].toFixed(1)}; Node ${process.version}; medians of ${RUNS} runs`);
for (const size of SIZES) {
	const path = resolve(out_dir, `synthetic-${size}.csv`);
	if (!existsSync(path)) await writeSyntheticExport(path, size);
	const { db } = await loadCliDataset([path], { tz: 'UTC' });
	try {
		const settings = defaultAnalysisSettings('UTC');
		const analyzer = new DatasetAnalyzer(db);
		const start = performance.now();
		await analyzer.analyze(settings);
		const first_ms = performance.now() - start;
		const [{ first_day, last_day }] = await db.query<{ first_day: string; last_day: string }>(
			"SELECT strftime(min(sent_at), '%Y-%m-%d') AS first_day, strftime(max(sent_at), '%Y-%m-%d') AS last_day FROM kept_messages"
		);
		const direct = await timed(() => linkRatios(db, { grain: 'month' }));
		await db.exec('CREATE OR REPLACE VIEW links AS SELECT * FROM kept_links WHERE message_id IN (SELECT message_id FROM counted_messages)');
		const through_view = await timed(() => linkRatios(db, { grain: 'month' }));
		await db.exec('CREATE OR REPLACE VIEW links AS SELECT * FROM kept_links');
		// Alternate two filters so every run is a change; the links are found once, above.
		const filters = [
			{ ...NO_FILTER, from: first_day, to: `${first_day.slice(0, 4)}-12-31`, roles: ['student'] },
			{ ...NO_FILTER, from: `${last_day.slice(0, 4)}-01-01`, to: last_day }
		];
		const filter_change = await timed((run) => analyzer.analyze(settings, 'month', filters[(run + 2) % 2]));
		const sensitivity = [1, 2];
		const unfiltered = await timed((run) => analyzer.analyze({ ...settings, peak_sensitivity: sensitivity[(run + 2) % 2] }, 'month', NO_FILTER));
		console.log(`\n${size.toLocaleString('en')} messages: first full analysis (links found) ${first_ms.toFixed(0)} ms`);
		console.log('| case | ms |\n|---|---:|');
		console.log(`| linkRatios by month, links semi-joined with counted_messages (a filter's view, no filter) | ${through_view.toFixed(0)} |`);
		console.log(`| linkRatios by month, links = kept_links (no filter) | ${direct.toFixed(0)} |`);
		console.log(`| whole analysis after a filter change (links kept) | ${filter_change.toFixed(0)} |`);
		console.log(`| whole analysis, back to no filter then a peak-sensitivity change (cached) | ${unfiltered.toFixed(0)} |`);
	} finally {
		await db.close();
	}
}
