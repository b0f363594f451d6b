// `node --import ./bin/register-hooks.js bench/search.ts [--sizes 1000000] [--runs 5]`: the messages behind a number
// and keyword trends (src/lib/metrics/search) on native DuckDB, on the synthetic exports bench/run.ts builds, next to
// floors measured on the same table in the same run: `SELECT count(*)` and one scan of every text.
// Median ms of `runs` runs after one warm-up; the links table is built first, as the CLI does.
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { loadCliDataset } from '../cli/load-cli-dataset';
import type { Db } from '../src/lib/db/db';
import { ensureTables } from '../src/lib/metrics/derived-tables';
import { memberProfile } from '../src/lib/metrics/members/member-profile';
import { countMatchingMessages } from '../src/lib/metrics/search/count-matching-messages';
import { matchingMessages } from '../src/lib/metrics/search/matching-messages';
import { queryTrend } from '../src/lib/metrics/search/query-trend';
import { writeSyntheticExport } from './generate-export';

const flag = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const SIZES = flag('--sizes', '10000000').split(',').map(Number);
const RUNS = Number(flag('--runs', '5'));
const out_dir = resolve('bench/out');
mkdirSync(out_dir, { recursive: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(task: () => Promise<unknown>): Promise<number> {
	await task();
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		await task();
		times.push(performance.now() - start);
	}
	return median(times);
}

async function busiestMonth(db: Db): Promise<string> {
	const [{ month }] = await db.query<{ month: string }>(
		`SELECT strftime(date_trunc('month', sent_at), '%Y-%m') AS month FROM counted_messages GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
	);
	return month;
}

console.log(`${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadavg()[0].toFixed(1)}; Node ${process.version}; medians of ${RUNS} runs`);
for (const size of SIZES) {
	const path = resolve(out_dir, `synthetic-${size}.csv`);
	if (!existsSync(path)) await writeSyntheticExport(path, size);
	let start = performance.now();
	const { db } = await loadCliDataset([path], { tz: 'UTC' });
	const load_ms = performance.now() - start;
	start = performance.now();
	await ensureTables(db, ['links']);
	const links_ms = performance.now() - start;
	try {
		const month = await busiestMonth(db);
		const [{ author_id }] = await db.query<{ author_id: string }>('SELECT author_id FROM counted_messages GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
		const [pair] = await db.query<{ a: string; b: string }>(
			`SELECT author_id AS a, parent_author_id AS b FROM links WHERE parent_author_id <> author_id GROUP BY ALL ORDER BY count(*) DESC, a, b LIMIT 1`
		);
		const floor = await timed(() => db.query('SELECT count(*) FROM counted_messages'));
		const scan = await timed(() => db.query('SELECT max(length(text)) FROM counted_messages'));
		const cases: [string, () => Promise<unknown>][] = [
			[`matchingMessages month ${month}, first 100`, () => matchingMessages(db, { month }, { limit: 100 })],
			[`matchingMessages month ${month}, all`, () => matchingMessages(db, { month }, { limit: size })],
			['matchingMessages query "chest pain", first 100', () => matchingMessages(db, { query: 'chest pain' }, { limit: 100 })],
			['matchingMessages query 病例, rows 10000–10099', () => matchingMessages(db, { query: '病例' }, { limit: 100, offset: 10_000 })],
			['matchingMessages query /(?i)chest pain|胸痛/, first 100', () => matchingMessages(db, { query: '/(?i)chest pain|胸痛/' }, { limit: 100 })],
			['memberProfile of the most active member', () => memberProfile(db, author_id)],
			['matchingMessages pair of the most linked members, first 100', () => matchingMessages(db, { pair: [pair.a, pair.b] }, { limit: 100 })],
			['countMatchingMessages pair of the most linked members', () => countMatchingMessages(db, { pair: [pair.a, pair.b] })],
			['matchingMessages Monday 09:00–10:00, first 100', () => matchingMessages(db, { weekday: 0, hour: 9 }, { limit: 100 })],
			['queryTrend "chest pain" by month', () => queryTrend(db, 'chest pain', { grain: 'month' })],
			['queryTrend "chest pain" by day and role', () => queryTrend(db, 'chest pain', { grain: 'day', by_role: true })]
		];
		console.log(`\n${size.toLocaleString('en')} messages: load ${load_ms.toFixed(0)} ms, links ${links_ms.toFixed(0)} ms (once, not in the cases)`);
		console.log(`| case | ms | × count(*) floor (${floor.toFixed(1)} ms) | × text scan floor (${scan.toFixed(1)} ms) |`);
		console.log('|---|---:|---:|---:|');
		for (const [name, task] of cases) {
			const ms = await timed(task);
			console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / floor).toFixed(0)} | ${(ms / scan).toFixed(1)} |`);
		}
	} finally {
		await db.close();
	}
}
