import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../../../bench/generate-export';
import { pathImportSource } from '../../../../cli/path-import-source';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks } from './build-interaction-links';
import { ensureTables } from '../derived-tables';
import { linkRatios } from './link-ratios';

// Opt-in: RESONANCE_LINKS_TIMING=100000,1000000 [RESONANCE_LINKS_RUNS=3] npx vitest run src/lib/metrics/links/links-timing.test.ts
const SIZES = (process.env.RESONANCE_LINKS_TIMING ?? '').split(',').filter(Boolean).map(Number);
const RUNS = Number(process.env.RESONANCE_LINKS_RUNS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall-clock and CPU seconds: DuckDB runs on this thread, so CPU time stays meaningful on a busy machine. */
async function seconds(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
	const started = performance.now();
	const cpu = process.cpuUsage();
	await run();
	const used = process.cpuUsage(cpu);
	return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

describe.skipIf(SIZES.length === 0)('interaction links timing (set RESONANCE_LINKS_TIMING=100000,1000000 to run)', { timeout: 3_600_000 }, () => {
	let dir: string;
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	for (const size of SIZES) {
		it(`builds links and monthly ratios for ${size.toLocaleString('en')} synthetic messages`, async () => {
			dir ??= await mkdtemp(join(tmpdir(), 'resonance-links-timing-'));
			const path = join(dir, `synthetic-${size}.csv`);
			await writeSyntheticExport(path, size);
			const db = await createNodeDb();
			try {
				// the floor: a plain DuckDB read of the same file, every column, in the same run
				await db.registerFile('floor.csv', { path });
				const floor = await seconds(() => db.query(`SELECT count(*)::INTEGER AS n, max(length(text))::INTEGER AS longest FROM read_csv('floor.csv')`));
				await db.dropFile('floor.csv');
				const load = await seconds(() => loadDataset(db, [{ source: pathImportSource(path) }], { time_zone: 'UTC' }));
				await ensureTables(db, ['counted_messages']);
				const timings: Record<string, string> = {};
				const measure = async (label: string) => {
					const links: { wall: number; cpu: number }[] = [];
					const ratios: { wall: number; cpu: number }[] = [];
					for (let run = 0; run < RUNS; run++) {
						links.push(await seconds(() => buildInteractionLinks(db)));
						ratios.push(await seconds(() => linkRatios(db, { grain: 'month' })));
					}
					const describe = (runs: { wall: number; cpu: number }[]) =>
						`${median(runs.map((run) => run.wall)).toFixed(2)} s wall, ${median(runs.map((run) => run.cpu)).toFixed(2)} s CPU`;
					timings[`links ${label}`] = describe(links);
					timings[`monthly ratios ${label}`] = describe(ratios);
				};
				await measure('(synthetic texts: no mentions)');
				// One message in ten opens with "@U123 ", one in ten with "U123: ", naming one of the 200 authors.
				await db.exec(`UPDATE messages SET text = CASE hash(message_id) % 10
					WHEN 0 THEN '@U' || lpad(((hash(message_id) >> 8) % 200 + 1)::VARCHAR, 3, '0') || ' ' || text
					WHEN 1 THEN 'U' || lpad(((hash(message_id) >> 8) % 200 + 1)::VARCHAR, 3, '0') || ': ' || text
					ELSE text END`);
				await measure('(20% mentions)');
				const [check] = await db.query<{ links: number; counted: number; mentions: number }>(
					`SELECT (SELECT count(*) FROM links)::INTEGER AS links, (SELECT count(*) FROM counted_messages)::INTEGER AS counted,
						(SELECT count(*) FROM links WHERE rule = 'mention')::INTEGER AS mentions`
				);
				console.log(
					`${size.toLocaleString('en')} messages (floor: plain read_csv ${floor.wall.toFixed(2)} s wall, ${floor.cpu.toFixed(2)} s CPU; load ${load.wall.toFixed(1)} s wall, ${load.cpu.toFixed(1)} s CPU), medians of ${RUNS}:\n` +
						Object.entries(timings).map(([label, value]) => `  ${label}: ${value}`).join('\n')
				);
				expect(check.links).toBe(check.counted);
				expect(check.mentions).toBeGreaterThan(check.counted * 0.15);
			} finally {
				await db.close();
			}
		});
	}
});
