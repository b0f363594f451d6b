import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';
import { sampleMonthlyCounts } from '../src/lib/sample/sample-monthly-counts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const resonance = (...args: string[]) => run('node', ['bin/resonance.js', ...args], { cwd: root, maxBuffer: 64 << 20 });
let sample_dir: string;

beforeAll(() => {
	sample_dir = mkdtempSync(resolve(tmpdir(), 'resonance-cli-'));
	const sample = generateSampleCommunity();
	writeFileSync(resolve(sample_dir, 'community.csv'), sample.csv);
	writeFileSync(resolve(sample_dir, 'roster.csv'), sample.roster_csv);
});

describe('resonance analyze', () => {
	it('reproduces the sample community monthly counts exactly, with roles from the roster', async () => {
		const { stdout } = await resonance('analyze', resolve(sample_dir, 'community.csv'), '--roster', resolve(sample_dir, 'roster.csv'), '--tz', 'Asia/Shanghai');
		const output = JSON.parse(stdout);
		expect(output.import).toMatchObject({ format: 'resonance-csv', rows: 9440, rejected: 0, errors: [], time_zone: 'Asia/Shanghai' });
		expect(output.monthly.map((row: { month: string; messages: number }) => [row.month, row.messages])).toEqual(
			sampleMonthlyCounts.map((month) => [month.month, month.messages])
		);
		expect(output.monthly[0].mentor_share).toBeGreaterThan(0.3);
		expect(output.monthly.every((row: { likes: number | null }) => typeof row.likes === 'number')).toBe(true);
	});

	it('prints rejected rows with line and reason, and exits 0 when anything was imported', async () => {
		const { stdout } = await resonance('analyze', 'tests/fixtures/csv/resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv');
		const output = JSON.parse(stdout);
		expect(output.import.rows + output.import.rejected).toBe(8);
		expect(output.import.errors[0]).toEqual({ source: 'resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv', line: 3, reason: 'timestamp "yesterday" is not a date and time' });
	});

	it('exits non-zero with a one-line reason when nothing could be imported', async () => {
		const empty = resolve(sample_dir, 'header-only.csv');
		writeFileSync(empty, 'timestamp,author\n');
		const failure = await resonance('analyze', empty).catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toBe(`resonance: nothing could be imported from ${empty}\n`);
		const missing = await resonance('analyze', 'no-such-file.csv').catch((error) => error);
		expect(missing.stderr).toBe('resonance: no-such-file.csv: no such file\n');
	});

	it('rejects an unknown time zone', async () => {
		const failure = await resonance('analyze', 'x.csv', '--tz', 'Mars/Olympus').catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toMatch(/^resonance: unknown time zone "Mars\/Olympus"/);
	});
});
