// `npm run bench:cli [-- --sizes 100000,1000000,5000000] [--runs N]`: `resonance analyze` next to the floor, a
// plain native DuckDB query of the same synthetic CSV (monthly counts and previous-message role links), measured
// in the same run. Prints a Markdown table; docs/performance.md keeps the last one.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeSyntheticExport } from './generate-export';

const flag = (name: string) => {
	const index = process.argv.indexOf(name);
	return index > 0 ? process.argv[index + 1] : undefined;
};
const SIZES = (flag('--sizes') ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(flag('--runs') ?? 1);
const out_dir = resolve('bench/out');
mkdirSync(out_dir, { recursive: true });

/** What a person would write to get the monthly counts and who follows whom out of the CSV. */
const floorSql = (path: string) => `
	CREATE TABLE messages AS SELECT * FROM read_csv('${path}');
	SELECT date_trunc('month', timestamp) AS month, count(*) AS messages FROM messages GROUP BY month ORDER BY month;
	SELECT month, previous_role, role, count(*) AS links
	FROM (SELECT date_trunc('month', timestamp) AS month, role, lag(role) OVER (ORDER BY timestamp) AS previous_role FROM messages)
	GROUP BY ALL ORDER BY ALL;`;

/** Wall and CPU seconds (every thread of this process) of the floor query, from a new database. */
async function floorSeconds(path: string): Promise<{ seconds: number; cpu_seconds: number }> {
	const started = performance.now();
	const cpu_before = process.cpuUsage();
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const [create, monthly, links] = floorSql(path).split(';').filter((sql) => sql.trim());
	await connection.run(create);
	await connection.runAndReadAll(monthly);
	await connection.runAndReadAll(links);
	connection.closeSync();
	instance.closeSync();
	const cpu = process.cpuUsage(cpu_before);
	return { seconds: (performance.now() - started) / 1000, cpu_seconds: (cpu.user + cpu.system) / 1e6 };
}

/** Wall time of the whole process (Node start included), its CPU time and peak resident memory (/usr/bin/time -v). */
function analyze(path: string): Promise<{ seconds: number; cpu_seconds: number; peak_rss_mb: number; phases: string }> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn('/usr/bin/time', ['-v', 'node', 'bin/resonance.js', 'analyze', path, '--tz', 'UTC'], {
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...process.env, RESONANCE_TIMINGS: '1' }
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			if (code !== 0) return fail(new Error(`resonance analyze ${path} exited with ${code}: ${stderr.slice(-2000)}`));
			const rss_kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
			const cpu_seconds = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
			const phases = stderr
				.split('\n')
				.filter((line) => line.startsWith('resonance: '))
				.map((line) => line.slice('resonance: '.length))
				.join('; ');
			done({ seconds, cpu_seconds, peak_rss_mb: rss_kb / 1024, phases });
		});
	});
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows: string[] = [];
const phase_lines: string[] = [];
for (const size of SIZES) {
	const path = resolve(out_dir, `synthetic-${size}.csv`);
	if (!existsSync(path)) {
		process.stderr.write(`generating ${size.toLocaleString('en')} messages… `);
		await writeSyntheticExport(path, size);
		process.stderr.write('done\n');
	}
	const floors: Awaited<ReturnType<typeof floorSeconds>>[] = [];
	const runs: Awaited<ReturnType<typeof analyze>>[] = [];
	for (let run = 0; run < RUNS; run++) {
		floors.push(await floorSeconds(path));
		runs.push(await analyze(path));
	}
	const floor = median(floors.map((run) => run.seconds));
	const floor_cpu = median(floors.map((run) => run.cpu_seconds));
	const seconds = median(runs.map((run) => run.seconds));
	const cpu_seconds = median(runs.map((run) => run.cpu_seconds));
	const rss = Math.max(...runs.map((run) => run.peak_rss_mb));
	const mb = statSync(path).size / 1e6;
	rows.push(
		`| ${size.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${floor.toFixed(2)} s (${floor_cpu.toFixed(2)} s) | ${seconds.toFixed(2)} s (${cpu_seconds.toFixed(2)} s) | ${(seconds / floor).toFixed(1)}× (${(cpu_seconds / floor_cpu).toFixed(1)}×) | ${rss.toFixed(0)} MB |`
	);
	phase_lines.push(`${size.toLocaleString('en')}: ${runs[0].phases}`);
	process.stderr.write(`${rows.at(-1)}\n`);
}

console.log(`${cpus().length} cores, load ${loadavg()[0].toFixed(1)} at the end, median of ${RUNS} run(s)\n`);
console.log('| messages | CSV | native DuckDB query, wall (CPU) | `resonance analyze`, wall (CPU) | ratio, wall (CPU) | analyze peak RSS |');
console.log('|---:|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
console.log('\nPhases of the first analyze run (RESONANCE_TIMINGS=1):\n' + phase_lines.map((line) => `- ${line}`).join('\n'));
